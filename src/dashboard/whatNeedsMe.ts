import type { Payload, Where } from 'payload'

import { isWithinDepartmentScope } from '@/access/departmentScope'
import { hasRole } from '@/auth/roles'
import { documentId, type Id, refId, sameId } from '@/content/ids'
import { shanghaiDaySpan } from '@/content/shanghaiTime'
import type { User } from '@/payload-types'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection, type WorkflowState } from '@/workflow/states'
import { isOwnWork, TRANSITIONS } from '@/workflow/transitions'

type DashboardUser = Pick<User, 'id' | 'roles' | 'departments'>

export type PersonRef = { id: Id; name: string | null; email: string | null }

/** One publishable item as the dashboard lists it. */
export type DashboardItem = {
  collection: PublishableCollection
  id: Id
  title: string
  state: WorkflowState
  submittedBy: PersonRef | null
  submittedAt: string | null
  decidedBy: PersonRef | null
  decidedAt: string | null
  decisionComment: string | null
  /** The moment that matters in its section: submitted (queue, waiting), decided (rejected), last saved (drafts), went live / expired (today). */
  at: string | null
  /** The item's edit page in the admin. */
  href: string
}

export type WhatNeedsMe = {
  /** In review, oldest submission first; only what this user may decide (not their own work — submitted or edited since the last approval — and within their departments). Reviewers and admins. */
  reviewQueue: DashboardItem[]
  /** Items this user created, last edited or submitted. Editors, publicity and admins. */
  mine: { drafts: DashboardItem[]; rejected: DashboardItem[]; waiting: DashboardItem[] }
  /** Went live / expired during today's Beijing day, latest first. Everyone. */
  today: { wentLive: DashboardItem[]; expired: DashboardItem[] }
  day: { start: string; end: string }
}

/**
 * Open items read per collection and per dashboard load. Past this many a person has a backlog;
 * the oldest come first (the review queue must never hide its oldest submission).
 */
export const OPEN_ITEMS_LIMIT = 100
/** Publishes and expiries shown for today. */
export const TODAY_LIMIT = 100

/** Who is shown the review queue: whoever may approve (TRANSITIONS is the one source). */
export const decidesReviews = (user: DashboardUser | null | undefined) => hasRole(user, ...TRANSITIONS.approve.roles)
/** Who is shown their own drafts, rejections and waiting items: whoever may submit. */
export const writesContent = (user: DashboardUser | null | undefined) => hasRole(user, ...TRANSITIONS.submit.roles)

type WorkingCopy = {
  id: Id
  title?: string | null
  workflowState?: WorkflowState | null
  createdBy?: unknown
  lastEditedBy?: unknown
  editorsSinceApproval?: unknown
  submittedBy?: unknown
  submittedAt?: string | null
  decidedBy?: unknown
  decidedAt?: string | null
  decisionComment?: string | null
  departments?: unknown[] | null
  updatedAt?: string | null
}

const WORKING_COPY_FIELDS = {
  title: true,
  workflowState: true,
  createdBy: true,
  lastEditedBy: true,
  editorsSinceApproval: true,
  submittedBy: true,
  submittedAt: true,
  decidedBy: true,
  decidedAt: true,
  decisionComment: true,
  departments: true,
  updatedAt: true,
} as const

export const adminHref = (payload: Payload, collection: string, id: Id) => `${payload.config.routes.admin}/collections/${collection}/${encodeURIComponent(String(id))}`

/** The working copies (latest versions, where the review state lives) this user has business with, in one query. */
async function openWorkingCopies(payload: Payload, collection: PublishableCollection, user: DashboardUser): Promise<WorkingCopy[]> {
  const clauses: Where[] = []
  if (decidesReviews(user)) clauses.push({ workflowState: { equals: 'in_review' } })
  if (writesContent(user)) {
    clauses.push({
      and: [
        { workflowState: { in: ['draft', 'rejected', 'in_review'] } },
        { or: [{ createdBy: { equals: user.id } }, { lastEditedBy: { equals: user.id } }, { submittedBy: { equals: user.id } }] },
      ],
    })
  }
  if (clauses.length === 0) return []
  const { docs } = await payload.find({
    collection,
    draft: true,
    where: clauses.length === 1 ? clauses[0] : { or: clauses },
    sort: 'updatedAt',
    limit: OPEN_ITEMS_LIMIT,
    pagination: false,
    depth: 0,
    select: WORKING_COPY_FIELDS,
    overrideAccess: true,
  })
  return docs as unknown as WorkingCopy[]
}

/** Names and emails of the people the items mention, in one query. */
async function peopleById(payload: Payload, ids: Id[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids.map(String))]
  if (unique.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: unique.map((id) => documentId(payload, id)) } },
    select: { name: true, email: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return new Map(docs.map((user) => [String(user.id), { id: user.id, name: user.name ?? null, email: user.email ?? null }]))
}

