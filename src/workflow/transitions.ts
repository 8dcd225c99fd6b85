import type { Role } from '@/auth/roles'

import type { WorkflowAction, WorkflowState } from './states'

export type TransitionRule = {
  /** States of the working copy (the latest version) the action starts from. */
  from: WorkflowState[]
  roles: Role[]
  /** A reviewer's decision: never on what the reviewer submitted or last edited. */
  decision?: true
  commentRequired?: true
}

/** Who may do what, from where. The single source for the endpoint, the admin buttons and the tests. */
export const TRANSITIONS: Record<WorkflowAction, TransitionRule> = {
  submit: { from: ['draft', 'rejected'], roles: ['admin', 'editor', 'publicity'] },
  approve: { from: ['in_review'], roles: ['admin', 'reviewer'], decision: true },
  reject: { from: ['in_review'], roles: ['admin', 'reviewer'], decision: true, commentRequired: true },
  withdraw: { from: ['approved', 'published'], roles: ['admin', 'reviewer'] },
  reopen: { from: ['in_review', 'approved', 'rejected', 'withdrawn', 'expired'], roles: ['admin', 'editor', 'publicity'] },
}
