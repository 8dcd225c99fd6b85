import type { PayloadRequest, Where } from 'payload'

import type { Audience } from '@/content/fields'
import { type Id, refId } from '@/content/ids'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection, type WorkflowState } from '@/workflow/states'

import type { CalendarQuery } from './calendarQuery'
import type { CalendarEntry, CalendarEntryType } from './types'

type Doc = Record<string, any> & { id: Id }

/**
 * States whose dates the office plans by: scheduled (approved), done (published, expired), and
 * coming if a reviewer agrees (in review, shown as tentative). Drafts, rejected and withdrawn
 * items will not happen as they stand.
 */
export const CALENDAR_STATES: WorkflowState[] = ['in_review', 'approved', 'published', 'expired']

/** Working copies whose own state keeps them off the calendar while an older version is live. */
const EDITS_NOT_IN_REVIEW: WorkflowState[] = ['draft', 'rejected']

const TYPE_ORDER: Record<CalendarEntryType, number> = { publish: 0, session: 1, expire: 2 }

/**
 * A publish still approved, or an expiry still live, this long after its time (ms) did not happen:
 * a dead worker's job is reclaimed and run within about 15 s (src/jobs/runner.ts), so past a
 * minute something is wrong and the calendar says so rather than showing it as scheduled.
 */
export const OVERDUE_AFTER_MS = 60_000

const within = (path: string, { start, end }: CalendarQuery): Where => ({
  and: [{ [path]: { greater_than_equal: start.toISOString() } }, { [path]: { less_than: end.toISOString() } }],
})

const inRange = (value: unknown, { start, end }: CalendarQuery) => {
  if (!value) return false
  const time = new Date(value as string).getTime()
  return time >= start.getTime() && time < end.getTime()
}

/** Items of one collection with a publish, an expiry (or, for events, a session) in the range, narrowed by the filters. */
function datedWhere(collection: PublishableCollection, query: CalendarQuery): Where {
  const dated: Where[] = [within('publishAt', query), within('expireAt', query)]
  if (collection === 'free-clinic-events') dated.push(within('sessions.startsAt', query))
  const and: Where[] = [{ or: dated }]
  if (query.department !== undefined) and.push({ departments: { in: [query.department] } })
  if (query.kind !== undefined) and.push({ kind: { equals: query.kind } })
  return { and }
}

/** The entries one version of an item puts on the calendar. */
function entriesOf(collection: PublishableCollection, doc: Doc, state: WorkflowState, query: CalendarQuery, adminRoute: string, now: Date): CalendarEntry[] {
  const base = {
    collection,
    id: doc.id,
    title: String(doc.title ?? doc.id),
    audience: (doc.audience ?? 'both') as Audience,
    ...(collection === 'notices' ? { kind: doc.kind as string } : {}),
    departments: ((doc.departments ?? []) as unknown[]).map(refId).filter((id): id is Id => id !== null),
    state,
    tentative: state === 'in_review',
    href: `${adminRoute}/collections/${collection}/${doc.id}`,
  }
  const late = (at: string) => new Date(at).getTime() < now.getTime() - OVERDUE_AFTER_MS
  const entries: CalendarEntry[] = []
  if (inRange(doc.publishAt, query)) {
    const at = new Date(doc.publishAt).toISOString()
    entries.push({ ...base, type: 'publish', at, overdue: state === 'approved' && late(at) })
  }
  if (inRange(doc.expireAt, query)) {
    const at = new Date(doc.expireAt).toISOString()
    entries.push({ ...base, type: 'expire', at, overdue: state === 'published' && late(at) })
  }
  if (collection === 'free-clinic-events') {
    for (const session of (doc.sessions ?? []) as { startsAt?: string; endsAt?: string; quota?: number }[]) {
      if (!inRange(session.startsAt, query)) continue
      entries.push({
        ...base,
        type: 'session',
        at: new Date(session.startsAt!).toISOString(),
        overdue: false,
        ...(session.endsAt ? { end: new Date(session.endsAt).toISOString() } : {}),
        ...(typeof session.quota === 'number' ? { quota: session.quota } : {}),
      })
    }
  }
  return entries
}

/**
 * One collection's entries. The working copy (latest version) carries the review state, as the
 * workflow and the scheduler read it. A live item whose working copy is an edit not yet submitted
 * (draft, rejected) is still in the apps: its live version's dates are shown as published.
 */
async function collectionEntries(req: PayloadRequest, collection: PublishableCollection, query: CalendarQuery, now: Date): Promise<CalendarEntry[]> {
  const where = datedWhere(collection, query)
  // The caller reads only what the collection lets them read.
  const options = { collection, depth: 0, pagination: false, overrideAccess: false, user: req.user, req } as const

  const [working, live] = await Promise.all([
    req.payload.find({ ...options, draft: true, where: { and: [where, { workflowState: { in: CALENDAR_STATES } }] } }),
    req.payload.find({ ...options, draft: false, where: { and: [where, { _status: { equals: 'published' } }] } }),
  ])
  const adminRoute = req.payload.config.routes.admin
  const entries = working.docs.flatMap((doc) => entriesOf(collection, doc as Doc, (doc as Doc).workflowState, query, adminRoute, now))

  const shown = new Set(working.docs.map((doc) => String(doc.id)))
  const candidates = live.docs.filter((doc) => !shown.has(String(doc.id)))
  if (candidates.length > 0) {
    const edits = await req.payload.find({
      ...options,
      draft: true,
      where: { and: [{ id: { in: candidates.map((doc) => doc.id) } }, { workflowState: { in: EDITS_NOT_IN_REVIEW } }] },
    })
    const editedWhileLive = new Set(edits.docs.map((doc) => String(doc.id)))
    for (const doc of candidates) {
      if (editedWhileLive.has(String(doc.id))) entries.push(...entriesOf(collection, doc as Doc, 'published', query, adminRoute, now))
    }
  }
  return entries
}

const byTime = (a: CalendarEntry, b: CalendarEntry) =>
  a.at.localeCompare(b.at) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.title.localeCompare(b.title, 'zh') || String(a.id).localeCompare(String(b.id))

/**
 * Every publish, expiry and free-clinic session in the query's range (Beijing days) that the
 * signed-in user may read, sorted by time. A kind filter narrows to notices (only they have kinds).
 */
export async function calendarEntries(req: PayloadRequest, query: CalendarQuery, now: Date = new Date()): Promise<CalendarEntry[]> {
  const collections = PUBLISHABLE_COLLECTIONS.filter((slug) => (!query.collection || slug === query.collection) && (!query.kind || slug === 'notices'))
  const perCollection = await Promise.all(collections.map((collection) => collectionEntries(req, collection, query, now)))
  return perCollection.flat().sort(byTime)
}
