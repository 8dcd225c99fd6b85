import type { PayloadRequest } from 'payload'

import { type Id, sameId } from '@/content/ids'
import type { User } from '@/payload-types'

import type { MailedAction } from './workflowMessages'

export type Recipient = Pick<User, 'id' | 'email' | 'name'>

/**
 * Whether a reviewer reviews an item of these departments. A reviewer without departments reviews
 * everything; an item without departments is hospital-wide and concerns every reviewer.
 */
export function reviewsDepartments(reviewer: Pick<User, 'departments'>, departmentIds: Id[]): boolean {
  const scope = reviewer.departments ?? []
  if (scope.length === 0 || departmentIds.length === 0) return true
  return scope.some((ref) => departmentIds.some((id) => sameId(ref, id)))
}

async function usersWithRole(req: PayloadRequest, role: 'reviewer' | 'admin') {
  // A hospital has tens of reviewers, not thousands: read them all and filter the scope here,
  // which behaves the same on every engine (an "empty hasMany relationship" query does not).
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { in: [role] } },
    select: { email: true, name: true, departments: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}

/** Reviewers of the item's departments; the admins when no one else would hear of the submission. */
async function reviewersFor(req: PayloadRequest, departmentIds: Id[]): Promise<Recipient[]> {
  const actorId = req.user?.id
  const reviewers = (await usersWithRole(req, 'reviewer')).filter(
    (user) => !sameId(user.id, actorId) && reviewsDepartments(user, departmentIds),
  )
  if (reviewers.length > 0) return reviewers
  return (await usersWithRole(req, 'admin')).filter((user) => !sameId(user.id, actorId))
}

async function submitter(req: PayloadRequest, submitterId: Id | null | undefined): Promise<Recipient[]> {
  if (submitterId == null || sameId(submitterId, req.user?.id)) return []
  const user = await req.payload.findByID({
    collection: 'users',
    id: submitterId,
    select: { email: true, name: true },
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  return user ? [user] : []
}

/**
 * Who hears of a transition: a submission goes to its reviewers, a decision back to its submitter.
 * The person who acted never gets mail about their own action.
 */
export async function workflowRecipients(
  req: PayloadRequest,
  { action, departmentIds, submitterId }: { action: MailedAction; departmentIds: Id[]; submitterId?: Id | null },
): Promise<Recipient[]> {
  switch (action) {
    case 'submit':
      return reviewersFor(req, departmentIds)
    case 'approve':
    case 'reject':
    case 'withdraw':
      return submitter(req, submitterId)
  }
}
