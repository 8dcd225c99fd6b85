import type { PayloadRequest } from 'payload'

import type { SystemAction, WorkflowAction } from '@/workflow/states'

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | WorkflowAction
  | SystemAction
  | 'login_failed'
  | 'role_change'

export type AuditEntry = {
  action: AuditAction
  /** Collection slug of the document concerned. */
  collection?: string
  documentId?: number | string
  documentTitle?: string
  fromState?: string
  toState?: string
  comment?: string
  /** Names of the top-level fields that changed. */
  changedFields?: string[]
  /** Extra facts worth keeping (e.g. roles before/after, the email of a failed login). */
  details?: Record<string, unknown>
}

/**
 * Appends one entry to the audit log, as req.user (or "system" when there is none), inside the
 * request's transaction. STUB: the audit work replaces this body.
 */
export async function recordAudit(_req: PayloadRequest, _entry: AuditEntry): Promise<void> {}
