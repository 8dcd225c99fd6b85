/**
 * npm run chaos — kills the job-running leader (SIGKILL) around scheduled publish and expiry
 * times and checks that every item still went live (and left) exactly once, with one webhook
 * delivery per event and each mail once. Bounded: it stops after CHAOS_SECONDS whatever happens.
 *
 * It starts CHAOS_WORKERS job-runner processes (scripts/chaos-worker.ts: Yixun's Payload and
 * src/jobs/runner.ts, no Next) on DATABASE_URI, a loopback SMTP server and webhook receiver, and
 * approves CHAOS_ITEMS notices due over 45 s from about half a minute on (every other one also
 * expiring 10 s later). At CHAOS_FAULTS of those times (+0–150 ms) it kills whichever worker leads and starts a
 * replacement. Against staging: DATABASE_URI of the staging database (demo departments and
 * accounts are seeded there; the items are titled "[chaos]"); staging's own servers may keep
 * running, they are then more candidates for leader. Never against production.
 *
 *   DATABASE_URI (default: a temporary SQLite file)  CHAOS_WORKERS (3)  CHAOS_ITEMS (24)
 *   CHAOS_FAULTS (6)  CHAOS_SECONDS (180)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

import { simpleParser } from 'mailparser'
import { createLocalReq, type Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

const started = Date.now()
const workers = Number(process.env.CHAOS_WORKERS || 3)
const itemCount = Number(process.env.CHAOS_ITEMS || 24)
const faultCount = Number(process.env.CHAOS_FAULTS || 6)
const limitMs = Number(process.env.CHAOS_SECONDS || 180) * 1000
const hardStop = setTimeout(() => {
  console.error(`chaos: time limit of ${limitMs / 1000} s reached; stopping`)
  stopAll()
  process.exit(2)
}, limitMs)
hardStop.unref()

process.env.DATABASE_URI ||= `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-chaos-')), 'yixun.db')}`
process.env.PAYLOAD_SECRET ||= 'yixun-chaos-secret-0123456789abcdef'
process.env.DISABLE_LOGGING ||= 'true'
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`)

// --- what the workers talk to: a mail server and an app backend, both counting what arrives ---
const mails: Array<{ messageId: string; subject: string; to: string }> = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        mails.push({ messageId: mail.messageId ?? '', subject: mail.subject ?? '', to: session.envelope.rcptTo.map((r) => r.address).join(',') })
        callback()
      })
      .catch(callback)
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`

const hooks: Array<{ id: string; body: string }> = []
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    hooks.push({ id: String(request.headers['webhook-id'] ?? ''), body: Buffer.concat(chunks).toString('utf8') })
    response.writeHead(200).end('ok')
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()))
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/chaos`

// --- this process: sets up content and reads results (it runs no jobs) ---
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const payload: Payload = await getPayload({ config })
const { seed } = await import('@/seed')
const { demoEmail } = await import('@/seed/users')
const { performTransition } = await import('@/workflow/transition')
const { LEADER_SLOT } = await import('@/jobs/leadership')
log(`database ${payload.db.name} (${process.env.DATABASE_URI!.replace(/:[^:@/]*@/, ':***@')}); ${workers} workers, ${itemCount} items, ${faultCount} faults`)
await seed(payload, process.env.SEED_PASSWORD || 'chaos-password-2026', { content: false })
await payload.create({ collection: 'app-clients', data: { name: `[chaos] receiver ${started}`, feeds: ['patient'], active: true, webhookUrl: hookUrl } })

// --- workers ---
const children = new Map<number, ChildProcess>()
const ready = new Set<number>()
function startWorker(): Promise<number> {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/chaos-worker.ts'], {
    env: { ...process.env, SMTP_URL: smtpUrl, YIXUN_MEDIA_WORKER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  // node-cron warns on every tick a slow run skips; the rest of a worker's stderr matters.
  readline.createInterface({ input: child.stderr! }).on('line', (line) => !line.includes('NODE-CRON') && !stopping && console.error(`  worker ${child.pid}: ${line}`))
  children.set(child.pid!, child)
  child.once('exit', () => {
    children.delete(child.pid!)
    ready.delete(child.pid!)
  })
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('ready ')) return
      ready.add(child.pid!)
      resolve(child.pid!)
    })
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)))
  })
}
let stopping = false
function stopAll() {
  stopping = true
  for (const pid of children.keys()) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
// Workers boot while the items are approved; a job due before any of them is ready just waits.
const booting = Promise.all(Array.from({ length: workers }, startWorker)).then(() => log(`${workers} workers ready`))

// --- items: due over the next minute, every other one expiring 15 s after it went live ---
const userOf = async (role: 'publicity' | 'reviewer') => {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, depth: 0 })
  return { ...docs[0], collection: 'users' } as never
}
const authorUser = await userOf('publicity')
const reviewerUser = await userOf('reviewer')
const firstDue = Date.now() + 30_000 + itemCount * 300
const spacing = 45_000 / itemCount
type Item = { id: number | string; publishAt: number; expireAt: number | null }
const items: Item[] = []
async function approveItem(i: number) {
  // A request per item: concurrent operations must not share one request's transaction.
  const author = await createLocalReq({ user: authorUser }, payload)
  const reviewer = await createLocalReq({ user: reviewerUser }, payload)
  // A slow approval (a loaded database) must not approve an item already due: it would go live at once.
  const publishAt = Math.max(Math.round(firstDue + i * spacing), Date.now() + 5000)
  const expireAt = i % 2 === 0 ? publishAt + 10_000 : null
  const doc = await payload.create({
    collection: 'notices',
    data: {
      title: `[chaos] ${started} #${i + 1}`,
      audience: 'patient',
      placement: 'list',
      kind: 'general',
      priority: 1,
      publishAt: new Date(publishAt).toISOString(),
      ...(expireAt ? { expireAt: new Date(expireAt).toISOString() } : {}),
    } as never,
    req: author,
    overrideAccess: false,
    draft: true,
  })
  await performTransition(author, { collection: 'notices', id: doc.id, action: 'submit' })
  await performTransition(reviewer, { collection: 'notices', id: doc.id, action: 'approve' })
  items.push({ id: doc.id, publishAt, expireAt })
}
// Four at a time: concurrent approvals, as several reviewers make them.
for (let i = 0; i < itemCount; i += 4) await Promise.all(Array.from({ length: Math.min(4, itemCount - i) }, (_, k) => approveItem(i + k)))
items.sort((a, b) => a.publishAt - b.publishAt)
await booting
if (Date.now() > firstDue) log('warning: approving took longer than planned; the first items were already due when approved')
log(`${itemCount} items approved, due from +${((firstDue - Date.now()) / 1000).toFixed(1)} s, ${(spacing / 1000).toFixed(1)} s apart`)

// --- faults: kill the leader just after chosen publish / expiry times ---
const moments = items.flatMap((item) => [item.publishAt, ...(item.expireAt ? [item.expireAt] : [])]).sort((a, b) => a - b)
const ahead = moments.filter((t) => t > Date.now() + 1000)
const faultTimes = Array.from({ length: Math.min(faultCount, ahead.length) }, (_, k) => ahead[Math.floor(((k + 0.5) * ahead.length) / Math.min(faultCount, ahead.length))]! + Math.floor(Math.random() * 150))
type Fault = { at: number; pid: number | null }
const faults: Fault[] = []

async function leaderPid(): Promise<number | null> {
  const { docs } = await payload.find({ collection: 'schedule-claims', where: { key: { equals: `runner:${Math.floor(Date.now() / LEADER_SLOT)}` } }, depth: 0, limit: 1, overrideAccess: true })
  const pid = Number(String(docs[0]?.holder ?? '').split(':')[1])
  return children.has(pid) ? pid : null
}

for (const at of faultTimes) {
  if (at < Date.now()) {
    log('a fault time passed while the workers were still starting; skipped')
    continue
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))
  // Kill only while another worker is up, or the cluster would be dark until one boots.
  if (ready.size < 2) {
    log('fewer than 2 workers ready; no kill this time')
    faults.push({ at: Date.now(), pid: null })
    continue
  }
  // Just after a kill the slot may be free for a few seconds: wait for the next leader (≤ 6 s).
  let pid = await leaderPid()
  for (let waited = 0; !pid && waited < 6000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    pid = await leaderPid()
  }
  const when = Date.now()
  if (pid) {
    process.kill(-pid, 'SIGKILL')
    // Its slot row still names it for a few seconds: never count one death twice.
    children.delete(pid)
    ready.delete(pid)
    log(`SIGKILL leader pid ${pid}`)
  } else log('no local worker took the lead within 6 s; no kill')
  faults.push({ at: when, pid })
  void startWorker().catch((error: unknown) => !stopping && log(`replacement worker failed: ${String(error)}`))
}

// --- wait for the last due time plus the recovery bound, then count ---
const lastDue = moments.at(-1)!
const settleUntil = Math.min(lastDue + 35_000, started + limitMs - 10_000)
while (Date.now() < settleUntil) {
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const open = await payload.count({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'default' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] }, overrideAccess: true })
  if (Date.now() > lastDue + 3000 && open.totalDocs === 0) break
}
if (Date.now() < lastDue + 30_000) log(`the time limit cut the wait short: actions due after ${new Date(Date.now() - 30_000).toISOString()} may not be done yet`)
stopAll()

const { docs: audits } = await payload.find({
  collection: 'audit-log',
  where: { and: [{ collectionSlug: { equals: 'notices' } }, { documentId: { in: items.map((item) => String(item.id)) } }, { action: { in: ['publish', 'expire'] } }] },
  pagination: false,
  depth: 0,
  overrideAccess: true,
})
const { docs: deliveries } = await payload.find({
  collection: 'webhook-deliveries',
  where: { and: [{ collectionSlug: { equals: 'notices' } }, { documentId: { in: items.map((item) => String(item.id)) } }] },
  pagination: false,
  depth: 0,
  overrideAccess: true,
})
const { docs: leftJobs } = await payload.find({
  collection: 'payload-jobs',
  where: { and: [{ queue: { equals: 'default' } }, { completedAt: { exists: false } }] },
  pagination: false,
  depth: 0,
  overrideAccess: true,
})

const endedAt = Date.now()
/** `never` counts only actions due 30 s (the recovery bound) before the end; later ones the time limit cut short. */
const tally = (action: 'publish' | 'expire', wanted: Item[]) => {
  const due = (item: Item) => (action === 'publish' ? item.publishAt : item.expireAt!)
  const counts = wanted.map((item) => ({ n: audits.filter((entry) => entry.action === action && String(entry.documentId) === String(item.id)).length, settled: due(item) < endedAt - 30_000 }))
  return {
    items: wanted.length,
    once: counts.filter((c) => c.n === 1).length,
    twice: counts.filter((c) => c.n > 1).length,
    never: counts.filter((c) => c.n === 0 && c.settled).length,
    'not yet (time limit)': counts.filter((c) => c.n === 0 && !c.settled).length,
  }
}
const published = tally('publish', items)
const expired = tally('expire', items.filter((item) => item.expireAt))

