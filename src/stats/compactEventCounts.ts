import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import type { FeedEventCount } from '@/payload-types'

import { COMPACTED } from './events'
import { type BucketCounts, bucketKey } from './recordEventCounts'
import { addDays, shanghaiDay } from '@/content/shanghaiTime'
import { MAX_CLOCK_AHEAD, MAX_EVENT_AGE } from './validateEventBatch'

/** Rows read per day and run; a backlog beyond this is finished by the next runs. */
const MAX_ROWS_PER_DAY = 20_000
/** Items merged per transaction: short transactions, and a conflict repeats little work. */
const ITEMS_PER_TRANSACTION = 100
/**
 * Batch rows younger than this (ms) are left for a later run: while a batch's own rows exist, an
 * app that sends it again (its answer was lost) is recognised by the batch id and counted once.
 */
export const COMPACTION_HOLD = 30 * 60 * 1000

type Row = Pick<FeedEventCount, 'id' | 'day' | 'collectionSlug' | 'itemId' | 'audience' | 'placement' | 'platform' | 'impressions' | 'clicks' | 'dismisses' | 'batch'>

const ROW_SELECT = {
  day: true,
  collectionSlug: true,
  itemId: true,
  audience: true,
  placement: true,
  platform: true,
  impressions: true,
  clicks: true,
  dismisses: true,
  batch: true,
} as const

export type CompactionResult = {
  days: string[]
  /** Buckets now held in one compacted row. */
  buckets: number
  /** Rows removed (batch rows and replaced compacted rows) minus the compacted rows written. */
  rowsSaved: number
  /** Transactions rolled back (another compaction got there first, or a write failed); the next run redoes them. */
  conflicts: number
  skipped?: 'no-transactions'
}

/** The days that can still receive events: from the oldest accepted event's day (one spare) to tomorrow's first minutes. */
export function openDays(now: number): string[] {
  const days: string[] = []
  const last = shanghaiDay(now + MAX_CLOCK_AHEAD)
  for (let day = addDays(shanghaiDay(now - MAX_EVENT_AGE), -1); day <= last; day = addDays(day, 1)) days.push(day)
  return days
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/**
 * Folds each bucket's batch rows (and its earlier compacted row) into one row with batch
 * 'compacted', so the table holds about one row per bucket and day.
 *
 * Safe to run twice at once (the queue can run a job on two instances): each transaction deletes
 * the rows it read and inserts the bucket's compacted row, and the unique index allows one
 * compacted row per bucket. A bucket's rows are read in one query inside the transaction (one
 * snapshot), so if another compaction has merged some of them since, what was read includes the
 * compacted row that compaction deleted, not the one it wrote: that one still stands, our insert
 * fails on it and we roll back. (Read in two queries, a compaction committing in between would
 * pair its new compacted row with the batch rows it had merged, and count them twice.) No row is
 * ever counted twice; batch rows written meanwhile wait for the next run.
 *
 * Without transactions (MongoDB without a replica set) a failure could lose counts half-way, so
 * compaction does nothing there; readers sum the batch rows either way.
 */
export async function compactEventCounts(
  payload: Payload,
  { days, now = Date.now(), hold = COMPACTION_HOLD }: { days?: string[]; now?: number; hold?: number } = {},
): Promise<CompactionResult> {
  const result: CompactionResult = { days: days ?? openDays(now), buckets: 0, rowsSaved: 0, conflicts: 0 }
  const receivedBefore = new Date(now - hold).toISOString()

  for (const day of result.days) {
    // Which items have batch rows old enough to merge (any moment's view will do: it only picks items).
    const { docs: pending } = await payload.find({
      collection: 'feed-event-counts',
      where: { and: [{ day: { equals: day } }, { batch: { not_equals: COMPACTED } }, { receivedAt: { less_than_equal: receivedBefore } }] },
      select: { itemId: true },
      sort: 'id',
      limit: MAX_ROWS_PER_DAY,
      pagination: false,
      depth: 0,
    })
    for (const itemIds of chunks([...new Set(pending.map((row) => row.itemId))], ITEMS_PER_TRANSACTION)) {
      const outcome = await mergeItems(payload, day, itemIds, now - hold)
      if (outcome === 'no-transactions') return { ...result, skipped: 'no-transactions' }
      if (outcome === 'conflict') result.conflicts++
      else {
        result.buckets += outcome.buckets
        result.rowsSaved += outcome.rowsSaved
      }
    }
  }
  return result
}

/** Merges the buckets of these items on this day, in one transaction. */
async function mergeItems(payload: Payload, day: string, itemIds: string[], receivedBefore: number): Promise<{ buckets: number; rowsSaved: number } | 'conflict' | 'no-transactions'> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  if (!req.transactionID) return 'no-transactions'
  try {
    // Every row of these items in one query inside the transaction: one snapshot on every engine.
    const { docs } = await payload.find({
      collection: 'feed-event-counts',
      where: { and: [{ day: { equals: day } }, { itemId: { in: itemIds } }] },
      select: { ...ROW_SELECT, receivedAt: true },
      pagination: false,
      depth: 0,
      req,
    })
    const buckets = new Map<string, Row[]>()
    for (const row of docs as Array<Row & { receivedAt?: string | null }>) {
      const mergeable = row.batch === COMPACTED || (row.receivedAt != null && Date.parse(row.receivedAt) <= receivedBefore)
      if (!mergeable) continue
      const key = bucketKey(row)
      if (!buckets.has(key)) buckets.set(key, [])
      buckets.get(key)!.push(row)
    }
    // A bucket with nothing but its compacted row has nothing to merge.
    const merging = [...buckets.values()].filter((rows) => rows.some((row) => row.batch !== COMPACTED))
    if (merging.length > 0) {
      await payload.db.deleteMany({ collection: 'feed-event-counts', where: { id: { in: merging.flat().map((row) => row.id) } }, req })
    }
    for (const rows of merging) {
      const { day, collectionSlug, itemId, audience, placement, platform } = rows[0]
      const merged: BucketCounts = { day, collectionSlug, itemId, audience, placement, platform, impressions: 0, clicks: 0, dismisses: 0 }
      for (const row of rows) {
        merged.impressions += row.impressions
        merged.clicks += row.clicks
        merged.dismisses += row.dismisses
      }
      await payload.create({ collection: 'feed-event-counts', data: { ...merged, batch: COMPACTED }, req, overrideAccess: true, depth: 0, select: { batch: true } })
    }
    await commitTransaction(req)
    return { buckets: merging.length, rowsSaved: merging.reduce((sum, rows) => sum + rows.length - 1, 0) }
  } catch (error) {
    await killTransaction(req)
    payload.logger.info({ err: error, items: itemIds.length }, 'feed event compaction rolled back (merged elsewhere or failed); the next run retries')
    return 'conflict'
  }
}
