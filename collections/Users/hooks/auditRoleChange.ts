import type { CollectionAfterChangeHook } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { isAuditSkipped } from '@/audit/skipAudit'
import type { User } from '@/payload-types'

const sorted = (roles: unknown) => (Array.isArray(roles) ? roles.map(String).sort() : [])

/**
 * A change of roles is a change of power: besides the plain `update` entry it gets a `role_change`
 * entry of its own with the roles before and after, so an auditor can list them all by action.
 */
export const auditRoleChange: CollectionAfterChangeHook<User> = async ({ context, data, doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || isAuditSkipped(context)) return doc
  // `doc` follows the request's `select`; the incoming data then still says what was saved.
  const to = doc.roles ?? data.roles
  if (!to) return doc
  const from = previousDoc?.roles ?? []
  if (JSON.stringify(sorted(from)) === JSON.stringify(sorted(to))) return doc
  await recordAudit(req, {
    action: 'role_change',
    collection: 'users',
    documentId: doc.id,
    documentTitle: doc.name ?? previousDoc?.name,
    details: { from, to },
  })
  return doc
}
