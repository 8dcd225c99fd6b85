import type { Role } from '@/auth/roles'

type UserSeed = { role: Role; name: string; departmentCodes?: string[] }

/** One demo account per role, `<role>@yixun.local`. The admin comes first: the first account becomes admin. */
export const DEMO_USERS: UserSeed[] = [
  { role: 'admin', name: '王建国（系统管理员）' },
  { role: 'reviewer', name: '李静（审核员）' },
  { role: 'editor', name: '张晓雨（编辑）', departmentCodes: ['CARD', 'GI', 'PED', 'OPH', 'IHO'] },
  { role: 'publicity', name: '陈思远（宣传）' },
  { role: 'viewer', name: '刘洋（只读）' },
]

export const demoEmail = (role: Role) => `${role}@yixun.local`