/** Seconds from each due time to its audit entry; the largest are the ones a kill delayed. */
const delays = items
  .flatMap((item) => [
    ...audits.filter((e) => e.action === 'publish' && String(e.documentId) === String(item.id)).map((e) => new Date(e.createdAt).getTime() - item.publishAt),
    ...audits.filter((e) => e.action === 'expire' && String(e.documentId) === String(item.id)).map((e) => new Date(e.createdAt).getTime() - item.expireAt!),
  ])
  .sort((a, b) => a - b)
/** For each kill: how long until the queue did the next publish/expiry after it. */
const recoveries = faults
  .filter((fault) => fault.pid)
  .map((fault) => {
    const next = audits.map((e) => new Date(e.createdAt).getTime()).filter((t) => t > fault.at).sort((a, b) => a - b)[0]
    return next ? next - fault.at : null
  })

const perEvent = new Map<string, number>()
for (const delivery of deliveries) perEvent.set(`${delivery.documentId}:${delivery.eventType}`, (perEvent.get(`${delivery.documentId}:${delivery.eventType}`) ?? 0) + 1)
const hookIds = new Map<string, number>()
for (const hook of hooks) hookIds.set(hook.id, (hookIds.get(hook.id) ?? 0) + 1)
const mailIds = new Map<string, number>()
for (const mail of mails) mailIds.set(mail.messageId, (mailIds.get(mail.messageId) ?? 0) + 1)

