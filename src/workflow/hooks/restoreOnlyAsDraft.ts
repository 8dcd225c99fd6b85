import type { CollectionBeforeOperationHook } from 'payload'

import { workflowError } from '../errors'

/**
 * A version restore is an edit like any other: it may only make a new draft, which goes through
 * submit and approve. Payload's restore (REST, GraphQL `restoreVersion…`, Local API
 * `payload.restoreVersion`) is its own operation that create/update hooks never see, and without
 * `draft: true` it overwrites the live document. Payload reads `draft` before this hook runs, so the
 * hook cannot turn it on: a restore that is not a draft restore is refused. The REST route (which
 * the admin's Restore button calls) always restores as a draft (see restoreEndpoint.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const restoreOnlyAsDraft: CollectionBeforeOperationHook<any> = ({ args, operation, req }) => {
  if (operation !== 'restoreVersion') return args
  if (args.draft !== true) {
    throw workflowError(req, 'RESTORE_AS_DRAFT_ONLY', 403, {
      zh: '历史版本只能恢复为草稿，再提交审核；已发布的内容只有经过批准才会改变。',
      en: 'A version can only be restored as a draft (draft: true), which then goes through review; live content changes only by approval.',
    })
  }
  return args
}
