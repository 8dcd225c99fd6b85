import type { Access, SanitizedConfig, Where } from 'payload'

import { hasRole } from '@/auth/roles'
import { sameId } from '@/content/ids'

/** A `{ relationTo, value }` (or plain id) that names the signed-in user, or nothing at all. */
const namesSelfOrNobody = (value: unknown, user: { id: unknown; collection?: string }) => {
  if (value === undefined) return true
  const polymorphic = value && typeof value === 'object' && 'value' in value ? (value as { relationTo?: string; value: unknown }) : null
  if (polymorphic?.relationTo && polymorphic.relationTo !== user.collection) return false
  return sameId(polymorphic ? polymorphic.value : value, user.id)
}

const ownRecords = (user: { id: unknown; collection?: string }): Where => ({
  and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }],
})

/** Signed-in staff write locks and preferences only in their own name. */
const inOwnName: Access = ({ req: { user }, data }) => Boolean(user && namesSelfOrNobody((data as { user?: unknown } | undefined)?.user, user))

/** Only one's own records (admins may clear anyone's lock); a changed owner must be oneself. */
const ownOrAdmin =
  (adminsToo: boolean): Access =>
  ({ req: { user }, data }) => {
    if (!user || !namesSelfOrNobody((data as { user?: unknown } | undefined)?.user, user)) return false
    return adminsToo && hasRole(user, 'admin') ? true : ownRecords(user)
  }

/** One's own lock; someone else's only to take it over (the admin's "take over" sends `user: <self>`). */
const ownLockOrTakeOver: Access = (args) => {
  const owner = (args.data as { user?: unknown } | undefined)?.user
  if (owner !== undefined && args.req.user) return namesSelfOrNobody(owner, args.req.user)
  return ownOrAdmin(false)(args)
}

/**
 * Payload adds `payload-locked-documents` and `payload-preferences` while sanitising the config, after
 * plugins run, with access open to any signed-in user: anyone could store a lock in a colleague's
 * name and block their editing, or read and write their preferences. Locks stay readable by staff
 * (the admin shows who is editing; a lock must be seen to be respected) and Payload's "take over"
 * (moving a lock to oneself) still works; everything else is one's own.
 */
export function guardSystemCollections(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.slug === 'payload-locked-documents') {
      collection.access = { ...collection.access, read: ({ req: { user } }) => Boolean(user), create: inOwnName, update: ownLockOrTakeOver, delete: ownOrAdmin(true) }
    }
    if (collection.slug === 'payload-preferences') {
      collection.access = { ...collection.access, read: ownOrAdmin(false), create: inOwnName, update: ownOrAdmin(false), delete: ownOrAdmin(false) }
    }
  }
  return config
}
