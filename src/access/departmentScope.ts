import type { User } from '@/payload-types'

import { hasRole } from '@/auth/roles'
import { refId } from '@/content/ids'

type Id = number | string
type MaybeUser = Pick<User, 'roles' | 'departments'> | null | undefined

const idOf = (value: unknown): Id => refId(value) as Id

/** The departments a user is limited to, or null when unrestricted (admins, and anyone without a scope). */
export function departmentScope(user: MaybeUser): Id[] | null {
  if (!user || hasRole(user, 'admin')) return null
  const scope = (user.departments ?? []).map(idOf)
  return scope.length > 0 ? scope : null
}

/**
 * Whether a user may act on content for these departments. Content for no department is
 * hospital-wide, which a limited user may not publish.
 */
export function isWithinDepartmentScope(user: MaybeUser, departments: unknown[] | null | undefined): boolean {
  const scope = departmentScope(user)
  if (!scope) return true
  const ids = (departments ?? []).map(idOf)
  return ids.length > 0 && ids.every((id) => scope.some((allowed) => String(allowed) === String(id)))
}

/**
 * Whether a user may write an item whose departments go from `before` (empty for a new item) to
 * `after`. A limited user writes only content that lies wholly within their departments, before
 * and after the change: shared content stays with its departments, so no department can strip
 * another from it and take it over (nor edit, unseen by the other, what both publish).
 */
export function mayChangeDepartments(user: MaybeUser, before: unknown[] | null | undefined, after: unknown[] | null | undefined): boolean {
  if (!departmentScope(user)) return true
  return isWithinDepartmentScope(user, after) && ((before ?? []).length === 0 || isWithinDepartmentScope(user, before))
}
