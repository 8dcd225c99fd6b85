import type { Payload } from 'payload'

import { richTextToPlainText, richTextToSafeHtml } from '@/content/richText'
import { type PublishedBrochureMedia, type PublishedVideoMedia, publishedBrochureMedia, publishedVideoMedia } from '@/media/publishedMedia'

export type Audience = 'patient' | 'doctor'
export const PLACEMENTS = ['banner', 'popup', 'ticker', 'list'] as const
export type Placement = (typeof PLACEMENTS)[number]

type Doc = Record<string, any>

export type FeedDepartment = { code: string; name: string }
export type FeedImage = { alt: string; url: string; width?: number; height?: number; sizes: Record<string, string> } | null
export type DisplayWindow = { start: string | null; end: string | null }

export type FeedNotice = {
  id: string
  collection: 'notices'
  version: string
  title: string
  summary: string | null
  kind: string
  placement: Placement
  priority: number
  pinned: boolean
  displayWindow: DisplayWindow
  link: string | null
  image: FeedImage
  departments: FeedDepartment[]
  popupFrequency: string | null
  platforms: string[]
  minAppVersion: string | null
  bodyHtml: string
  bodyText: string
}

export type FeedEvent = {
  id: string
  collection: 'free-clinic-events'
  version: string
  title: string
  mode: 'onsite' | 'online'
  address: string | null
  departments: FeedDepartment[]
  doctors: Array<{ name: string; title: string | null; department: FeedDepartment | null }>
  sessions: Array<{ startsAt: string; endsAt: string; quota: number }>
  registrationLink: string | null
  poster: FeedImage
  displayWindow: DisplayWindow
  descriptionHtml: string
  descriptionText: string
}

export type MediaItem = { id: string; version: string; title: string; description: string | null; departments: FeedDepartment[]; displayWindow: DisplayWindow }
export type FeedVideo = MediaItem & { collection: 'promo-videos'; tags: string[] } & PublishedVideoMedia
export type FeedBrochure = MediaItem & { collection: 'brochures' } & PublishedBrochureMedia

export type FeedContent = {
  audience: Audience
  notices: Record<Placement, FeedNotice[]>
  events: FeedEvent[]
  videos: FeedVideo[]
  brochures: FeedBrochure[]
}

export type BuiltFeed = { content: FeedContent; /** When a display window next opens or closes. */ nextChangeAt: number | null }

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** A published document is in the feed while now is inside its window. */
const inWindow = (doc: Doc, now: number) =>
  (!doc.publishAt || new Date(doc.publishAt).getTime() <= now) && (!doc.expireAt || new Date(doc.expireAt).getTime() > now)

function department(value: unknown): FeedDepartment | null {
  return value && typeof value === 'object' && 'code' in value ? { code: (value as Doc).code, name: (value as Doc).name } : null
}

function image(value: unknown): FeedImage {
  if (!value || typeof value !== 'object' || !('url' in value)) return null
  const media = value as Doc
  const sizes = Object.fromEntries(Object.entries(media.sizes ?? {}).flatMap(([name, size]) => ((size as Doc)?.url ? [[name, (size as Doc).url as string]] : [])))
  return { alt: media.alt ?? '', url: media.url, width: media.width ?? undefined, height: media.height ?? undefined, sizes }
}

/** Pinned first, then higher priority, then the one that started earlier. */
function byDisplayOrder(a: FeedNotice, b: FeedNotice) {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  if (a.priority !== b.priority) return b.priority - a.priority
  return (a.displayWindow.start ?? '').localeCompare(b.displayWindow.start ?? '')
}

/** A notice as the apps get it (also what the staff preview shows). */
export function feedNotice(doc: Doc): FeedNotice {
  return {
    id: String(doc.id),
    collection: 'notices',
    version: iso(doc.updatedAt)!,
    title: doc.title,
    summary: doc.summary ?? null,
    kind: doc.kind,
    placement: doc.placement,
    priority: doc.priority ?? 0,
    pinned: Boolean(doc.pinned),
    displayWindow: { start: iso(doc.publishAt), end: iso(doc.expireAt) },
    link: doc.link ?? null,
    image: image(doc.image),
    departments: (doc.departments ?? []).map(department).filter(Boolean) as FeedDepartment[],
    popupFrequency: doc.placement === 'popup' ? (doc.popupFrequency ?? 'once') : null,
    platforms: doc.platforms ?? [],
    minAppVersion: doc.minAppVersion ?? null,
    bodyHtml: richTextToSafeHtml(doc.body),
    bodyText: richTextToPlainText(doc.body),
  }
}

