import type { Payload, Where } from 'payload'

import { documentId, refId } from '@/content/ids'
import { addDays, shanghaiMidnight } from '@/content/shanghaiTime'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'

/**
 * How late a go-live may be and still count as on time (ms). The scheduler works the queue every
 * second and a publish takes well under one (README, bench:schedule: max ~1 s); a minute leaves
 * room for a busy server without calling a publish hours late "on time".
 */
export const ON_TIME_TOLERANCE_MS = 60_000

export type DepartmentCount = { departmentId: string | null; code: string | null; name: { zh: string; en: string }; items: number }

export type OfficeMetrics = {
  /** Items that went live in the range (an item counts once however often it went live). */
  publishedItems: number
  /** The same per department; an item of several departments counts in each, one of none under "whole hospital" (departmentId null). */
  publishedByDepartment: DepartmentCount[]
  /** Approvals and rejections in the range paired with the submission they decided. */
  decisions: number
  /** Mean hours from submission to decision; null without decisions. */
  averageDecisionHours: number | null
  /**
   * Items whose first go-live falls in the range and that had a planned time (publishAt): how many
   * went live no later than ON_TIME_TOLERANCE_MS after it. Items without a planned time go live at
   * approval and have nothing to be late for. `share` is null when none were planned.
   */
  onTime: { planned: number; onTime: number; share: number | null; toleranceSeconds: number }
}

type AuditRow = { collectionSlug?: string | null; documentId?: string | null; createdAt: string; action: string }
type ItemDoc = { id: number | string; departments?: unknown[] | null; publishAt?: string | null }

const WHOLE_HOSPITAL = { zh: '全院', en: 'Whole hospital' }

const docKey = (collection: unknown, id: unknown) => `${collection}:${id}`

async function auditEntries(payload: Payload, where: Where): Promise<AuditRow[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where,
    select: { action: true, collectionSlug: true, documentId: true, createdAt: true },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs as unknown as AuditRow[]
}

/** The office's figures for Beijing days `from`–`to`, from the audit log (who did what when) and the items themselves. */
export async function officeMetrics(payload: Payload, { from, to, collection }: { from: string; to: string; collection?: PublishableCollection }): Promise<OfficeMetrics> {
  const start = shanghaiMidnight(from).toISOString()
  const end = shanghaiMidnight(addDays(to, 1)).toISOString()
  const collections = collection ? [collection] : [...PUBLISHABLE_COLLECTIONS]
  const inRange: Where[] = [{ createdAt: { greater_than_equal: start } }, { createdAt: { less_than: end } }, { collectionSlug: { in: collections } }]

  const publishes = await auditEntries(payload, { and: [{ action: { equals: 'publish' } }, ...inRange] })
  const firstPublish = new Map<string, AuditRow>()
  for (const entry of publishes) if (!firstPublish.has(docKey(entry.collectionSlug, entry.documentId))) firstPublish.set(docKey(entry.collectionSlug, entry.documentId), entry)

  const items = await publishedItems(payload, [...firstPublish.values()])
  const publishedByDepartment = await countByDepartment(payload, [...items.values()])
  const onTime = await onTimeShare(payload, firstPublish, items, start)
  const { decisions, averageDecisionHours } = await decisionTimes(payload, inRange, end)

  return { publishedItems: firstPublish.size, publishedByDepartment, decisions, averageDecisionHours, onTime }
}

async function publishedItems(payload: Payload, entries: AuditRow[]): Promise<Map<string, ItemDoc>> {
  const items = new Map<string, ItemDoc>()
  for (const collection of PUBLISHABLE_COLLECTIONS) {
    const ids = entries.filter((entry) => entry.collectionSlug === collection).map((entry) => entry.documentId!)
    if (ids.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids.map((id) => documentId(payload, id)) } },
      select: { departments: true, publishAt: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as ItemDoc[]) items.set(docKey(collection, doc.id), doc)
  }
  return items
}

