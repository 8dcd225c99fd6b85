import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { notifyWorkflowTransition } from '@/mail/notifyWorkflowTransition'
import { demoEmail } from '@/seed/users'

import { clearJobs, mailJobs, makeRetriesDue, requestAs, userByEmail } from '../helpers/mail'
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp'
import { startYixun, type TestYixun } from '../helpers/yixun'

const MINUTE = 60_000

let yixun: TestYixun
let port: number
let smtp: TestSmtpServer | undefined

beforeAll(async () => {
  // The mail server is down: nothing listens on its port.
  port = await closedPort()
  vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${port}`)
  yixun = await startYixun()
})

beforeEach(async () => {
  await clearJobs(yixun.payload)
})

afterEach(async () => {
  await smtp?.close()
  smtp = undefined
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  vi.unstubAllEnvs()
})

async function approveEditorsNotice() {
  const { payload } = yixun
  const submitter = await userByEmail(payload, demoEmail('editor'))
  const req = await requestAs(payload, demoEmail('reviewer'))
  await notifyWorkflowTransition(req, {
    collection: 'notices',
    id: 201,
    title: '医保结算系统升级通知',
    action: 'approve',
    comment: '同意',
    departmentIds: [],
    submitterId: submitter.id,
  })
}

describe('a mail server that is down', () => {
  it('does not hold up the transition; the mail waits in the queue and arrives once the server is back', async () => {
    const { payload } = yixun
    const started = performance.now()
    await approveEditorsNotice()
    expect(performance.now() - started).toBeLessThan(2000)

    const failedAt = Date.now()
    await payload.jobs.run()
    let [job] = await mailJobs(payload)
    expect(job).toMatchObject({ totalTried: 1, hasError: false, processing: false, completedAt: null })
    expect(job.log?.[0]).toMatchObject({ state: 'failed', taskSlug: 'sendMail' })
    expect(JSON.stringify(job.log?.[0].error)).toContain('ECONNREFUSED')
    // First retry after 2 minutes (exponential backoff from there).
    const due = new Date(job.waitUntil!).getTime() - failedAt
    expect(due).toBeGreaterThan(1.5 * MINUTE)
    expect(due).toBeLessThan(2.5 * MINUTE)

    // Not due yet: running the queue again leaves it alone.
    await payload.jobs.run()
    ;[job] = await mailJobs(payload)
    expect(job.totalTried).toBe(1)

    smtp = await startSmtpServer(port)
    await makeRetriesDue(payload)
    const { jobStatus } = await payload.jobs.run()
    await payload.jobs.run()

    expect(jobStatus?.[job.id]).toEqual({ status: 'success' })
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0].envelopeTo).toEqual([demoEmail('editor')])
    expect(smtp.received[0].subject).toBe('【医讯】已批准：医保结算系统升级通知')
    // Payload deletes a job once it completes (jobs.deleteJobOnComplete defaults to true).
    expect(await mailJobs(payload)).toHaveLength(0)
  })

  it('gives up after the first try and five retries, waiting twice as long before each', async () => {
    const { payload } = yixun
    await approveEditorsNotice()

    const waits: number[] = []
    for (let attempt = 1; attempt <= 10; attempt++) {
      const before = Date.now()
      await payload.jobs.run()
      const [job] = await mailJobs(payload)
      if (job.hasError) break
      waits.push(Math.round((new Date(job.waitUntil!).getTime() - before) / MINUTE))
      await makeRetriesDue(payload)
    }

    const [job] = await mailJobs(payload)
    expect(waits).toEqual([2, 4, 8, 16, 32])
    expect(job).toMatchObject({ totalTried: 6, hasError: true, completedAt: null })
    expect(job.log).toHaveLength(6)
  })
})
