import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import type { Dashboard } from '@/dashboard/dashboardFor'
import { whatNeedsMe } from '@/dashboard/whatNeedsMe'
import { shanghaiDaySpan } from '@/content/shanghaiTime'
import { demoEmail } from '@/seed/users'
import { expireItem } from '@/workflow/transition'

import { act, createAs, eventData, hoursFromNow, noticeData } from '../helpers/content'
import { ensureStaff, requestAs, userByEmail } from '../helpers/mail'
import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
})

type Id = number | string

async function dashboardAs(role: Role | null, token?: string): Promise<{ status: number; body: any }> {
  const response = await yixun.rest.get('dashboard', { token: token ?? (role ? await yixun.tokenFor(role) : undefined) })
  return { status: response.status, body: await response.json() }
}

const dashboardOf = async (role: Role) => {
  const { status, body } = await dashboardAs(role)
  expect(status).toBe(200)
  return body as Dashboard
}

/** Ids are per collection (a notice and an event may both be 1): items are told apart as `collection/id`. */
const keysIn = (items: Array<{ collection: string; id: Id }>) => items.map((item) => `${item.collection}/${item.id}`)
const notice = (id: Id) => `notices/${id}`
const only = (items: Array<{ collection: string; id: Id }>, keys: string[]) => keysIn(items).filter((key) => keys.includes(key))
const find = <T extends { collection: string; id: Id }>(items: T[], key: string) => items.find((item) => `${item.collection}/${item.id}` === key)

async function submitted(title: string) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title }))
  expect((await act(yixun, 'editor', 'notices', notice.id, 'submit')).status).toBe(200)
  return notice.id
}

describe('the review queue', () => {
  it('lists what waits for the reviewer, oldest submission first across collections, with who submitted it and when', async () => {
    const first = await submitted('门诊时间调整（一）')
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun))
    expect((await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')).status).toBe(200)
    const third = await submitted('门诊时间调整（三）')

    const { reviewQueue } = await dashboardOf('reviewer')
    const expected = [notice(first), `free-clinic-events/${event.id}`, notice(third)]
    expect(only(reviewQueue, expected)).toEqual(expected)
    const item = find(reviewQueue, notice(first))!
    const editor = await userByEmail(yixun.payload, demoEmail('editor'))
    expect(item).toMatchObject({
      collection: 'notices',
      title: '门诊时间调整（一）',
      state: 'in_review',
      submittedBy: { id: editor.id, name: editor.name, email: editor.email },
      href: `/admin/collections/notices/${first}`,
    })
    expect(new Date(item.submittedAt!).getTime()).toBeGreaterThan(Date.now() - 600_000)
    expect(item.at).toBe(item.submittedAt)
    expect(find(reviewQueue, `free-clinic-events/${event.id}`)).toMatchObject({ collection: 'free-clinic-events', href: `/admin/collections/free-clinic-events/${event.id}` })
  })

  it('leaves out what the reviewer submitted themselves, which they may not decide', async () => {
    const own = await createAs(yixun, 'admin', 'notices', await noticeData(yixun, { title: '管理员自己提交的公告' }))
    expect((await act(yixun, 'admin', 'notices', own.id, 'submit')).status).toBe(200)

    expect(keysIn((await dashboardOf('admin')).reviewQueue)).not.toContain(notice(own.id))
    expect(keysIn((await dashboardOf('admin')).mine.waiting)).toContain(notice(own.id))
    expect(keysIn((await dashboardOf('reviewer')).reviewQueue)).toContain(notice(own.id))
  })

  it('leaves out items outside a reviewer’s departments', async () => {
    await ensureStaff(yixun.payload, { email: 'gi-reviewer@yixun.local', name: '消化内科审核员', roles: ['reviewer'], departmentCodes: ['GI'] })
    const { token } = await yixun.payload.login({ collection: 'users', data: { email: 'gi-reviewer@yixun.local', password: TEST_PASSWORD } })
    const cardiology = await submitted('心内科专家门诊调整')

    const { body } = await dashboardAs(null, token!)
    expect(keysIn(body.reviewQueue)).not.toContain(notice(cardiology))
    expect(keysIn((await dashboardOf('reviewer')).reviewQueue)).toContain(notice(cardiology))
  })

  it('drops an item once it is decided', async () => {
    const id = await submitted('即将批准的公告')
    expect(keysIn((await dashboardOf('reviewer')).reviewQueue)).toContain(notice(id))
    expect((await act(yixun, 'reviewer', 'notices', id, 'approve')).status).toBe(200)
    expect(keysIn((await dashboardOf('reviewer')).reviewQueue)).not.toContain(notice(id))
  })
})