/** A free-clinic event as the apps get it, sessions in time order. */
export function feedEvent(doc: Doc): FeedEvent {
  return {
    id: String(doc.id),
    collection: 'free-clinic-events',
    version: iso(doc.updatedAt)!,
    title: doc.title,
    mode: doc.mode,
    address: doc.mode === 'onsite' ? (doc.address ?? null) : null,
    departments: (doc.departments ?? []).map(department).filter(Boolean) as FeedDepartment[],
    doctors: (doc.doctors ?? []).map((d: Doc) => ({ name: d.name, title: d.title ?? null, department: department(d.department) })),
    sessions: (doc.sessions ?? [])
      .map((s: Doc) => ({ startsAt: iso(s.startsAt)!, endsAt: iso(s.endsAt)!, quota: s.quota ?? 0 }))
      .sort((a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt)),
    registrationLink: doc.registrationLink ?? null,
    poster: image(doc.poster),
    displayWindow: { start: iso(doc.publishAt), end: iso(doc.expireAt) },
    descriptionHtml: richTextToSafeHtml(doc.description),
    descriptionText: richTextToPlainText(doc.description),
  }
}

/** What a promo video or brochure carries besides its media. */
export function feedMediaItem(doc: Doc): MediaItem {
  return {
    id: String(doc.id),
    version: iso(doc.updatedAt)!,
    title: doc.title,
    description: doc.description ?? null,
    departments: (doc.departments ?? []).map(department).filter(Boolean) as FeedDepartment[],
    displayWindow: { start: iso(doc.publishAt), end: iso(doc.expireAt) },
  }
}

async function livePublished(payload: Payload, collection: 'notices' | 'free-clinic-events' | 'promo-videos' | 'brochures', audience: Audience) {
  const { docs } = await payload.find({
    collection,
    where: { and: [{ _status: { equals: 'published' } }, { audience: { in: [audience, 'both'] } }] },
    limit: 0,
    depth: 1,
    overrideAccess: true,
    pagination: false,
  })
  return docs as Doc[]
}

/** Everything one app audience sees now, built once per change (never per request). */
export async function buildFeed(payload: Payload, audience: Audience, now = Date.now()): Promise<BuiltFeed> {
  const [noticeDocs, eventDocs, videoDocs, brochureDocs] = await Promise.all([
    livePublished(payload, 'notices', audience),
    livePublished(payload, 'free-clinic-events', audience),
    livePublished(payload, 'promo-videos', audience),
    livePublished(payload, 'brochures', audience),
  ])

  let nextChangeAt: number | null = null
  const consider = (value: unknown) => {
    const time = value ? new Date(value as string).getTime() : NaN
    if (time > now && (nextChangeAt === null || time < nextChangeAt)) nextChangeAt = time
  }
  for (const doc of [...noticeDocs, ...eventDocs, ...videoDocs, ...brochureDocs]) {
    consider(doc.publishAt)
    consider(doc.expireAt)
  }

  const notices: Record<Placement, FeedNotice[]> = { banner: [], popup: [], ticker: [], list: [] }
  for (const doc of noticeDocs.filter((d) => inWindow(d, now))) {
    const item = feedNotice(doc)
    notices[item.placement]?.push(item)
  }
  for (const placement of PLACEMENTS) notices[placement].sort(byDisplayOrder)

  const events: FeedEvent[] = eventDocs
    .filter((d) => inWindow(d, now))
    .map(feedEvent)
    // Upcoming first: the event whose first session is soonest.
    .sort((a, b) => (a.sessions[0]?.startsAt ?? '').localeCompare(b.sessions[0]?.startsAt ?? ''))

  // A video is in the feed only with playable outputs of its live version.
  const videos: FeedVideo[] = []
  for (const doc of videoDocs.filter((d) => inWindow(d, now))) {
    const media = await publishedVideoMedia(payload, doc.id)
    if (media) videos.push({ ...feedMediaItem(doc), collection: 'promo-videos', tags: doc.tags ?? [], ...media })
  }
  const brochures: FeedBrochure[] = []
  for (const doc of brochureDocs.filter((d) => inWindow(d, now))) {
    const media = await publishedBrochureMedia(payload, doc.id)
    if (media) brochures.push({ ...feedMediaItem(doc), collection: 'brochures', ...media })
  }

  return { content: { audience, notices, events, videos, brochures }, nextChangeAt }
}
