import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { auditedFieldNames, changedFields } from './changedFields'
import { documentTitle } from './documentTitle'
import { recordAudit } from './recordAudit'
import { isAuditSkipped } from './skipAudit'

/**
 * The saved document read the way Payload read `previousDoc` (depth 0, every field, latest draft):
 * the hook's own `doc` follows the caller's depth and `select`, so a populated relationship or a
 * field left out of the response would look changed.
 */
async function readAsStored(req: PayloadRequest, collection: SanitizedCollectionConfig, id: number | string) {
  const context = req.context
  try {
    return (await req.payload.findByID({
      collection: collection.slug as CollectionSlug,
      id,
      depth: 0,
      draft: Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts),
      ...(collection.trash ? { trash: true } : {}),
      showHiddenFields: true,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Record<string, unknown> | null
  } finally {
    // findByID with req replaces req.context with a copy; keep the caller's object.
    req.context = context
  }
}

/**
 * Records every create and update of the collection it is attached to: who, which document, which
 * top-level fields changed. Collection-agnostic; attach as `hooks.afterChange: [auditAfterChange]`.
 * Skipped when `context.skipAudit` is set: that caller records its own, richer entry (see skipAudit.ts).
 * Runs inside the operation's transaction, so a change that is rolled back leaves no entry.
 */
export const auditAfterChange: CollectionAfterChangeHook = async ({ collection, context, data, doc, operation, previousDoc, req }) => {
  if (isAuditSkipped(context)) return doc
  const saved = operation === 'create' ? doc : ((await readAsStored(req, collection, doc.id)) ?? doc)
  const fields = changedFields(auditedFieldNames(collection), operation === 'create' ? undefined : previousDoc, saved)
  // The password is never stored, its hash is not listed; that it was set or changed is worth knowing.
  const passwordSet =
    operation === 'create' ? typeof data?.password === 'string' && data.password !== '' : 'hash' in saved && previousDoc?.hash !== saved.hash
  if (collection.auth && passwordSet) fields.push('password')
  await recordAudit(req, {
    action: operation,
    collection: collection.slug,
    documentId: doc.id,
    documentTitle: documentTitle(collection, saved, previousDoc),
    changedFields: fields,
  })
  return doc
}
