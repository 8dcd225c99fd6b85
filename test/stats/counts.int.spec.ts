import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startYixun, type TestYixun } from '../helpers/yixun'
import { compactEventCounts } from '@/stats/compactEventCounts'
import { dailyCounts, itemTotals, sumCounts, sumCountsLocally } from '@/stats/readCounts'
import { recordEventCounts } from '@/stats/recordEventCounts'
import { shanghaiDay } from '@/content/shanghaiTime'
import { COMPACTION_INTERVAL } from '@/stats/queueCompaction'

import { appKey, liveNotice, postEvents, repeat } from './helpers'

let yixun: TestYixun
let patientApp: string
let doctorApp: string

beforeAll(async () => {
  yixun = await startYixun()
  patientApp = (await appKey(yixun, ['patient'])).key
  doctorApp = (await appKey(yixun, ['doctor'])).key
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const today = () => shanghaiDay(Date.now())
type Id = number | string

const rowsOf = async (id: Id) =>
  (await yixun.payload.find({ collection: 'feed-event-counts', where: { and: [{ collectionSlug: { equals: 'notices' } }, { itemId: { equals: String(id) } }] }, pagination: false, depth: 0 })).docs

const totalsOf = async (id: Id) => {
  const [total] = await dailyCounts(yixun.payload, { from: today(), to: today(), collection: 'notices', id, by: [] })
  return total && { impressions: total.impressions, clicks: total.clicks, dismisses: total.dismisses }
}

/** 40 impressions, 7 clicks and 3 dismissals of one item, on one placement and platform. */
const batchFor = (id: Id) => ({
  events: [...repeat(40, { id }), ...repeat(7, { id, type: 'click' }), ...repeat(3, { id, type: 'dismiss' })],
})

describe('counts under load', () => {
  it('are exact when 10 batches for the same item arrive at once', async () => {
    const notice = await liveNotice(yixun)
    const answers = await Promise.all(Array.from({ length: 10 }, () => postEvents(yixun, patientApp, batchFor(notice))))
    expect(answers.map(({ status }) => status)).toEqual(Array(10).fill(202))
    expect(await totalsOf(notice)).toEqual({ impressions: 400, clicks: 70, dismisses: 30 })
    expect(await rowsOf(notice)).toHaveLength(10)

    const result = await compactEventCounts(yixun.payload, { hold: 0 })
    expect(result.conflicts).toBe(0)
    const rows = await rowsOf(notice)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ batch: 'compacted', impressions: 400, clicks: 70, dismisses: 30 })
    expect(await totalsOf(notice)).toEqual({ impressions: 400, clicks: 70, dismisses: 30 })
  })

  it('are stored again when a commit reported success but did not happen', async () => {
    const notice = await liveNotice(yixun)
    const db = yixun.payload.db
    const commit = db.commitTransaction
    let dropped = 0
    // What Payload's SQL adapters do when COMMIT fails: roll back and report success.
    db.commitTransaction = async (id) => (dropped++ === 0 ? db.rollbackTransaction(id) : commit.call(db, id))
    try {
      expect((await postEvents(yixun, patientApp, batchFor(notice))).status).toBe(202)
    } finally {
      db.commitTransaction = commit
    }
    expect(dropped).toBeGreaterThan(1)
    expect(await totalsOf(notice)).toEqual({ impressions: 40, clicks: 7, dismisses: 3 })
  })

  it('are exact while other code writes outside a transaction (on SQLite that fails commits unreported)', async () => {
    const bucket = { day: today(), collectionSlug: 'notices', itemId: 'concurrent-writes', audience: 'patient', placement: 'list', platform: 'ios', impressions: 1, clicks: 0, dismisses: 0 } as const
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        await recordEventCounts(await createLocalReq({}, yixun.payload), [bucket])
        // Payload's jobs.queue without a req writes outside any transaction (and on SQLite may itself fail: "database is locked").
        await yixun.payload.jobs.queue({ task: 'compactFeedEventCounts', input: { days: '2000-01-01' } }).catch(() => null)
      }),
    )
    const [total] = await dailyCounts(yixun.payload, { from: today(), to: today(), collection: 'notices', id: 'concurrent-writes', by: [] })
    expect(total.impressions).toBe(10)
  })

  it('are exact when compactions run at once (on several instances) while batches keep arriving', async () => {
    const notice = await liveNotice(yixun)
    for (let i = 0; i < 3; i++) await postEvents(yixun, patientApp, batchFor(notice))
    await compactEventCounts(yixun.payload, { hold: 0 })
    for (let i = 0; i < 3; i++) await postEvents(yixun, patientApp, batchFor(notice))

    let batches = 6
    for (let round = 0; round < 3; round++) {
      const work: Promise<unknown>[] = []
      for (let i = 0; i < 6; i++) {
        work.push(postEvents(yixun, patientApp, batchFor(notice)))
        if (i % 2 === 0) work.push(compactEventCounts(yixun.payload, { hold: 0 }))
      }
      await Promise.all(work)
      batches += 6
      expect(await totalsOf(notice)).toEqual({ impressions: 40 * batches, clicks: 7 * batches, dismisses: 3 * batches })
    }

    await compactEventCounts(yixun.payload, { hold: 0 })
    const rows = await rowsOf(notice)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ batch: 'compacted', impressions: 960, clicks: 168, dismisses: 72 })
  })

  it('leave a fresh batch uncompacted for a while, so that the same batch sent again still counts once', async () => {
    const notice = await liveNotice(yixun)
    const batch = { batchId: 'ios-5f2c9e1a-0007', ...batchFor(notice) }
    expect((await postEvents(yixun, patientApp, batch)).body).toEqual({ accepted: 50, ignored: [] })
    await postEvents(yixun, patientApp, batchFor(notice))
    await compactEventCounts(yixun.payload)
    expect(await rowsOf(notice)).toHaveLength(2)
    expect((await postEvents(yixun, patientApp, batch)).body).toEqual({ accepted: 50, ignored: [], duplicate: true })
    expect(await totalsOf(notice)).toEqual({ impressions: 80, clicks: 14, dismisses: 6 })

    await compactEventCounts(yixun.payload, { now: Date.now() + 31 * 60_000 })
    expect(await rowsOf(notice)).toHaveLength(1)
    expect(await totalsOf(notice)).toEqual({ impressions: 80, clicks: 14, dismisses: 6 })
  })

  it('are compacted by a job on the queue, which ingestion keeps scheduled', async () => {
    const notice = await liveNotice(yixun)
    await postEvents(yixun, patientApp, batchFor(notice))
    await postEvents(yixun, patientApp, batchFor(notice))
    const waiting = await yixun.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'compactFeedEventCounts' } }, { waitUntil: { exists: true } }] },
      depth: 0,
    })
    expect(waiting.docs).toHaveLength(1)
    // Queued for the end of a ten-minute slot; an earlier test may have queued it in the slot
    // that has just ended, and then it is due now (the clock may cross a boundary mid-file).
    const waitUntil = new Date(waiting.docs[0].waitUntil!).getTime()
    expect(waitUntil % COMPACTION_INTERVAL).toBe(0)
    expect(waitUntil).toBeGreaterThan(Date.now() - COMPACTION_INTERVAL)
    expect(waitUntil).toBeLessThanOrEqual(Date.now() + COMPACTION_INTERVAL)

    const job = await yixun.payload.jobs.queue({ task: 'compactFeedEventCounts', input: { days: today(), holdMinutes: 0 } })
    await yixun.payload.jobs.runByID({ id: job.id })
    // Payload deletes a job once it completed; a failed one would stay, marked hasError.
    expect((await yixun.payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, depth: 0 })).docs).toEqual([])
    expect(await rowsOf(notice)).toHaveLength(1)
    expect(await totalsOf(notice)).toEqual({ impressions: 80, clicks: 14, dismisses: 6 })
  })
})

