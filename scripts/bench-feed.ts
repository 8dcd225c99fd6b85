/**
 * npm run bench:feed — the app feed's speed against a plain node:http server answering the same
 * bytes from memory, Payload's generic REST list of the same notices, and the 304 path; then the
 * server's memory over a longer run. Needs `npm run build` first.
 *   BENCH_SECONDS (default 10) per variant, BENCH_SOAK_SECONDS (default 60), BENCH_CONNECTIONS (20)
 */
import { createServer } from 'node:http'
import { gzipSync } from 'node:zlib'

import autocannon from 'autocannon'

import { requireBuild, rssMb, startServer, table, tempDatabase } from './bench-helpers'

requireBuild()
const seconds = Number(process.env.BENCH_SECONDS || 10)
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS || 60)
const connections = Number(process.env.BENCH_CONNECTIONS || 20)

const databaseUri = tempDatabase()
process.env.DATABASE_URI = databaseUri
process.env.DISABLE_LOGGING = 'true'
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { fillLiveContent } = await import('./bench-content')
const payload = await getPayload({ config })
console.log('Filling 200 live notices and 20 free-clinic events through the workflow…')
const { appKey } = await fillLiveContent(payload, { notices: 200, events: 20 })

const server = await startServer({ DATABASE_URI: databaseUri, FEED_RATE_LIMIT_PER_MINUTE: '100000000', YIXUN_JOBS_AUTORUN: 'false' })
const feedUrl = `${server.url}/api/feed/patient`
const auth = { authorization: `Bearer ${appKey}` }
const feedResponse = await fetch(feedUrl, { headers: auth })
const bytes = Buffer.from(await feedResponse.arrayBuffer())
const etag = feedResponse.headers.get('etag')!
const feedBody = JSON.parse(bytes.toString())
console.log(`Feed: ${bytes.length} bytes (${gzipSync(bytes, { level: 6 }).length} gzipped), ${Object.values(feedBody.notices).flat().length} notices, ${feedBody.events.length} events`)

const login = await fetch(`${server.url}/api/users/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'reviewer@yixun.local', password: 'bench-password' }),
})
const { token } = (await login.json()) as { token: string }

const gzipped = gzipSync(bytes, { level: 6 })
const plain = createServer((req, res) => {
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  const body = gzip ? gzipped : bytes
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, ETag: etag, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) })
  res.end(body)
})
await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
const plainUrl = `http://127.0.0.1:${(plain.address() as { port: number }).port}/`

async function measure(name: string, url: string, headers: Record<string, string>, duration = seconds) {
  const result = await autocannon({ url, connections, duration, headers, pipelining: 1 })
  const ok = result['2xx'] + result.non2xx
  return { name, reqPerSec: Math.round(result.requests.average), p50ms: result.latency.p50, p99ms: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, total: ok }
}

// Warm both up, then alternate so background noise falls on every variant alike.
await measure('warm-up', feedUrl, auth, 2)
const rows: Awaited<ReturnType<typeof measure>>[] = []
rows.push(await measure('plain node:http (same bytes, memory)', plainUrl, {}))
rows.push(await measure('GET /api/feed/patient', feedUrl, auth))
rows.push(await measure('plain node:http, gzip', plainUrl, { 'accept-encoding': 'gzip' }))
rows.push(await measure('GET /api/feed/patient, gzip', feedUrl, { ...auth, 'accept-encoding': 'gzip' }))
rows.push(await measure('GET /api/feed/patient → 304', feedUrl, { ...auth, 'if-none-match': etag }))
rows.push(await measure('Payload REST /api/notices?limit=10', `${server.url}/api/notices?where[_status][equals]=published&limit=10&depth=1`, { authorization: `JWT ${token}` }))
// Each variant against the plain server answering the same way (identity or gzip).
const baseline = (name: string) => (name.includes('gzip') ? rows[2].reqPerSec : rows[0].reqPerSec)
table(rows.map((r) => ({ variant: r.name, 'req/s': r.reqPerSec, 'vs plain': (r.reqPerSec / baseline(r.name)).toFixed(2), 'p50 ms': r.p50ms, 'p99 ms': r.p99ms, errors: r.errors })))

console.log(`\nMemory of the server over ${soakSeconds} s of feed load (RSS, MB):`)
const samples: number[] = [rssMb(server.pid)]
const sampler = setInterval(() => samples.push(rssMb(server.pid)), 5000)
// BENCH_SOAK_GZIP=1 soaks the way apps call (Accept-Encoding: gzip).
const soakHeaders = process.env.BENCH_SOAK_GZIP ? { ...auth, 'accept-encoding': 'gzip' } : auth
const soak = await measure('soak', feedUrl, soakHeaders, soakSeconds)
clearInterval(sampler)
samples.push(rssMb(server.pid))
console.log(`  start ${samples[0]}  end ${samples.at(-1)}  max ${Math.max(...samples)}  samples ${samples.join(' ')}`)
console.log(`  ${soak.reqPerSec} req/s, p99 ${soak.p99ms} ms during the soak`)

plain.close()
await server.stop()
process.exit(0)