async function countByDepartment(payload: Payload, items: ItemDoc[]): Promise<DepartmentCount[]> {
  const counts = new Map<string | null, number>()
  for (const item of items) {
    const departments = (item.departments ?? []).map((department) => String(refId(department)))
    for (const department of departments.length > 0 ? new Set(departments) : [null]) counts.set(department, (counts.get(department) ?? 0) + 1)
  }
  const named = [...counts.keys()].filter((id): id is string => id !== null)
  const { docs } = named.length
    ? await payload.find({ collection: 'departments', where: { id: { in: named } }, select: { code: true, name: true, nameEn: true }, pagination: false, depth: 0, overrideAccess: true })
    : { docs: [] }
  const departments = new Map(docs.map((doc) => [String(doc.id), doc]))
  return [...counts]
    .map(([id, count]) => {
      const department = id === null ? undefined : departments.get(id)
      return {
        departmentId: id,
        code: department?.code ?? null,
        name: department ? { zh: department.name, en: department.nameEn } : id === null ? WHOLE_HOSPITAL : { zh: `#${id}`, en: `#${id}` },
        items: count,
      }
    })
    .sort((a, b) => b.items - a.items || (a.code ?? '~').localeCompare(b.code ?? '~'))
}

/** On time = the item's first go-live ever, in the range, came at most ON_TIME_TOLERANCE_MS after its publishAt. */
async function onTimeShare(payload: Payload, firstPublish: Map<string, AuditRow>, items: Map<string, ItemDoc>, start: string): Promise<OfficeMetrics['onTime']> {
  const planned = [...firstPublish].filter(([key]) => items.get(key)?.publishAt)
  // Going live again (after an edit or a withdrawal) is a republication, not the planned launch.
  const earlier = planned.length
    ? await auditEntries(payload, {
        and: [{ action: { equals: 'publish' } }, { createdAt: { less_than: start } }, { documentId: { in: [...new Set(planned.map(([, entry]) => entry.documentId!))] } }],
      })
    : []
  const launchedBefore = new Set(earlier.map((entry) => docKey(entry.collectionSlug, entry.documentId)))
  const launches = planned.filter(([key]) => !launchedBefore.has(key))
  const onTime = launches.filter(([key, entry]) => Date.parse(entry.createdAt) <= Date.parse(items.get(key)!.publishAt!) + ON_TIME_TOLERANCE_MS).length
  return { planned: launches.length, onTime, share: launches.length ? onTime / launches.length : null, toleranceSeconds: ON_TIME_TOLERANCE_MS / 1000 }
}

/** Each approval or rejection in the range, timed from the latest submission of the same item before it. */
async function decisionTimes(payload: Payload, inRange: Where[], end: string): Promise<{ decisions: number; averageDecisionHours: number | null }> {
  const decided = await auditEntries(payload, { and: [{ action: { in: ['approve', 'reject'] } }, ...inRange] })
  if (decided.length === 0) return { decisions: 0, averageDecisionHours: null }
  const submissions = await auditEntries(payload, {
    and: [{ action: { equals: 'submit' } }, { createdAt: { less_than: end } }, { documentId: { in: [...new Set(decided.map((entry) => entry.documentId!))] } }],
  })
  const submittedAt = new Map<string, number[]>()
  for (const entry of submissions) {
    const key = docKey(entry.collectionSlug, entry.documentId)
    if (!submittedAt.has(key)) submittedAt.set(key, [])
    submittedAt.get(key)!.push(Date.parse(entry.createdAt))
  }
  // A decision without a submission (a free-clinic event's homepage notice, approved with its event) is not a review.
  const waits: number[] = []
  for (const entry of decided) {
    const at = Date.parse(entry.createdAt)
    const submitted = submittedAt
      .get(docKey(entry.collectionSlug, entry.documentId))
      ?.filter((time) => time <= at)
      .at(-1)
    if (submitted !== undefined) waits.push(at - submitted)
  }
  if (waits.length === 0) return { decisions: 0, averageDecisionHours: null }
  return { decisions: waits.length, averageDecisionHours: waits.reduce((sum, wait) => sum + wait, 0) / waits.length / 3_600_000 }
}
