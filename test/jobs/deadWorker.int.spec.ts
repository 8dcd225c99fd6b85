import { type ChildProcess, spawn } from 'node:child_process'
import readline from 'node:readline'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Id } from '@/content/ids'
import { ABANDONED_AFTER_MS, reclaimAbandonedJobs, WORKER_DIED } from '@/jobs/reclaimAbandonedJobs'
import { type JobRunner, startJobRunner } from '@/jobs/runner'
import type { PublishableCollection } from '@/workflow/states'

import { auditEntries } from '../helpers/audit'
import { act, createAs, noticeData, versionsOf } from '../helpers/content'
import { clearJobs } from '../helpers/mail'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp'
import { waitFor } from '../helpers/wait'
import { createWebhookApp, deliveriesOf, startReceiver, type TestReceiver } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let receiver: TestReceiver
let smtp: TestSmtpServer
let child: ChildProcess | null = null
let runner: JobRunner | null = null

beforeAll(async () => {
  yixun = await startYixun()
  receiver = await startReceiver()
  smtp = await startSmtpServer()
  await createWebhookApp(yixun.payload, { name: '患者端', feeds: ['patient'], webhookUrl: receiver.url })
})

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
  child = null
  await runner?.stop()
  runner = null
})

afterAll(async () => {
  await receiver?.close()
  await smtp?.close()
  await yixun.payload.destroy().catch(() => {})
})

