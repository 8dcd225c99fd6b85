import type { User } from '@/payload-types'

/** Staff roles. A user may hold several; `admin` is the only one that can change roles. */
export const ROLES = ['admin', 'reviewer', 'editor', 'publicity', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  editor: { zh: '编辑', en: 'Editor' },
  publicity: { zh: '宣传', en: 'Publicity' },
  viewer: { zh: '只读', en: 'Viewer' },
}

type MaybeUser = Pick<User, 'roles'> | null | undefined

/** The one place roles are compared. */
export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => roles.includes(role as Role)))
}
