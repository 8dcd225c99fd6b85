/**
 * npm run bench:stats — a year of daily counts for 1,000 items, then the statistics page's
 * summary for the whole year (first read, then later reads) and the exports, with p50 and max.
 * A temporary SQLite file by default; BENCH_DATABASE_URI=postgres://user@host:5432/any_db for
 * PostgreSQL (a temporary database is created next to it and dropped afterwards).
 *   BENCH_ITEMS (1000)  BENCH_DAYS (365)  BENCH_PLATFORMS (1: one row per item and day; 2 doubles the rows)
 *   BENCH_RUNS (5)  BENCH_EXPORT (1; 0 skips the exports)
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { table, tempDatabase } from './bench-helpers'

const items = Number(process.env.BENCH_ITEMS || 1000)
const days = Number(process.env.BENCH_DAYS || 365)
const platformCount = Number(process.env.BENCH_PLATFORMS || 1)
const runs = Number(process.env.BENCH_RUNS || 5)
const withExport = process.env.BENCH_EXPORT !== '0'

/** A database of our own: a temporary SQLite file, or a temporary database on the given PostgreSQL server. */
async function benchDatabase(): Promise<{ uri: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URI
  if (!server) {
    const uri = tempDatabase()
    return { uri, drop: async () => fs.rmSync(path.dirname(uri.slice('file:'.length)), { recursive: true, force: true }) }
  }
  const name = `yixun_bench_stats_${randomBytes(4).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const uri = new URL(server)
  uri.pathname = `/${name}`
  return { uri: uri.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

const database = await benchDatabase()
let payload: import('payload').Payload | undefined
try {
  process.env.DATABASE_URI = database.uri
  process.env.DISABLE_LOGGING = 'true'
  process.env.YIXUN_JOBS_AUTORUN = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { COMPACTED, PLATFORMS } = await import('@/stats/events')
  const { addDays, shanghaiDay } = await import('@/content/shanghaiTime')
  const { forgetClosedMonths } = await import('@/stats/rollups')
  const { statsSummary } = await import('@/stats/summary')
  const { exportCsv, exportXlsx } = await import('@/stats/exportCounts')
  payload = await getPayload({ config })
  const db = payload.db as unknown as { drizzle: { insert: (table: unknown) => { values: (rows: unknown[]) => Promise<unknown> }; transaction: (run: (tx: any) => Promise<void>) => Promise<void> }; tables: Record<string, unknown> }

  const to = shanghaiDay(Date.now())
  const from = addDays(to, -(days - 1))
  const platforms = PLATFORMS.slice(0, platformCount)
  const placements = ['banner', 'popup', 'ticker', 'list'] as const

  // Bulk insert in one transaction straight through Drizzle: the Local API would take an hour.
  const started = performance.now()
  let total = 0
  await db.drizzle.transaction(async (tx) => {
    let batch: Record<string, unknown>[] = []
    const flush = async () => {
      if (batch.length) await tx.insert(db.tables.feed_event_counts).values(batch)
      total += batch.length
      batch = []
    }
    for (let d = 0; d < days; d++) {
      const day = addDays(from, d)
      for (let item = 1; item <= items; item++) {
        for (const platform of platforms) {
          const impressions = 50 + ((item * 7 + d * 13) % 400)
          batch.push({
            day,
            collectionSlug: item % 10 === 0 ? 'promo-videos' : 'notices',
            itemId: String(item),
            audience: item % 3 === 0 ? 'doctor' : 'patient',
            placement: placements[item % placements.length],
            platform,
            impressions,
            clicks: Math.floor(impressions / (5 + (item % 20))),
            dismisses: Math.floor(impressions / 50),
            batch: COMPACTED,
          })
          // SQLite allows at most 32,766 bound values per statement (10 columns a row).
          if (batch.length === 3000) await flush()
        }
      }
    }
    await flush()
  })
  console.log(`${payload.db.name}: ${total.toLocaleString()} rows (${items} items × ${days} days × ${platforms.length} platform(s)) inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const query = { from, to }
  const ms = (since: number) => Math.round(performance.now() - since)
  const stats = (name: string, times: number[], out: string) => {
    const sorted = [...times].sort((a, b) => a - b)
    return { measure: name, runs: times.length, 'p50 ms': sorted[Math.floor((sorted.length - 1) / 2)], 'max ms': sorted.at(-1)!, result: out }
  }

  const rows = []
  forgetClosedMonths(payload)
  let since = performance.now()
  let summary = await statsSummary(payload, query)
  rows.push(stats(`summary, ${days} days, first read (closed months read from the table)`, [ms(since)], `${summary.totals.impressions} impressions, ${summary.itemCount} items`))
  const warm: number[] = []
  for (let i = 0; i < runs; i++) {
    since = performance.now()
    summary = await statsSummary(payload, query)
    warm.push(ms(since))
  }
  rows.push(stats(`summary, ${days} days, later reads (closed months kept)`, warm, `${summary.daily.length} days`))
  const filtered: number[] = []
  for (let i = 0; i < runs; i++) {
    since = performance.now()
    summary = await statsSummary(payload, { ...query, audience: 'doctor', platform: 'ios' })
    filtered.push(ms(since))
  }
  rows.push(stats(`summary, ${days} days, audience + platform filter`, filtered, `${summary.totals.impressions} impressions`))
  const cold: number[] = []
  for (let i = 0; i < Math.min(runs, 3); i++) {
    forgetClosedMonths(payload)
    since = performance.now()
    await statsSummary(payload, query)
    cold.push(ms(since))
  }
  rows.push(stats(`summary, ${days} days, nothing kept (each run)`, cold, ''))
  const month = { from: addDays(to, -29), to }
  const recent: number[] = []
  for (let i = 0; i < runs; i++) {
    since = performance.now()
    await statsSummary(payload, month)
    recent.push(ms(since))
  }
  rows.push(stats('summary, last 30 days (all open or partial: read each time)', recent, ''))

  if (withExport) {
    for (const [format, write] of [
      ['csv', exportCsv],
      ['xlsx', exportXlsx],
    ] as const) {
      since = performance.now()
      let bytes = 0
      const reader = write(payload, query, 'zh').getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength
      rows.push(stats(`export ${format}, ${days} days, one row per item and day`, [ms(since)], `${(bytes / 1e6).toFixed(1)} MB`))
    }
  }
  table(rows)
} finally {
  await payload?.destroy().catch(() => {})
  await database.drop().catch((error) => console.error('could not drop the bench database:', error))
}
process.exit(0)
