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
 * Whether a user may change an item's departments from `before` to `after`. A limited user may add
 * or remove only their own departments and must leave at least one of them: shared content keeps
 * the other departments it has, so no department can strip another from it and take it over.
 */
export function mayChangeDepartments(user: MaybeUser, before: unknown[] | null | undefined, after: unknown[] | null | undefined): boolean {
  const scope = departmentScope(user)
  if (!scope) return true
  const inScope = (id: Id) => scope.some((allowed) => String(allowed) === String(id))
  const [was, will] = [(before ?? []).map((d) => String(idOf(d))), (after ?? []).map((d) => String(idOf(d)))]
  const changed = [...was.filter((id) => !will.includes(id)), ...will.filter((id) => !was.includes(id))]
  return changed.every(inScope) && will.some(inScope)
}