/** Another Yixun instance working the queue, in its own process group; resolves once it runs. */
async function startWorker(hold: string): Promise<{ process: ChildProcess; holding: Promise<void> }> {
  const worker = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/jobs/jobRunnerChild.ts'], {
    env: { ...process.env, DATABASE_URI: yixun.databaseUri, YIXUN_CHILD_HOLD: hold, SMTP_URL: smtp.url },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  child = worker
  const lines = readline.createInterface({ input: worker.stdout! })
  const seen = (text: string) =>
    new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => line.trim() === text && resolve())
      worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before "${text}"`)))
    })
  const holding = Promise.race([
    seen(`holding ${hold}`),
    new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`worker did not reach "${hold}" within 60 s`)), 60_000).unref()),
  ])
  holding.catch(() => {})
  await seen('ready')
  return { process: worker, holding }
}

async function killWorker(worker: ChildProcess): Promise<number> {
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  process.kill(-worker.pid!, 'SIGKILL')
  const killedAt = Date.now()
  await exited
  return killedAt
}

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()

/** An approved notice; `state` says what the approval must have done (go live now, or wait for publishAt). */
async function approvedNotice(overrides: Record<string, unknown>, state: 'approved' | 'published'): Promise<Id> {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  const { body } = await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
  expect(body.state).toBe(state)
  return notice.id
}

const auditCount = async (id: Id, action: string) =>
  (await auditEntries(yixun, { and: [{ collectionSlug: { equals: 'notices' } }, { documentId: { equals: String(id) } }, { action: { equals: action } }] })).length

const deliveriesFor = async (collection: PublishableCollection, id: Id, eventType: string) =>
  (await deliveriesOf(yixun.payload, collection, id)).filter((delivery) => delivery.eventType === eventType)

async function scheduleJob(id: Id, action: 'publish' | 'expire') {
  const { docs } = await yixun.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'runSchedule' } }, { 'input.id': { equals: String(id) } }, { 'input.action': { equals: action } }] },
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

describe('a worker killed while it holds a scheduled job', () => {
  it('publishes the item exactly once, within 30 s of the kill, with one audit entry and one webhook', async () => {
    const worker = await startWorker('publish')
    const id = await approvedNotice({ publishAt: secondsFromNow(10) }, 'approved')
    await worker.holding
    const killedAt = await killWorker(worker.process)

    // The killed worker's transaction never committed: nothing of the publish happened.
    expect((await scheduleJob(id, 'publish'))?.processing).toBe(true)
    expect((await versionsOf(yixun, 'notices', id)).live).toBeNull()
    expect(await auditCount(id, 'publish')).toBe(0)
    expect(await deliveriesFor('notices', id, 'published')).toHaveLength(0)

    // This process is the surviving instance: it takes the leader slot and reclaims the job.
    runner = startJobRunner(yixun.payload)
    await waitFor(async () => (await versionsOf(yixun, 'notices', id)).live, 45_000, 100)
    const delay = Date.now() - killedAt
    console.log(`[${yixun.engine}] publish recovered ${(delay / 1000).toFixed(1)} s after the worker was killed`)
    expect(delay).toBeLessThan(30_000)

    const [delivery] = await waitFor(async () => {
      const found = await deliveriesFor('notices', id, 'published')
      return found[0]?.status === 'succeeded' ? found : null
    }, 20_000, 100)
    expect(await deliveriesFor('notices', id, 'published')).toHaveLength(1)
    expect(receiver.received.filter((hit) => hit.headers['webhook-id'] === delivery.eventId)).toHaveLength(1)
    expect(await auditCount(id, 'publish')).toBe(1)
    expect((await versionsOf(yixun, 'notices', id)).working.workflowState).toBe('published')
  }, 120_000)

  it('takes an expired item down exactly once after the worker running its expiry was killed', async () => {
    const worker = await startWorker('expire')
    const id = await approvedNotice({ expireAt: secondsFromNow(10) }, 'published')
    expect((await versionsOf(yixun, 'notices', id)).live).not.toBeNull()
    await worker.holding
    const killedAt = await killWorker(worker.process)
    expect((await versionsOf(yixun, 'notices', id)).live).not.toBeNull()
    expect(await auditCount(id, 'expire')).toBe(0)

    runner = startJobRunner(yixun.payload)
    await waitFor(async () => (await versionsOf(yixun, 'notices', id)).working.workflowState === 'expired', 45_000, 100)
    console.log(`[${yixun.engine}] expiry recovered ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the worker was killed`)
    expect(Date.now() - killedAt).toBeLessThan(30_000)
    expect((await versionsOf(yixun, 'notices', id)).live).toBeNull()
    expect(await auditCount(id, 'expire')).toBe(1)
    expect(await deliveriesFor('notices', id, 'expired')).toHaveLength(1)
  }, 120_000)

  it('sends a mail once when its worker died after the mail server accepted it', async () => {
    await clearJobs(yixun.payload)
    const worker = await startWorker('mail-claimed')
    await yixun.payload.jobs.queue({ task: 'sendMail', input: { to: 'reviewer@hospital.local', subject: '待审核：门诊停诊通知', text: '请审核。' } })
    await worker.holding
    await killWorker(worker.process)
    const ours = () => smtp.received.filter((mail) => mail.subject === '待审核：门诊停诊通知')
    expect(ours()).toHaveLength(1)

    // The job is still marked processing; once its bound has passed it goes back to the queue.
    expect(await reclaimAbandonedJobs(yixun.payload)).toEqual([])
    const reclaimed = await reclaimAbandonedJobs(yixun.payload, { now: Date.now() + ABANDONED_AFTER_MS.sendMail + 1000 })
    expect(reclaimed).toHaveLength(1)
    const { jobStatus } = await yixun.payload.jobs.run({ queue: 'default', limit: 10, silent: true })
    expect(Object.values(jobStatus ?? {}).map((result) => result.status)).toEqual(['success'])
    expect(ours()).toHaveLength(1)
    expect(ours()[0]!.messageId).toMatch(new RegExp(`^<yixun-mail-${reclaimed[0]}-\\d+@`))
  }, 120_000)
})

describe('a scheduled publish that keeps killing its worker', () => {
  it('becomes a dashboard problem after its retries, which only an admin may retry, and then publishes once', async () => {
    const id = await approvedNotice({ publishAt: secondsFromNow(10) }, 'approved')
    const job = (await scheduleJob(id, 'publish'))!
    // Six deaths: the first try and five retries (runSchedule's attempts).
    for (let death = 0; death < 6; death++) {
      await yixun.payload.db.updateJobs({ id: job.id, data: { processing: true, updatedAt: new Date(Date.now() - 20_000 - death).toISOString() } as never, req: {}, returning: false })
      expect(await reclaimAbandonedJobs(yixun.payload)).toEqual([job.id])
    }
    const failed = await yixun.payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0, overrideAccess: true })
    expect(failed).toMatchObject({ hasError: true, processing: false, totalTried: 6 })
    expect((failed.error as { message?: string }).message).toBe(WORKER_DIED)

    const admin = await yixun.rest.get('dashboard', { token: await yixun.tokenFor('admin') })
    const problem = (await admin.json()).problems.schedule.find((entry: { id: Id }) => entry.id === job.id)
    expect(problem).toMatchObject({ kind: 'schedule', collection: 'payload-jobs', attempts: 6 })
    expect(problem.reason.zh).toContain('定时发布')
    expect(problem.reason.en).toContain('scheduled publish')
    expect(problem.href).toContain(`/collections/notices/${id}`)

    expect((await yixun.rest.post(problem.retry.url.replace(/^\/api\//, ''))).status).toBe(401)
    const refused = await yixun.rest.post(problem.retry.url.replace(/^\/api\//, ''), { token: await yixun.tokenFor('reviewer') })
    expect(refused.status).toBe(403)
    expect((await refused.json()).errors[0].code).toBe('FORBIDDEN')
    expect((await versionsOf(yixun, 'notices', id)).live).toBeNull()

    const retried = await yixun.rest.post(problem.retry.url.replace(/^\/api\//, ''), { token: await yixun.tokenFor('admin') })
    expect(retried.status).toBe(202)
    const again = await yixun.rest.post(problem.retry.url.replace(/^\/api\//, ''), { token: await yixun.tokenFor('admin') })
    expect(again.status).toBe(404)
    const retriedJob = await yixun.payload.findByID({ collection: 'payload-jobs', id: (await retried.json()).id, depth: 0, overrideAccess: true })
    expect(new Date(retriedJob.waitUntil!).getTime()).toBe(new Date(job.waitUntil!).getTime())
    await waitFor(async () => Date.now() > new Date(job.waitUntil!).getTime() + 100, 15_000)
    await yixun.payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    expect((await versionsOf(yixun, 'notices', id)).live?.workflowState).toBe('published')
    expect(await auditCount(id, 'publish')).toBe(1)
    const after = await (await yixun.rest.get('dashboard', { token: await yixun.tokenFor('admin') })).json()
    expect(after.problems.schedule).toHaveLength(0)
  }, 60_000)
})
