import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { Leadership } from '@/jobs/leadership'

import { auditEntries } from '../helpers/audit'
import { act, createAs, eventData, hoursFromNow, noticeData, versionsOf } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterEach(() => {
  vi.useRealTimers()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

/** Moves the clock (Date only; timers and I/O run as usual) to `iso` and works the queue. */
async function runJobsAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) })
  await yixun.payload.jobs.run({ queue: 'default', limit: 100 })
}

const after = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString()

async function approvedNotice(overrides: Record<string, unknown>) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  const { body } = await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
  expect(body.state).toBe('approved')
  return notice
}

const publishes = async (id: number | string) =>
  (await auditEntries(yixun, { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'publish' } }] })).length

describe('scheduled publishing and expiry', () => {
  it('publishes an approved notice at its time, not before, and takes it down at its end', async () => {
    const publishAt = hoursFromNow(2)
    const expireAt = hoursFromNow(5)
    const notice = await approvedNotice({ publishAt, expireAt })

    await runJobsAt(after(publishAt, -1000))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).toBeNull()

    await runJobsAt(after(publishAt, 10))
    expect((await versionsOf(yixun, 'notices', notice.id)).live?.workflowState).toBe('published')

    await runJobsAt(after(expireAt, -1000))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).not.toBeNull()
    await runJobsAt(after(expireAt, 10))
    const { live, working } = await versionsOf(yixun, 'notices', notice.id)
    expect(live).toBeNull()
    expect(working.workflowState).toBe('expired')
  })

  it('takes a live notice down at its approved end, even while an edit with a later end waits for review', async () => {
    const publishAt = hoursFromNow(2)
    const expireAt = hoursFromNow(5)
    const notice = await approvedNotice({ publishAt, expireAt })
    await runJobsAt(after(publishAt, 10))
    expect((await versionsOf(yixun, 'notices', notice.id)).live?.workflowState).toBe('published')

    const edited = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { expireAt: hoursFromNow(48) } })
    expect(edited.status).toBe(200)
    await act(yixun, 'editor', 'notices', notice.id, 'submit')

    await runJobsAt(after(expireAt, 10))
    const { live, working } = await versionsOf(yixun, 'notices', notice.id)
    expect(live).toBeNull()
    expect(working.workflowState).toBe('expired')
    expect((await auditEntries(yixun, { and: [{ documentId: { equals: String(notice.id) } }, { action: { equals: 'expire' } }] })).length).toBe(1)
  })

  it('is not pushed to a later tick by milliseconds in the scheduled time', async () => {
    const publishAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3 * 3600_000 + 999).toISOString()
    const notice = await approvedNotice({ publishAt })
    await runJobsAt(after(publishAt, 1))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).not.toBeNull()
  })

  it('publishes exactly the approved version, never a later unapproved edit', async () => {
    const publishAt = hoursFromNow(2)
    const notice = await approvedNotice({ publishAt })
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '未审核的改动' } })
    await runJobsAt(after(publishAt, 10))
    const { live, working } = await versionsOf(yixun, 'notices', notice.id)
    expect(live).toBeNull()
    expect(working).toMatchObject({ workflowState: 'draft', title: '未审核的改动' })
  })

  it('follows a new schedule and drops the old one', async () => {
    const first = hoursFromNow(2)
    const second = hoursFromNow(4)
    const notice = await approvedNotice({ publishAt: first })
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { publishAt: second } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')

    await runJobsAt(after(first, 10))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).toBeNull()
    await runJobsAt(after(second, 10))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).not.toBeNull()
    expect(await publishes(notice.id)).toBe(1)
  })

  it('cancels a schedule when the item is reopened before its time', async () => {
    const publishAt = hoursFromNow(2)
    const notice = await approvedNotice({ publishAt })
    await act(yixun, 'editor', 'notices', notice.id, 'reopen')
    await runJobsAt(after(publishAt, 10))
    expect((await versionsOf(yixun, 'notices', notice.id)).live).toBeNull()
  })

  it('publishes each item once even when several runners work the queue at the same moment', async () => {
    const publishAt = hoursFromNow(2)
    const notices = await Promise.all([1, 2, 3, 4].map(() => approvedNotice({ publishAt })))
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(after(publishAt, 10)) })
    await Promise.all([1, 2, 3].map(() => yixun.payload.jobs.run({ queue: 'default', limit: 100 }).catch(() => null)))
    await yixun.payload.jobs.run({ queue: 'default', limit: 100 })
    for (const notice of notices) {
      expect((await versionsOf(yixun, 'notices', notice.id)).live).not.toBeNull()
      expect(await publishes(notice.id)).toBe(1)
    }
  })

  it('puts a scheduled free-clinic event and its homepage notice live together', async () => {
    const publishAt = hoursFromNow(1)
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { publishAt }))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    await runJobsAt(after(publishAt, 10))
    expect((await versionsOf(yixun, 'free-clinic-events', event.id)).live).not.toBeNull()
    const { docs } = await yixun.payload.find({ collection: 'notices', where: { sourceEvent: { equals: event.id } } })
    expect(docs[0]).toMatchObject({ _status: 'published', workflowState: 'published' })
  })
})

describe('the job runner', () => {
  it('has one leader per slot among instances', async () => {
    const a = new Leadership(yixun.payload, 'instance-a')
    const b = new Leadership(yixun.payload, 'instance-b')
    const now = Date.now() + 7 * 24 * 3600_000
    const [first, second] = await Promise.all([a.isLeader(now), b.isLeader(now)])
    expect([first, second].filter(Boolean)).toHaveLength(1)
  })

  it('refuses GET /api/payload-jobs/run without the cron secret, and runs with it', async () => {
    const previous = process.env.CRON_SECRET
    try {
      delete process.env.CRON_SECRET
      expect((await yixun.rest.get('payload-jobs/run', { headers: { Authorization: 'Bearer undefined' } })).status).toBeGreaterThanOrEqual(401)
      process.env.CRON_SECRET = 'a-long-cron-secret-for-tests'
      expect((await yixun.rest.get('payload-jobs/run', { headers: { Authorization: 'Bearer wrong-secret-of-same-size!!' } })).status).toBeGreaterThanOrEqual(401)
      expect((await yixun.rest.get('payload-jobs/run', { headers: { Authorization: 'Bearer a-long-cron-secret-for-tests' } })).status).toBe(200)
    } finally {
      if (previous === undefined) delete process.env.CRON_SECRET
      else process.env.CRON_SECRET = previous
    }
  })
})
