/**
 * npx tsx --conditions=production scripts/bench-stats.ts — fills feed-event-counts with a year of
 * compacted daily counts for BENCH_ITEMS items (1000) on BENCH_PLATFORMS platforms each (2), then
 * times the read functions of src/stats/readCounts.ts (best of BENCH_RUNS, 3).
 * A fresh SQLite file by default; BENCH_DATABASE_URI=postgres://…/empty_db for PostgreSQL.
 * Until the collection has its migration, run with YIXUN_SCHEMA_PUSH=true.
 */
import { table, tempDatabase } from './bench-helpers'

const items = Number(process.env.BENCH_ITEMS || 1000)
const days = Number(process.env.BENCH_DAYS || 365)
const platformCount = Number(process.env.BENCH_PLATFORMS || 2)
const runs = Number(process.env.BENCH_RUNS || 3)

process.env.DATABASE_URI = process.env.BENCH_DATABASE_URI || tempDatabase()
process.env.DISABLE_LOGGING = 'true'
process.env.YIXUN_JOBS_AUTORUN = 'false'
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { COMPACTED, PLATFORMS } = await import('@/stats/events')
const { addDays, shanghaiDay } = await import('@/stats/shanghaiDay')
const { dailyCounts, itemTotals } = await import('@/stats/readCounts')
const payload = await getPayload({ config })

const to = shanghaiDay(Date.now())
const from = addDays(to, -(days - 1))
const platforms = PLATFORMS.slice(0, platformCount)
const placements = ['banner', 'popup', 'ticker', 'list'] as const

/** Bulk insert straight through the adapter: the Local API would take an hour for a million rows. */
async function insertRows(rows: Record<string, unknown>[]) {
  const db = payload.db as unknown as {
    name: string
    drizzle?: { insert: (table: unknown) => { values: (rows: unknown[]) => Promise<unknown> } }
    tables?: Record<string, unknown>
    collections?: Record<string, { insertMany: (rows: unknown[]) => Promise<unknown> }>
  }
  if (db.drizzle && db.tables) await db.drizzle.insert(db.tables.feed_event_counts).values(rows)
  else await db.collections!['feed-event-counts'].insertMany(rows)
}

const existing = (await payload.count({ collection: 'feed-event-counts' })).totalDocs
if (existing === 0) {
  const started = performance.now()
  let batch: Record<string, unknown>[] = []
  let total = 0
  for (let d = 0; d < days; d++) {
    const day = addDays(from, d)
    for (let item = 1; item <= items; item++) {
      for (const platform of platforms) {
        const impressions = 50 + ((item * 7 + d * 13) % 400)
        batch.push({
          day,
          collectionSlug: 'notices',
          itemId: String(item),
          audience: item % 3 === 0 ? 'doctor' : 'patient',
          placement: placements[item % placements.length],
          platform,
          impressions,
          clicks: Math.floor(impressions / (5 + (item % 20))),
          dismisses: Math.floor(impressions / 50),
          batch: COMPACTED,
        })
        if (batch.length === 1000) {
          await insertRows(batch)
          total += batch.length
          batch = []
        }
      }
    }
  }
  if (batch.length) await insertRows(batch)
  total += batch.length
  console.log(`Inserted ${total.toLocaleString()} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (${payload.db.name}); BENCH_DATABASE_URI=${process.env.DATABASE_URI} reuses them.`)
}

async function time(name: string, read: () => Promise<unknown[]>) {
  let best = Infinity
  let count = 0
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    count = (await read()).length
    best = Math.min(best, performance.now() - started)
  }
  return { read: name, 'rows out': count, 'best ms': Math.round(best) }
}

const month = addDays(to, -29)
table([
  await time(`one item, ${days} days, every dimension`, () => dailyCounts(payload, { from, to, collection: 'notices', id: 7 })),
  await time(`one item, ${days} days, per day`, () => dailyCounts(payload, { from, to, collection: 'notices', id: 7, by: [] })),
  await time('all items, 30 days, per day and platform', () => dailyCounts(payload, { from: month, to, by: ['platform'] })),
  await time('top 20 items, 30 days', () => itemTotals(payload, { from: month, to, limit: 20 })),
  await time(`all items, ${days} days, per day`, () => dailyCounts(payload, { from, to, by: [] })),
  await time(`top 20 items, ${days} days`, () => itemTotals(payload, { from, to, limit: 20 })),
  await time(`all items, ${days} days, per day and item`, () => dailyCounts(payload, { from, to, by: ['item'] })),
])
await payload.destroy()
process.exit(0)
