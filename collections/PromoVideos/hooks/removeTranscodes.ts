import type { CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { runningTranscodes } from '@/media/mediaProcess'
import { removeOutputs, TranscodeStopped } from '@/media/transcodes'

/** Transcodes of the video being deleted, from `dropTranscodeRecords` to `removeTranscodeOutputs` (request context). */
const DELETED_TRANSCODES = 'yixunDeletedTranscodes'

/**
 * A deleted video takes its transcodes with it. The records go in the delete's transaction, before
 * the video row (they refer to it); queued jobs are cancelled there too.
 */
export const dropTranscodeRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs } = await req.payload.find({ collection: 'video-transcodes', where: { video: { equals: id } }, depth: 0, pagination: false, req, overrideAccess: true })
  for (const record of docs) {
    if (record.job && (record.status === 'queued' || record.status === 'processing')) {
      await req.payload.jobs.cancelByID({ id: record.job, req, overrideAccess: true }).catch(() => {})
    }
    await req.payload.delete({ collection: 'video-transcodes', id: record.id, req, overrideAccess: true })
  }
  req.context[DELETED_TRANSCODES] = docs.map((record) => record.id)
}

/** …and once the video is gone, running transcodes stop and the output folders are removed. */
export const removeTranscodeOutputs: CollectionAfterDeleteHook = async ({ req }) => {
  const ids = (req.context[DELETED_TRANSCODES] as Array<number | string> | undefined) ?? []
  delete req.context[DELETED_TRANSCODES]
  for (const id of ids) {
    runningTranscodes().get(String(id))?.abort(new TranscodeStopped('superseded'))
    await removeOutputs(id)
  }
}
