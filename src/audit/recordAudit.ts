import type { PayloadRequest } from 'payload'

import type { SystemAction, WorkflowAction } from '@/workflow/states'

import { withoutSecrets } from './withoutSecrets'

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

/** Set by src/server.ts from the socket, overwriting whatever the client sent: the one address to trust. */
export const CLIENT_IP_HEADER = 'x-yixun-client-ip'

// Bounds on what a client controls, so a crafted header cannot bloat the log.
const MAX_HEADER_LENGTH = 512
const MAX_TITLE_LENGTH = 300

const clip = (value: string | null | undefined, max = MAX_HEADER_LENGTH) => (value ? value.slice(0, max) : undefined)

/** The entry as stored: who, from where, about what. Timestamps come from the database layer. */
function auditData(req: PayloadRequest, entry: AuditEntry) {
  const user = req.user?.collection === 'users' ? req.user : null
  const headers = req.headers ?? new Headers()
  // The first hop a proxy reports is the client's own claim: kept as a detail, never as the IP.
  const forwardedFor = clip(headers.get('x-forwarded-for')?.split(',')[0]?.trim(), 64)
  const details = withoutSecrets({ ...entry.details, ...(forwardedFor ? { forwardedFor } : {}) })
  return {
    action: entry.action,
    actor: user?.id ?? null,
    actorEmail: user?.email ?? null,
    collectionSlug: entry.collection ?? null,
    documentId: entry.documentId === undefined || entry.documentId === null ? null : String(entry.documentId),
    documentTitle: clip(entry.documentTitle, MAX_TITLE_LENGTH) ?? null,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    comment: entry.comment ?? null,
    changedFields: entry.changedFields ?? [],
    details: Object.keys(details).length > 0 ? details : null,
    ip: clip(headers.get(CLIENT_IP_HEADER), 64) ?? null,
    userAgent: clip(headers.get('user-agent')) ?? null,
  }
}

/**
 * Appends one entry to the audit log, as req.user (or "system" when there is none), inside the
 * request's transaction: if the change is rolled back, so is its entry.
 *
 * No `context` is passed on purpose: Payload's createLocalReq merges a call's context into the
 * caller's `req.context` object for the rest of the request, so `skipAudit` would leak into every
 * later change of the same request — including the other documents of a bulk update, which Payload
 * processes in parallel on one req. The audit-log collection has no audit hooks, so there is
 * nothing for the flag to skip. req.context is restored because createLocalReq also replaces it.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const context = req.context
  try {
    await req.payload.create({ collection: 'audit-log', data: auditData(req, entry), req, overrideAccess: true, select: { action: true } })
  } finally {
    req.context = context
  }
}

/**
 * Appends an entry in a transaction of its own, for events whose request fails: a failed sign-in
 * must stay on record although the request answers with an error (and may roll back its own work).
 */
export async function recordAuditOutsideTransaction(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  await req.payload.create({ collection: 'audit-log', data: auditData(req, entry), overrideAccess: true, select: { action: true }, context: { skipAudit: true } })
}
