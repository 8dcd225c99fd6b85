import type { Access, Where } from 'payload'

import { hasRole } from '@/auth/roles'

import { departmentScope } from './departmentScope'

/** Editors and publicity staff write content; admins may too. Reviewers decide, they do not write. */
export const canCreateContent: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'publicity')

/** As above; a user limited to departments edits only content of those departments (a query, so lists filter). */
export const canUpdateContent: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'editor', 'publicity')) return false
  const scope = departmentScope(user)
  return scope ? { departments: { in: scope } } : true
}

/** Admins delete anything; authors delete their own drafts that never went live. */
export const canDeleteContent: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'editor', 'publicity')) return false
  const own: Where = { createdBy: { equals: user.id } }
  const neverJudged: Where = { workflowState: { in: ['draft', 'rejected'] } }
  return { and: [own, neverJudged] }
}
