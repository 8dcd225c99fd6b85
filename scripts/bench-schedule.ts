/**
 * npm run bench:schedule — schedules 100 notices a few seconds apart on a production server and
 * prints how late each appeared in the patient feed (polled every 50 ms) and how late the
 * publish was recorded. Needs `npm run build` first.   BENCH_ITEMS (100), BENCH_SPACING_MS (200)
 */
import { requireBuild, startServer, table, tempDatabase } from './bench-helpers'

requireBuild()
const items = Number(process.env.BENCH_ITEMS || 100)
const spacing = Number(process.env.BENCH_SPACING_MS || 200)

const databaseUri = tempDatabase()
process.env.DATABASE_URI = databaseUri
process.env.DISABLE_LOGGING = 'true'
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { fillLiveContent } = await import('./bench-content')
const payload = await getPayload({ config })

const server = await startServer({ DATABASE_URI: databaseUri, FEED_RATE_LIMIT_PER_MINUTE: '100000000' })
// Leave time to create and approve everything before the first one is due.
const firstAt = Date.now() + 20_000 + items * 60
const times = Array.from({ length: items }, (_, i) => new Date(firstAt + i * spacing).toISOString())
console.log(`Approving ${items} notices due from ${new Date(firstAt).toISOString()}, ${spacing} ms apart…`)
const { ids, appKey } = await fillLiveContent(payload, { notices: items, events: 0, publishAt: (i) => times[i] })
if (Date.now() > firstAt) console.warn('Warning: approving took longer than planned; the first items were already due.')

const due = new Map(ids.map((id, i) => [String(id), new Date(times[i]).getTime()]))
const seen = new Map<string, number>()
const deadline = firstAt + items * spacing + 10_000
while (seen.size < items && Date.now() < deadline) {
  const response = await fetch(`${server.url}/api/feed/patient`, { headers: { authorization: `Bearer ${appKey}` } })
  const body = (await response.json()) as { notices?: Record<string, Array<{ id: string }>> }
  const now = Date.now()
  // The new app key reaches the server's memory within a poll (≤ 0.5 s); until then: 401.
  for (const notice of Object.values(body.notices ?? {}).flat()) if (!seen.has(notice.id) && due.has(notice.id)) seen.set(notice.id, now)
  await new Promise((resolve) => setTimeout(resolve, 50))
}

const lags = [...seen.entries()].map(([id, at]) => (at - due.get(id)!) / 1000).sort((a, b) => a - b)
const { docs: audits } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'publish' } }, limit: 0, pagination: false, depth: 0 })
const recorded = audits.map((a) => (new Date(a.createdAt).getTime() - due.get(String(a.documentId))!) / 1000).filter(Number.isFinite).sort((a, b) => a - b)
const pct = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]?.toFixed(2) ?? '-'
table([
  { measure: 'seen in the feed after its time (s)', n: lags.length, p50: pct(lags, 50), p90: pct(lags, 90), p99: pct(lags, 99), max: lags.at(-1)?.toFixed(2) ?? '-' },
  { measure: 'publish recorded after its time (s)', n: recorded.length, p50: pct(recorded, 50), p90: pct(recorded, 90), p99: pct(recorded, 99), max: recorded.at(-1)?.toFixed(2) ?? '-' },
])
const publishesPerItem = new Map<string, number>()
for (const a of audits) publishesPerItem.set(String(a.documentId), (publishesPerItem.get(String(a.documentId)) ?? 0) + 1)
console.log(`items never seen: ${items - lags.length}; items published more than once: ${[...publishesPerItem.values()].filter((n) => n > 1).length}`)
await server.stop()
process.exit(0)
