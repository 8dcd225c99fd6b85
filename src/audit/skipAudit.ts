import type { RequestContext } from 'payload'

/**
 * The contract between the generic audit hooks and code that writes its own entries:
 *
 *   req.payload.update({ …, req, context: { skipAudit: true } })  →  auditAfterChange and
 *   auditAfterDelete (and the role-change hook on users) write nothing for this call.
 *
 * Whoever sets the flag takes over: it must call recordAudit itself with a richer entry (the
 * workflow records the transition with from/to state and comment instead of a bare "update").
 * REST and GraphQL clients cannot set request context, so the flag is only reachable from server
 * code. Payload merges a call's `context` into the shared `req.context` for the rest of the
 * request: restore `req.context` after the call, or later changes in that request go unrecorded.
 */
export const SKIP_AUDIT = 'skipAudit'

export const isAuditSkipped = (context: RequestContext | undefined) => Boolean(context?.[SKIP_AUDIT])
