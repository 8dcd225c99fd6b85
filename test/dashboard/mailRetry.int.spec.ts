import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Role } from '@/auth/roles'
import type { Dashboard } from '@/dashboard/dashboardFor'
import type { Problem } from '@/dashboard/problems'
import { demoEmail } from '@/seed/users'

import { act, createAs, noticeData } from '../helpers/content'
import { clearJobs, mailJobs, makeRetriesDue } from '../helpers/mail'
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let port: number
let smtp: TestSmtpServer | undefined

beforeAll(async () => {
  // The mail server is down: nothing listens on its port until a test starts it.
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

async function dashboardOf(role: Role): Promise<Dashboard> {
  const response = await yixun.rest.get('dashboard', { token: await yixun.tokenFor(role) })
  expect(response.status).toBe(200)
  return response.json()
}

const retry = async (url: string, role: Role | null) => {
  const response = await yixun.rest.post(url.replace(/^\/api\//, ''), { token: role ? await yixun.tokenFor(role) : undefined })
  return { status: response.status, body: await response.json() }
}

/** An editor submits a notice; the mail to the reviewer fails its first try and all five retries. */
async function mailThatFailedForGood(title: string) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title }))
  expect((await act(yixun, 'editor', 'notices', notice.id, 'submit')).status).toBe(200)
  for (let run = 0; run < 6; run++) {
    await yixun.payload.jobs.run()
    await makeRetriesDue(yixun.payload)
  }
  const [job] = await mailJobs(yixun.payload)
  expect(job).toMatchObject({ hasError: true, totalTried: 6 })
  return job
}

const mailProblem = (dashboard: Dashboard, id: number | string): Problem | undefined => dashboard.problems.mail.find((problem) => String(problem.id) === String(id))

describe('mail that could not be sent', () => {
  it('shows admins the mail the queue gave up on, and its retry delivers it once the server is back', async () => {
    const job = await mailThatFailedForGood('医保结算系统升级通知')

    const problem = mailProblem(await dashboardOf('admin'), job.id)!
    expect(problem).toMatchObject({
      kind: 'mail',
      collection: 'payload-jobs',
      title: `【医讯】待审核：医保结算系统升级通知 → ${demoEmail('reviewer')}`,
      attempts: 6,
      href: null,
      retry: { method: 'POST', url: `/api/dashboard/mail/${job.id}/retry` },
    })
    expect(problem.reason.zh).toContain('连接不上邮件服务器')
    expect(problem.reason.en).toContain('could not be reached')
    expect(problem.detail).toContain('ECONNREFUSED')
    for (const role of ['reviewer', 'editor', 'publicity', 'viewer'] as const) expect((await dashboardOf(role)).problems.mail, role).toEqual([])

    smtp = await startSmtpServer(port)
    const retried = await retry(problem.retry.url, 'admin')
    expect(retried).toMatchObject({ status: 202, body: { replaced: job.id, to: demoEmail('reviewer'), status: 'queued' } })
    expect(String(retried.body.id)).not.toBe('')
    expect(mailProblem(await dashboardOf('admin'), job.id)).toBeUndefined()

    await yixun.payload.jobs.run()
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0].envelopeTo).toEqual([demoEmail('reviewer')])
    expect(smtp.received[0].subject).toBe('【医讯】待审核：医保结算系统升级通知')
    expect(smtp.received[0].text).toContain('医保结算系统升级通知')
    expect(await mailJobs(yixun.payload)).toHaveLength(0)

    const { docs: audit } = await yixun.payload.find({ collection: 'audit-log', where: { and: [{ collectionSlug: { equals: 'payload-jobs' } }, { documentId: { equals: String(job.id) } }] } })
    expect(audit).toMatchObject([{ action: 'update', details: { retryMail: true, to: demoEmail('reviewer'), newJobId: String(retried.body.id) } }])

    expect(await retry(problem.retry.url, 'admin')).toMatchObject({ status: 404, body: { errors: [{ code: 'NOT_FOUND' }] } })
  })

  it('is for admins only: 403 for every other role, 401 without credentials, and the mail stays put', async () => {
    const job = await mailThatFailedForGood('门诊楼电梯检修')
    const url = `/api/dashboard/mail/${job.id}/retry`
    for (const role of ['reviewer', 'editor', 'publicity', 'viewer'] as const) {
      expect(await retry(url, role), role).toMatchObject({ status: 403, body: { errors: [{ code: 'FORBIDDEN' }] } })
    }
    expect(await retry(url, null)).toMatchObject({ status: 401, body: { errors: [{ code: 'UNAUTHENTICATED' }] } })
    expect(await mailJobs(yixun.payload)).toMatchObject([{ id: job.id, hasError: true }])
  })

  it('answers 404 for a job that does not exist or is not a mail, and 409 for a mail still being retried', async () => {
    const missing = yixun.payload.db.defaultIDType === 'number' ? 987_654 : '0123456789abcdef01234567'
    expect(await retry(`/api/dashboard/mail/${missing}/retry`, 'admin')).toMatchObject({ status: 404, body: { errors: [{ code: 'NOT_FOUND' }] } })
    expect(await retry('/api/dashboard/mail/not-an-id!/retry', 'admin')).toMatchObject({ status: 404, body: { errors: [{ code: 'NOT_FOUND' }] } })

    const notMail = await yixun.payload.jobs.queue({ task: 'compactFeedEventCounts', input: {} })
    expect(await retry(`/api/dashboard/mail/${notMail.id}/retry`, 'admin')).toMatchObject({ status: 404 })

    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '仍在重试的邮件' }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await yixun.payload.jobs.run()
    const [waiting] = await mailJobs(yixun.payload)
    expect(waiting).toMatchObject({ hasError: false, totalTried: 1 })
    expect(await retry(`/api/dashboard/mail/${waiting.id}/retry`, 'admin')).toMatchObject({ status: 409, body: { errors: [{ code: 'MAIL_NOT_FAILED' }] } })
    expect(mailProblem(await dashboardOf('admin'), waiting.id)).toBeUndefined()
  })
})
