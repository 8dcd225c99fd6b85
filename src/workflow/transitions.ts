import type { Role } from '@/auth/roles'
import { sameId } from '@/content/ids'

import type { WorkflowAction, WorkflowState } from './states'

export type TransitionRule = {
  /** States of the working copy (the latest version) the action starts from. */
  from: WorkflowState[]
  roles: Role[]
  /** A reviewer's decision: never on the reviewer's own work (isOwnWork). */
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

/**
 * Four eyes: whoever submitted the working copy or edited it since its last approval (even one
 * character, even before someone else's last touch) has a hand in it and may not judge it.
 * `lastEditedBy` also covers items last edited before `editorsSinceApproval` existed.
 */
export function isOwnWork(working: Record<string, unknown>, userId: number | string): boolean {
  const editors = Array.isArray(working.editorsSinceApproval) ? working.editorsSinceApproval : []
  return sameId(working.submittedBy, userId) || sameId(working.lastEditedBy, userId) || editors.some((editor) => sameId(editor, userId))
}
