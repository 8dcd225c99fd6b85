import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '@/auth/roles'
import { refId } from '@/content/ids'
import { YixunError } from '@/errors'

/** Fields that grant power: only an admin may set them, on anyone's account including their own. */
const PRIVILEGED_FIELDS = ['roles', 'departments'] as const

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .map((item) => String(refId(item)))
    .sort()

/**
 * Field access alone would drop a non-admin's role change silently and answer 200, which reads as
 * success. Refuse it instead, but let unchanged values through: the admin form re-sends read-only
 * fields with every save of one's own profile.
 */
export const rejectPrivilegeChange: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'create') return args
  if (args.overrideAccess || !req.user || hasRole(req.user, 'admin')) return args

  const data = (args.data ?? {}) as Record<string, unknown>
  const touched = PRIVILEGED_FIELDS.filter((field) => data[field] !== undefined)
  if (touched.length === 0) return args

  const id = 'id' in args ? (args.id as number | string | undefined) : undefined
  const current = id !== undefined ? await req.payload.findByID({ collection: 'users', id, depth: 0, req, overrideAccess: true }) : undefined
  const changed = touched.filter((field) => JSON.stringify(idsOf(data[field])) !== JSON.stringify(idsOf(current?.[field])))
  if (changed.length > 0) {
    throw new YixunError(
      'ROLE_CHANGE_FORBIDDEN',
      403,
      {
        zh: `只有系统管理员可以修改角色和科室范围（${changed.join('、')}）。`,
        en: `Only an administrator can change roles and department scope (${changed.join(', ')}).`,
      },
      req.i18n?.language,
    )
  }
  return args
}
