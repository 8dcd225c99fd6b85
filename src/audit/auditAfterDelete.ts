import type { CollectionAfterDeleteHook } from 'payload'

import { documentTitle } from './documentTitle'
import { recordAudit } from './recordAudit'
import { isAuditSkipped } from './skipAudit'

/**
 * Records every deletion from the collection it is attached to, keeping the title the document had,
 * since the document itself is gone. Attach as `hooks.afterDelete: [auditAfterDelete]`.
 * Skipped when `context.skipAudit` is set (see skipAudit.ts).
 */
export const auditAfterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, id, req }) => {
  if (isAuditSkipped(context)) return doc
  await recordAudit(req, {
    action: 'delete',
    collection: collection.slug,
    documentId: id,
    documentTitle: documentTitle(collection, doc),
  })
  return doc
}
