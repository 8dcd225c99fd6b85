import type { CollectionBeforeOperationHook } from 'payload'

import { isWorkflowWrite } from '../context'
import { workflowError } from '../errors'
import type { PublishableCollection } from '../states'

/**
 * Nothing reaches an app unapproved: a save from the admin, REST or the Local API is always a
 * draft. Payload would otherwise publish on a plain PATCH (no ?draft=true) and overwrite the live
 * document; as a draft the live version stays exactly as approved until the edit is approved.
 * An explicit attempt to publish or to set the review state is refused rather than ignored.
 */
// Typed for any slug: one hook serves every publishable collection (Payload types hooks per slug).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const routeEditsThroughReview: CollectionBeforeOperationHook<any> = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (isWorkflowWrite(args.req?.context ?? req.context)) return args

  const data = (args.data ?? {}) as Record<string, unknown>
  if (data._status === 'published') {
    throw workflowError(req, 'PUBLISH_REQUIRES_APPROVAL', 403, {
      zh: '内容必须经审核批准后才能发布：请先提交审核。',
      en: 'Content goes live only through approval: submit it for review (POST …/workflow {"action":"submit"}).',
    })
  }
  // The admin form re-sends the read-only state with every save, possibly stale (someone acted
  // meanwhile): that is dropped. Asking for a judged state outright is refused.
  if (data.workflowState === 'approved' || data.workflowState === 'published') {
    const id = 'id' in args ? (args.id as number | string | undefined) : undefined
    const current = id
      ? await req.payload.findByID({ collection: collection.slug as PublishableCollection, id, draft: true, depth: 0, req, overrideAccess: true })
      : undefined
    if (data.workflowState !== (current?.workflowState ?? 'draft')) {
      throw workflowError(req, 'WORKFLOW_STATE_READONLY', 403, {
        zh: '审核状态只能通过审核操作改变。',
        en: 'The review state changes only through workflow actions (POST …/workflow).',
      })
    }
  }
  if (args.data) {
    delete (args.data as Record<string, unknown>).workflowState
    ;(args.data as Record<string, unknown>)._status = 'draft'
  }
  return { ...args, draft: true }
}
