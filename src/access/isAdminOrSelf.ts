import type { Access } from 'payload'

import { hasRole } from '@/auth/roles'

/** Admins reach every account; everyone else only their own (as a query, so lists filter). */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
