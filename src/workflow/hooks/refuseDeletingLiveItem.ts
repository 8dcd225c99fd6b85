import type { CollectionBeforeOperationHook, Where } from 'payload'

import { workflowError } from '../errors'

/**
 * Live content leaves the apps through the workflow (withdraw, or expiry), which records who took
 * it down and tells the apps; deleting it outright would change a feed behind the review's back.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const refuseDeletingLiveItem: CollectionBeforeOperationHook<any> = async ({ args, collection, operation, req }) => {
  if (operation !== 'delete') return args
  const target: Where = 'id' in args && args.id !== undefined ? { id: { equals: args.id } } : ((args as { where?: Where }).where ?? {})
  const { totalDocs } = await req.payload.count({ collection: collection.slug as never, where: { and: [target, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  if (totalDocs === 0) return args
  throw workflowError(req, 'ITEM_IS_LIVE', 409, {
    zh: '该内容正在线上展示，不能直接删除：请先撤下（withdraw），再删除。',
    en: 'This item is live in the apps and cannot be deleted: withdraw it first (POST …/workflow {"action":"withdraw"}).',
  })
}
