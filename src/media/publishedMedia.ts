import type { Payload } from 'payload'

import type { Brochure, VideoTranscode } from '@/payload-types'

import { COVER_SIZES } from './brochureCover'
import type { VideoUrls } from './transcodeStatus'
import { findTranscode, videoOutputUrls } from './transcodes'

type Id = number | string

export type PublishedVideoMedia = VideoUrls & { durationSeconds: number; width: number; height: number }

export type PublishedBrochureMedia = {
  pdf: string
  pageCount: number
  /** Page 1 at each width, smallest first, in JPEG and WebP. */
  cover: Array<{ width: number; height: number; jpeg: string; webp: string }>
}

/**
 * For the feed: where the apps play a published promo video (HLS master playlist, 720p MP4,
 * poster and its sizes), or null when it is not live or its live version is not transcoded.
 * Absolute when SERVER_URL is set, else paths below /api. Anyone may fetch these URLs.
 */
export async function publishedVideoMedia(payload: Payload, id: Id): Promise<PublishedVideoMedia | null> {
  const live = await payload.findByID({ collection: 'promo-videos', id, draft: false, depth: 0, overrideAccess: true, disableErrors: true })
  if (!live || live._status !== 'published' || !live.filename) return null
  return videoMediaOf(payload, await findTranscode(payload, live.id, live.filename))
}

/** The playable outputs of a transcode, or null until it is ready (the staff preview uses it for drafts). */
export function videoMediaOf(payload: Payload, transcode: VideoTranscode | null): PublishedVideoMedia | null {
  const urls = transcode?.status === 'ready' ? videoOutputUrls(payload, transcode) : null
  if (!transcode || !urls) return null
  return { ...urls, durationSeconds: transcode.output?.durationSeconds ?? 0, width: transcode.output?.width ?? 0, height: transcode.output?.height ?? 0 }
}

/** For the feed: a published brochure's PDF and cover URLs, or null when it is not live. */
export async function publishedBrochureMedia(payload: Payload, id: Id): Promise<PublishedBrochureMedia | null> {
  const live = await payload.findByID({ collection: 'brochures', id, draft: false, depth: 0, overrideAccess: true, disableErrors: true })
  if (!live || live._status !== 'published') return null
  return brochureMediaOf(live)
}

/** A brochure document's PDF and cover URLs, or null without a file (the staff preview uses it for drafts). */
export function brochureMediaOf(doc: Pick<Brochure, 'url' | 'pageCount' | 'sizes'>): PublishedBrochureMedia | null {
  if (!doc.url) return null
  const sizes = (doc.sizes ?? {}) as Record<string, { url?: string | null; width?: number | null; height?: number | null } | undefined>
  const cover = COVER_SIZES.flatMap(({ name }) => {
    const jpeg = sizes[name]
    const webp = sizes[`${name}Webp`]
    return jpeg?.url && webp?.url ? [{ width: jpeg.width ?? 0, height: jpeg.height ?? 0, jpeg: jpeg.url, webp: webp.url }] : []
  })
  return { pdf: doc.url, pageCount: doc.pageCount ?? 0, cover }
}