const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`)
console.log('\n=== chaos results ===')
console.log(`faults: ${faults.filter((f) => f.pid).length} leader kills (SIGKILL) of ${faults.length} planned, ${workers} workers kept running`)
console.table([
  { what: 'publish', ...published },
  { what: 'expiry', ...expired },
])
const worst = recoveries.includes(null) ? 'none after at least one kill (see never / not yet)' : s(Math.max(...(recoveries as number[])))
console.log(`recovery after each kill (next publish/expiry done): ${recoveries.map(s).join(', ')}; worst ${worst}`)
console.log(`lateness after the due time: p50 ${s(delays[Math.floor(delays.length / 2)])}, max ${s(delays.at(-1))} (${delays.length} actions)`)
console.log(
  `webhook deliveries: ${deliveries.length} records for ${perEvent.size} events, events with more than one record: ${[...perEvent.values()].filter((n) => n > 1).length}; ` +
    `receiver got ${hooks.length} requests for ${hookIds.size} webhook-ids (${[...hookIds.values()].filter((n) => n > 1).length} ids more than once, which receivers drop by webhook-id)`,
)
console.log(`mail: ${mails.length} received, ${mailIds.size} Message-IDs, ${[...mailIds.values()].filter((n) => n > 1).length} Message-IDs more than once`)
console.log(
  `jobs left unfinished when the workers were stopped: ${leftJobs.length} (processing ${leftJobs.filter((j) => j.processing).length}, failed ${leftJobs.filter((j) => j.hasError).length}, waiting ${leftJobs.filter((j) => !j.processing && !j.hasError).length})`,
)
const ok = published.twice + published.never + expired.twice + expired.never === 0 && [...perEvent.values()].every((n) => n === 1) && [...mailIds.values()].every((n) => n === 1)
console.log(ok ? 'PASS: every publish and expiry happened exactly once' : 'FAIL: see the table above')
console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`)
receiver.close()
smtp.close()
process.exit(ok ? 0 : 1)