describe('reading counts', () => {
  let popular: Id
  let quiet: Id
  let both: Id

  beforeAll(async () => {
    popular = await liveNotice(yixun, { audience: 'patient', placement: 'banner' })
    quiet = await liveNotice(yixun, { audience: 'patient', placement: 'list' })
    both = await liveNotice(yixun, { audience: 'both', placement: 'popup' })
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString()
    await postEvents(yixun, patientApp, {
      events: [
        ...repeat(10, { id: popular, placement: 'banner', platform: 'ios' }),
        ...repeat(6, { id: popular, placement: 'banner', platform: 'android' }),
        ...repeat(4, { id: popular, placement: 'banner', platform: 'android', at: yesterday }),
        ...repeat(2, { id: popular, placement: 'banner', platform: 'ios', type: 'click' }),
        ...repeat(2, { id: quiet, placement: 'list', platform: 'web' }),
        ...repeat(1, { id: quiet, placement: 'list', platform: 'web', type: 'click' }),
        ...repeat(3, { id: both, placement: 'popup', platform: 'ios' }),
        ...repeat(3, { id: both, placement: 'popup', platform: 'ios', type: 'dismiss' }),
      ],
    })
    await postEvents(yixun, doctorApp, { events: repeat(5, { id: both, placement: 'popup', platform: 'android' }) })
    // A second batch adds rows to buckets that already have one: readers must sum.
    await postEvents(yixun, patientApp, { events: repeat(4, { id: popular, placement: 'banner', platform: 'ios' }) })
  })

  const ours = <T extends { itemId?: string }>(rows: T[]) => rows.filter(({ itemId }) => [popular, quiet, both].map(String).includes(itemId!))

  it('sums each bucket per day, whatever rows it is stored in', async () => {
    const day = today()
    const rows = await dailyCounts(yixun.payload, { from: day, to: day, collection: 'notices', id: popular })
    expect(rows).toEqual([
      { day, collectionSlug: 'notices', itemId: String(popular), audience: 'patient', placement: 'banner', platform: 'android', impressions: 6, clicks: 0, dismisses: 0 },
      { day, collectionSlug: 'notices', itemId: String(popular), audience: 'patient', placement: 'banner', platform: 'ios', impressions: 14, clicks: 2, dismisses: 0 },
    ])
  })

  it('totals per day over a range, and by any dimension', async () => {
    const from = shanghaiDay(Date.now() - 24 * 3600_000)
    const to = today()
    const perDay = await dailyCounts(yixun.payload, { from, to, collection: 'notices', id: popular, by: [] })
    expect(perDay.map(({ impressions }) => impressions)).toEqual([4, 20])

    const byAudience = await dailyCounts(yixun.payload, { from: to, to, collection: 'notices', id: both, by: ['audience'] })
    expect(byAudience).toEqual([
      { day: to, audience: 'doctor', impressions: 5, clicks: 0, dismisses: 0 },
      { day: to, audience: 'patient', impressions: 3, clicks: 0, dismisses: 3 },
    ])

    const webOnly = ours(await dailyCounts(yixun.payload, { from: to, to, platform: 'web', by: ['item'] }))
    expect(webOnly).toEqual([{ day: to, collectionSlug: 'notices', itemId: String(quiet), impressions: 2, clicks: 1, dismisses: 0 }])
  })

  it('ranks items by impressions, clicks or click-through rate', async () => {
    const day = today()
    const byImpressions = ours(await itemTotals(yixun.payload, { from: day, to: day, collection: 'notices' }))
    expect(byImpressions.map(({ itemId, impressions }) => [itemId, impressions])).toEqual([
      [String(popular), 20],
      [String(both), 8],
      [String(quiet), 2],
    ])
    const byCtr = ours(await itemTotals(yixun.payload, { from: day, to: day, sort: 'ctr' }))
    expect(byCtr[0]).toMatchObject({ itemId: String(quiet), clicks: 1, impressions: 2, ctr: 0.5 })
    expect(ours(await itemTotals(yixun.payload, { from: day, to: day, audience: 'doctor' }))).toEqual([
      { collectionSlug: 'notices', itemId: String(both), impressions: 5, clicks: 0, dismisses: 0, ctr: 0 },
    ])
  })

  it('gives the same figures after compaction', async () => {
    const from = shanghaiDay(Date.now() - 24 * 3600_000)
    const to = today()
    const before = await dailyCounts(yixun.payload, { from, to })
    const topBefore = await itemTotals(yixun.payload, { from, to })
    const rowsBefore = (await yixun.payload.count({ collection: 'feed-event-counts' })).totalDocs
    await compactEventCounts(yixun.payload, { hold: 0 })
    expect((await yixun.payload.count({ collection: 'feed-event-counts' })).totalDocs).toBeLessThan(rowsBefore)
    expect(await dailyCounts(yixun.payload, { from, to })).toEqual(before)
    expect(await itemTotals(yixun.payload, { from, to })).toEqual(topBefore)
  })

  it('sums the same in the database as through the Local API', async () => {
    const from = shanghaiDay(Date.now() - 24 * 3600_000)
    const to = today()
    const canonical = (rows: object[]) => rows.map((row) => JSON.stringify(Object.entries(row).sort())).sort()
    for (const groupBy of [['day'], ['day', 'collectionSlug', 'itemId'], ['collectionSlug', 'itemId', 'audience', 'placement', 'platform'], ['platform']] as const) {
      for (const filter of [{ from, to }, { from, to, audience: 'patient' as const, placement: 'banner' as const }, { from: to, to, collection: 'notices' as const, id: popular }]) {
        expect(canonical(await sumCounts(yixun.payload, filter, groupBy))).toEqual(canonical(await sumCountsLocally(yixun.payload, filter, groupBy)))
      }
    }
  })

  it('refuses a range that is not written as days', async () => {
    await expect(dailyCounts(yixun.payload, { from: '2026-11-1', to: today() })).rejects.toThrow(/YYYY-MM-DD/)
  })
})
