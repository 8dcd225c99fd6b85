import type { CollectionBeforeChangeHook } from 'payload'

import type { PromoVideo } from '@/payload-types'

import { VIDEO_SOURCE_FACTS, type VideoSourceFacts } from './checkVideoUpload'

/**
 * Duration and picture size of the uploaded source, as ffprobe read them. Written only from the
 * probe of this request's upload; otherwise the stored values stay, whatever a client sends.
 */
export const recordSourceFacts: CollectionBeforeChangeHook<PromoVideo> = ({ data, originalDoc, req }) => {
  const facts = req.context[VIDEO_SOURCE_FACTS] as VideoSourceFacts | undefined
  if (facts) {
    data.source = { durationSeconds: Math.round(facts.durationSeconds * 1000) / 1000, width: facts.width, height: facts.height }
    delete req.context[VIDEO_SOURCE_FACTS]
  } else {
    data.source = originalDoc?.source ?? data.source
  }
  return data
}