const byTime = (pick: (item: DashboardItem) => string | null, direction: 1 | -1) => (a: DashboardItem, b: DashboardItem) =>
  direction * (new Date(pick(a) ?? 0).getTime() - new Date(pick(b) ?? 0).getTime())

/** Today's publishes and expiries, from the audit trail (the scheduler and the workflow record each with its time). */
async function todaysChanges(payload: Payload, day: { start: Date; end: Date }) {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { action: { in: ['publish', 'expire'] } },
        { collectionSlug: { in: [...PUBLISHABLE_COLLECTIONS] } },
        { createdAt: { greater_than_equal: day.start.toISOString() } },
        { createdAt: { less_than: day.end.toISOString() } },
      ],
    },
    sort: '-createdAt',
    limit: TODAY_LIMIT,
    pagination: false,
    depth: 0,
    select: { action: true, collectionSlug: true, documentId: true, documentTitle: true, toState: true, createdAt: true },
    overrideAccess: true,
  })
  const item = (entry: (typeof docs)[number]): DashboardItem => {
    const collection = entry.collectionSlug as PublishableCollection
    const id = documentId(payload, entry.documentId)
    return {
      collection,
      id,
      title: entry.documentTitle || String(id),
      state: (entry.toState as WorkflowState) ?? (entry.action === 'publish' ? 'published' : 'expired'),
      submittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      at: entry.createdAt,
      href: adminHref(payload, collection, id),
    }
  }
  return {
    wentLive: docs.filter((entry) => entry.action === 'publish').map(item),
    expired: docs.filter((entry) => entry.action === 'expire').map(item),
  }
}

/**
 * "What needs me": the review queue of a reviewer, the own open items of an author, and what
 * went live or expired today (Beijing day of `now`). One query per publishable collection, one
 * for the people named, one for today: the admin's home page loads it on every visit.
 */
export async function whatNeedsMe(payload: Payload, user: DashboardUser, now: Date = new Date()): Promise<WhatNeedsMe> {
  const day = shanghaiDaySpan(now)
  const [perCollection, today] = await Promise.all([
    Promise.all(PUBLISHABLE_COLLECTIONS.map(async (collection) => ({ collection, docs: await openWorkingCopies(payload, collection, user) }))),
    todaysChanges(payload, day),
  ])

  const people = await peopleById(
    payload,
    perCollection.flatMap(({ docs }) => docs.flatMap((doc) => [refId(doc.submittedBy), refId(doc.decidedBy)])).filter((id): id is Id => id != null),
  )
  const person = (ref: unknown) => {
    const id = refId(ref)
    return id == null ? null : (people.get(String(id)) ?? { id, name: null, email: null })
  }

  const result: WhatNeedsMe = {
    reviewQueue: [],
    mine: { drafts: [], rejected: [], waiting: [] },
    today,
    day: { start: day.start.toISOString(), end: day.end.toISOString() },
  }
  const decides = decidesReviews(user)
  const writes = writesContent(user)

  for (const { collection, docs } of perCollection) {
    for (const doc of docs) {
      const state = (doc.workflowState ?? 'draft') as WorkflowState
      const item = (at: string | null | undefined): DashboardItem => ({
        collection,
        id: doc.id,
        title: doc.title || String(doc.id),
        state,
        submittedBy: person(doc.submittedBy),
        submittedAt: doc.submittedAt ?? null,
        decidedBy: person(doc.decidedBy),
        decidedAt: doc.decidedAt ?? null,
        decisionComment: doc.decisionComment ?? null,
        at: at ?? null,
        href: adminHref(payload, collection, doc.id),
      })
      // The workflow refuses a decision on what the reviewer submitted or last edited, and outside their departments.
      if (decides && state === 'in_review' && !isOwnWork(doc, user.id) && isWithinDepartmentScope(user, doc.departments)) {
        result.reviewQueue.push(item(doc.submittedAt ?? doc.updatedAt))
      }
      const mine = sameId(doc.createdBy, user.id) || sameId(doc.lastEditedBy, user.id) || sameId(doc.submittedBy, user.id)
      if (!writes || !mine) continue
      if (state === 'draft') result.mine.drafts.push(item(doc.updatedAt))
      else if (state === 'rejected') result.mine.rejected.push(item(doc.decidedAt ?? doc.updatedAt))
      else if (state === 'in_review') result.mine.waiting.push(item(doc.submittedAt ?? doc.updatedAt))
    }
  }

  result.reviewQueue.sort(byTime((item) => item.at, 1))
  result.mine.drafts.sort(byTime((item) => item.at, -1))
  result.mine.rejected.sort(byTime((item) => item.at, -1))
  result.mine.waiting.sort(byTime((item) => item.at, 1))
  return result
}
