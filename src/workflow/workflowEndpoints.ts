import type { Endpoint, PayloadRequest } from 'payload'

import { YixunError } from '@/errors'
import { reviewLinks } from '@/preview/reviewLinks'

import { workflowError } from './errors'
import { type PublishableCollection, WORKFLOW_ACTIONS, WORKFLOW_STATE_LABELS, type WorkflowAction } from './states'
import { allowedActions, loadItem, performTransition } from './transition'

const MAX_COMMENT = 2000

/** Route ids arrive as text; SQL engines number their documents. */
function itemId(req: PayloadRequest): number | string {
  const raw = String(req.routeParams?.id ?? '')
  if (req.payload.db.defaultIDType !== 'number') return raw
  const id = Number(raw)
  if (!Number.isSafeInteger(id)) throw workflowError(req, 'NOT_FOUND', 404, { zh: '找不到该内容。', en: 'No such item.' })
  return id
}

function requireUser(req: PayloadRequest) {
  if (!req.user) throw workflowError(req, 'UNAUTHENTICATED', 401, { zh: '请先登录。', en: 'Sign in first.' })
}

const asResponse = (error: unknown) => {
  if (error instanceof YixunError) {
    return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status: error.status })
  }
  throw error
}

/**
 * POST /api/<collection>/<id>/workflow {action, comment} performs a transition;
 * GET  /api/<collection>/<id>/workflow tells the state, what the caller may do, and where to look
 *      before deciding: the previews and, for a change to live content, the version diff (for the admin).
 */
export function workflowEndpoints(collection: PublishableCollection): Endpoint[] {
  return [
    {
      path: '/:id/workflow',
      method: 'post',
      handler: async (req) => {
        try {
          requireUser(req)
          const body = (await req.json?.().catch(() => null)) as { action?: unknown; comment?: unknown } | null
          const action = body?.action
          if (typeof action !== 'string' || !WORKFLOW_ACTIONS.includes(action as WorkflowAction)) {
            throw workflowError(req, 'INVALID_ACTION', 422, {
              zh: `action 必须是 ${WORKFLOW_ACTIONS.join(' / ')} 之一。`,
              en: `"action" must be one of ${WORKFLOW_ACTIONS.join(', ')}.`,
            })
          }
          const comment = body?.comment
          if (comment !== undefined && comment !== null && (typeof comment !== 'string' || comment.length > MAX_COMMENT)) {
            throw workflowError(req, 'INVALID_COMMENT', 422, {
              zh: `审核意见须为不超过 ${MAX_COMMENT} 字的文字。`,
              en: `"comment" must be text of at most ${MAX_COMMENT} characters.`,
            })
          }
          const result = await performTransition(req, {
            collection,
            id: itemId(req),
            action: action as WorkflowAction,
            comment: (comment as string | undefined) ?? undefined,
          })
          return Response.json(result)
        } catch (error) {
          return asResponse(error)
        }
      },
    },
    {
      path: '/:id/workflow',
      method: 'get',
      handler: async (req) => {
        try {
          requireUser(req)
          const item = await loadItem(req, collection, itemId(req))
          if (!item) throw workflowError(req, 'NOT_FOUND', 404, { zh: '找不到该内容。', en: 'No such item.' })
          const state = item.working.workflowState as keyof typeof WORKFLOW_STATE_LABELS
          return Response.json({
            state,
            stateLabel: WORKFLOW_STATE_LABELS[state],
            live: item.live,
            allowedActions: allowedActions(req, item.working, item.live),
            links: await reviewLinks(req.payload, collection, item.working.id, { state, live: item.live, req }),
          })
        } catch (error) {
          return asResponse(error)
        }
      },
    },
  ]
}
