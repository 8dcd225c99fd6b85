import type { CollectionAfterChangeHook } from 'payload'

import { dropReplacedTranscodes, queueTranscode } from '@/media/transcodes'
import type { PromoVideo } from '@/payload-types'

/**
 * A new source file (a create, or an edit that uploads another file) queues its transcode in the
 * same transaction, so an upload and its job are stored together or not at all. A new upload
 * over an unpublished one also drops the transcode of the file it replaced.
 */
export const queueTranscodeOfUpload: CollectionAfterChangeHook<PromoVideo> = async ({ doc, operation, previousDoc, req }) => {
  if (!req.file || !doc.filename) return doc
  if (operation === 'update' && previousDoc?.filename === doc.filename) return doc
  await queueTranscode(req, doc)
  const live = await req.payload.findByID({ collection: 'promo-videos', id: doc.id, draft: false, depth: 0, req, overrideAccess: true, disableErrors: true })
  const keep = [doc.filename, ...(live?._status === 'published' && live.filename ? [live.filename] : [])]
  await dropReplacedTranscodes(req, doc.id, keep)
  return doc
}
