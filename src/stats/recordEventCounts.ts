import { randomUUID } from 'node:crypto'

import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import type { CountAudience, EventType, Placement, Platform, TrackedCollection } from './events'

/** One bucket's counts: a row of feed-event-counts without its batch. */
export type BucketCounts = {
  day: string
  collectionSlug: TrackedCollection
  itemId: string
  audience: CountAudience
  placement: Placement
  platform: Platform
  impressions: number
  clicks: number
  dismisses: number
}

export type CountableEvent = {
  type: EventType
  day: string
  collection: TrackedCollection
  itemId: string
  audience: CountAudience
  placement: Placement
  platform: Platform
}

const COUNTER: Record<EventType, 'impressions' | 'clicks' | 'dismisses'> = { impression: 'impressions', click: 'clicks', dismiss: 'dismisses' }

export const bucketKey = (row: Pick<BucketCounts, 'day' | 'collectionSlug' | 'itemId' | 'audience' | 'placement' | 'platform'>) =>
  [row.day, row.collectionSlug, row.itemId, row.audience, row.placement, row.platform].join('\u0000')

/** Adds up a batch's events per (day, item, audience, placement, platform). */
export function countByBucket(events: CountableEvent[]): BucketCounts[] {
  const buckets = new Map<string, BucketCounts>()
  for (const event of events) {
    const bucket = { day: event.day, collectionSlug: event.collection, itemId: event.itemId, audience: event.audience, placement: event.placement, platform: event.platform }
    const key = bucketKey(bucket)
    let counts = buckets.get(key)
    if (!counts) buckets.set(key, (counts = { ...bucket, impressions: 0, clicks: 0, dismisses: 0 }))
    counts[COUNTER[event.type]]++
  }
  return [...buckets.values()]
}

/** Tries per batch when a commit turned out not to have happened. */
const ATTEMPTS = 5
/** Pause before trying again (ms, times the attempt, jittered): the writes that collided get out of the way. */
const RETRY_PAUSE = 25

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE * attempt * (0.5 + Math.random())))

export type RecordOutcome = { outcome: 'stored' | 'duplicate'; batch: string; rows: number }

/** Whether the rows of this batch are in the database (read outside any transaction). */
async function isStored(payload: Payload, bucket: BucketCounts, batch: string): Promise<boolean> {
  const { day, collectionSlug, itemId, audience, placement, platform } = bucket
  const { totalDocs } = await payload.count({
    collection: 'feed-event-counts',
    where: {
      and: [
        { day: { equals: day } },
        { collectionSlug: { equals: collectionSlug } },
        { itemId: { equals: itemId } },
        { audience: { equals: audience } },
        { placement: { equals: placement } },
        { platform: { equals: platform } },
        { batch: { equals: batch } },
      ],
    },
  })
  return totalDocs > 0
}

/** One attempt: every bucket of the batch in one transaction. */
async function storeOnce(req: PayloadRequest, buckets: BucketCounts[], batch: string): Promise<void> {
  const receivedAt = new Date().toISOString()
  const ownTransaction = await initTransaction(req)
  const created: Array<number | string> = []
  try {
    for (const bucket of buckets) {
      const row = await req.payload.create({ collection: 'feed-event-counts', data: { ...bucket, batch, receivedAt }, req, overrideAccess: true, depth: 0, select: { batch: true } })
      created.push(row.id)
    }
    if (ownTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    // Without transactions (MongoDB without a replica set), undo what this attempt wrote.
    else if (!req.transactionID && created.length > 0) {
      await req.payload.db.deleteMany({ collection: 'feed-event-counts', where: { id: { in: created } }, req }).catch(() => {})
    }
    throw error
  }
}

/**
 * Stores one batch's counts as new rows tagged with the batch id, all or nothing. Appending
 * (never updating) keeps concurrent batches from overwriting each other's counts.
 *
 * The batch id makes a resent batch harmless: its rows exist already, the unique index refuses
 * them again, and the answer is `duplicate` (for as long as compaction leaves the rows alone, at
 * least COMPACTION_HOLD). An app must not reuse a batch id for other events. After committing, the rows are read back: Payload's
 * SQL adapters report success even when COMMIT itself failed (drizzle's transaction promise is
 * caught and dropped in beginTransaction; seen on SQLite as "cannot commit transaction - SQL
 * statements in progress" while another request wrote outside a transaction), so a batch whose
 * rows are missing is stored again rather than silently lost.
 */
export async function recordEventCounts(req: PayloadRequest, buckets: BucketCounts[], batch: string = randomUUID()): Promise<RecordOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await storeOnce(req, buckets, batch)
    } catch (error) {
      if (await isStored(req.payload, buckets[0], batch)) return { outcome: 'duplicate', batch, rows: 0 }
      if (attempt >= ATTEMPTS) throw error
      await pause(attempt)
      continue
    }
    if (await isStored(req.payload, buckets[0], batch)) return { outcome: 'stored', batch, rows: buckets.length }
    req.payload.logger.warn({ attempt, rows: buckets.length }, 'feed event counts: the commit did not persist; storing the batch again')
    if (attempt >= ATTEMPTS) throw new Error(`feed event counts: batch ${batch} did not persist after ${ATTEMPTS} commits`)
    await pause(attempt)
  }
}