describe('an author’s own items', () => {
  it('shows the editor their drafts, their rejected items with the reviewer’s comment, and what waits for review', async () => {
    const draft = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '还在写的草稿' }))
    const rejected = await submitted('需要修改的公告')
    expect((await act(yixun, 'reviewer', 'notices', rejected, 'reject', '请写明停诊日期和替诊医生')).status).toBe(200)
    const waiting = await submitted('等待审核的公告')

    const { mine, reviewQueue } = await dashboardOf('editor')
    expect(reviewQueue).toEqual([])
    expect(keysIn(mine.drafts)).toContain(notice(draft.id))
    expect(keysIn(mine.waiting)).toContain(notice(waiting))
    expect(keysIn(mine.drafts)).not.toContain(notice(rejected))

    const reviewer = await userByEmail(yixun.payload, demoEmail('reviewer'))
    const rejection = find(mine.rejected, notice(rejected))
    expect(rejection).toMatchObject({
      state: 'rejected',
      title: '需要修改的公告',
      decisionComment: '请写明停诊日期和替诊医生',
      decidedBy: { id: reviewer.id, name: reviewer.name },
      href: `/admin/collections/notices/${rejected}`,
    })
    expect(rejection!.at).toBe(rejection!.decidedAt)
  })

  it('does not show one author’s items to another', async () => {
    const draft = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '编辑的草稿' }))
    const theirs = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { title: '宣传的草稿', departments: [] }))

    const publicity = await dashboardOf('publicity')
    expect(keysIn(publicity.mine.drafts)).toContain(notice(theirs.id))
    expect(keysIn(publicity.mine.drafts)).not.toContain(notice(draft.id))
    expect(keysIn((await dashboardOf('editor')).mine.drafts)).not.toContain(notice(theirs.id))
  })

  it('moves a resubmitted item from rejected to waiting', async () => {
    const id = await submitted('驳回后重新提交')
    await act(yixun, 'reviewer', 'notices', id, 'reject', '标题太长')
    expect(keysIn((await dashboardOf('editor')).mine.rejected)).toContain(notice(id))
    expect((await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '重新提交' } })).status).toBe(200)
    expect((await act(yixun, 'editor', 'notices', id, 'submit')).status).toBe(200)
    const { mine } = await dashboardOf('editor')
    expect(keysIn(mine.rejected)).not.toContain(notice(id))
    expect(keysIn(mine.waiting)).toContain(notice(id))
  })
})

describe('today', () => {
  it('shows everyone what went live and what expired today', async () => {
    const live = await submitted('今日上线的公告')
    expect((await act(yixun, 'reviewer', 'notices', live, 'approve')).body.state).toBe('published')
    const gone = await submitted('今日下线的公告')
    expect((await act(yixun, 'reviewer', 'notices', gone, 'approve')).body.state).toBe('published')
    await expireItem(await requestAs(yixun.payload, demoEmail('admin')), 'notices', gone)

    for (const role of ['viewer', 'reviewer', 'editor'] as const) {
      const { today } = await dashboardOf(role)
      expect(keysIn(today.wentLive)).toEqual(expect.arrayContaining([notice(live), notice(gone)]))
      expect(only(today.expired, [notice(live), notice(gone)])).toEqual([notice(gone)])
      expect(find(today.wentLive, notice(live))).toMatchObject({ collection: 'notices', title: '今日上线的公告', state: 'published', href: `/admin/collections/notices/${live}` })
      expect(find(today.expired, notice(gone))).toMatchObject({ state: 'expired' })
    }
  })

  it('counts by the Beijing day, not the server’s', async () => {
    const id = await submitted('北京时间的今天')
    await act(yixun, 'reviewer', 'notices', id, 'approve')
    const [entry] = (await yixun.payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'publish' } }, { documentId: { equals: String(id) } }] } })).docs
    const publishedAt = new Date(entry.createdAt)
    const { start, end } = shanghaiDaySpan(publishedAt)
    const reviewer = await userByEmail(yixun.payload, demoEmail('reviewer'))
    const liveOn = async (now: Date) => keysIn((await whatNeedsMe(yixun.payload, reviewer, now)).today.wentLive).includes(notice(id))

    expect(await liveOn(start)).toBe(true)
    expect(await liveOn(new Date(end.getTime() - 1))).toBe(true)
    expect(await liveOn(new Date(start.getTime() - 1))).toBe(false)
    expect(await liveOn(end)).toBe(false)
  })

  it('does not count an approval for later as going live', async () => {
    const id = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '明天发布', publishAt: hoursFromNow(30) }))
    await act(yixun, 'editor', 'notices', id.id, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', id.id, 'approve')).body.state).toBe('approved')
    expect(keysIn((await dashboardOf('viewer')).today.wentLive)).not.toContain(notice(id.id))
  })
})

describe('who sees which sections', () => {
  it('gives each role the sections it calls for, and empty lists for the others', async () => {
    const expected: Record<Role, Dashboard['sections']> = {
      admin: { reviewQueue: true, mine: true, today: true, transcodes: true, webhooks: true, mail: true, schedule: true, lockouts: true },
      reviewer: { reviewQueue: true, mine: false, today: true, transcodes: false, webhooks: false, mail: false, schedule: false, lockouts: false },
      editor: { reviewQueue: false, mine: true, today: true, transcodes: false, webhooks: false, mail: false, schedule: false, lockouts: false },
      publicity: { reviewQueue: false, mine: true, today: true, transcodes: true, webhooks: false, mail: false, schedule: false, lockouts: false },
      viewer: { reviewQueue: false, mine: false, today: true, transcodes: false, webhooks: false, mail: false, schedule: false, lockouts: false },
    }
    await submitted('人人都在的一天')
    for (const [role, sections] of Object.entries(expected) as Array<[Role, Dashboard['sections']]>) {
      const dashboard = await dashboardOf(role)
      expect(dashboard.sections, role).toEqual(sections)
      if (!sections.reviewQueue) expect(dashboard.reviewQueue, role).toEqual([])
      if (!sections.mine) expect(dashboard.mine, role).toEqual({ drafts: [], rejected: [], waiting: [] })
      if (!sections.webhooks) expect(dashboard.problems.webhooks, role).toEqual([])
      if (!sections.mail) expect(dashboard.problems.mail, role).toEqual([])
      if (!sections.schedule) expect(dashboard.problems.schedule, role).toEqual([])
      if (!sections.transcodes) expect(dashboard.problems.transcodes, role).toEqual([])
    }
  })

  it('answers 401 without credentials', async () => {
    const { status, body } = await dashboardAs(null)
    expect(status).toBe(401)
    expect(body.errors[0].code).toBe('UNAUTHENTICATED')
  })
})
