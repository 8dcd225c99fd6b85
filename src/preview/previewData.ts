import type { Payload, TypedUser } from 'payload'

import type { Id } from '@/content/ids'
import { type FeedEvent, type FeedNotice, type MediaItem, feedEvent, feedMediaItem, feedNotice } from '@/feed/buildFeed'
import { brochureMediaOf, type PublishedBrochureMedia, type PublishedVideoMedia, videoMediaOf } from '@/media/publishedMedia'
import { TRANSCODE_STATUS_LABELS, type TranscodeStatus } from '@/media/transcodeStatus'
import { findTranscode } from '@/media/transcodes'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection, WORKFLOW_STATE_LABELS, type WorkflowState } from '@/workflow/states'

import { type Audience, shownInApp } from './links'

type Doc = Record<string, any>
type Label = { zh: string; en: string }

/** The item as the app would get it from the feed, by kind. */
export type PreviewItem =
  | { kind: 'notice'; notice: FeedNotice }
  | { kind: 'event'; event: FeedEvent }
  | {
      kind: 'video'
      video: MediaItem & { collection: 'promo-videos'; tags: string[] }
      /** The outputs of the version under review; null until its transcode is ready. */
      media: PublishedVideoMedia | null
      transcode: { status: TranscodeStatus | 'none'; label: Label }
    }
  | { kind: 'brochure'; brochure: MediaItem & { collection: 'brochures' }; media: PublishedBrochureMedia | null }

/** What the preview page renders: one document's latest version, shaped by the feed's own functions. */
export type PreviewData = {
  /** The document id (the live-preview client sends it back with each edit). */
  id: string
  collection: PublishableCollection
  /** The app shown. */
  audience: Audience
  /** Whom the item is for: patient, doctor or both. */
  itemAudience: string
  /** False when the item never appears in the app shown (the page says so). */
  shownInApp: boolean
  state: WorkflowState
  stateLabel: Label
  item: PreviewItem
}

export type LoadPreviewArgs = {
  collection: PublishableCollection
  /** The id as it arrived (route text or a document id). */
  id: unknown
  /** The signed-in staff account; nothing is shown without one. */
  user: TypedUser | null | undefined
  audience: Audience
  /** Unsaved form values from the live preview, laid over the latest version. */
  data?: Record<string, unknown> | null
}

export const isPreviewCollection = (value: unknown): value is PublishableCollection => PUBLISHABLE_COLLECTIONS.includes(value as PublishableCollection)

/** A route id in the engine's type, or null when it cannot be one (numbers on SQL, strings on MongoDB). */
function parseId(payload: Payload, raw: unknown): Id | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : null
  const text = String(raw ?? '')
  if (payload.db.defaultIDType === 'number') {
    const id = Number(text)
    return /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : null
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(text) ? text : null
}

/** Sessions half-entered in the form (no start or end yet) are left out rather than breaking the preview. */
const completeSessions = (doc: Doc): Doc => ({
  ...doc,
  sessions: Array.isArray(doc.sessions) ? doc.sessions.filter((s: Doc) => s && validDate(s.startsAt) && validDate(s.endsAt)) : [],
})
const validDate = (value: unknown) => Boolean(value) && !Number.isNaN(new Date(value as string).getTime())
const withValidDates = (doc: Doc): Doc => ({
  ...doc,
  publishAt: validDate(doc.publishAt) ? doc.publishAt : null,
  expireAt: validDate(doc.expireAt) ? doc.expireAt : null,
  updatedAt: validDate(doc.updatedAt) ? doc.updatedAt : null,
})

async function shape(payload: Payload, collection: PublishableCollection, doc: Doc, stored: Doc): Promise<PreviewItem> {
  switch (collection) {
    case 'notices':
      return { kind: 'notice', notice: feedNotice(doc) }
    case 'free-clinic-events':
      return { kind: 'event', event: feedEvent(completeSessions(doc)) }
    case 'promo-videos': {
      // The file is the stored one: an upload reaches the preview only once saved.
      const transcode = stored.filename ? await findTranscode(payload, stored.id, stored.filename) : null
      const status = transcode?.status ?? 'none'
      return {
        kind: 'video',
        video: { ...feedMediaItem(doc), collection: 'promo-videos', tags: Array.isArray(doc.tags) ? doc.tags : [] },
        media: videoMediaOf(payload, transcode),
        transcode: { status, label: transcode ? TRANSCODE_STATUS_LABELS[transcode.status] : { zh: '未上传视频', en: 'No video uploaded' } },
      }
    }
    case 'brochures':
      return { kind: 'brochure', brochure: { ...feedMediaItem(doc), collection: 'brochures' }, media: brochureMediaOf(stored) }
  }
}

/**
 * The preview of one document for staff: its latest version (the one under review, not the live
 * one), read with the caller's access, shaped exactly as the app feed shapes it. Null when there
 * is no signed-in user, no such document, or the user may not read it.
 */
export async function loadPreview(payload: Payload, { collection, id: rawId, user, audience, data }: LoadPreviewArgs): Promise<PreviewData | null> {
  if (!user || !isPreviewCollection(collection)) return null
  const id = parseId(payload, rawId)
  if (id === null) return null
  const read = (extra: { data?: Record<string, unknown>; draft?: boolean } = {}) =>
    payload
      .findByID({ collection, id, draft: true, depth: 1, overrideAccess: false, user, disableErrors: true, ...extra })
      .catch(() => null) as Promise<Doc | null>
  const stored = await read()
  if (!stored) return null
  // Form values from the live preview are populated (relationships at depth 1) and read through the
  // collection's hooks and field access, as Payload's own live preview does; the id stays the stored
  // one. Not as a draft read: that would swap the values for the stored draft.
  const edited = data && typeof data === 'object' ? await read({ data: { ...data, id: stored.id }, draft: false }) : null
  const doc = withValidDates(edited ?? stored)
  const state = (stored.workflowState ?? 'draft') as WorkflowState
  const itemAudience = String(doc.audience ?? stored.audience ?? 'patient')
  return {
    id: String(stored.id),
    collection,
    audience,
    itemAudience,
    shownInApp: shownInApp(itemAudience, audience),
    state,
    stateLabel: WORKFLOW_STATE_LABELS[state] ?? { zh: state, en: state },
    item: await shape(payload, collection, doc, stored),
  }
}
