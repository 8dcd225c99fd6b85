import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireItem } from '@/workflow/transition'

import { act, createAs, eventData, hoursFromNow, noticeData, versionsOf } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

async function publishedNotice(overrides: Record<string, unknown> = {}) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).body.state).toBe('published')
  return notice.id
}

describe('nothing goes live without approval', () => {
  it('refuses a direct REST publish of a new notice', async () => {
    const before = await yixun.payload.count({ collection: 'notices' })
    const response = await yixun.rest.post('notices', { token: await yixun.tokenFor('admin'), body: { ...(await noticeData(yixun)), _status: 'published' } })
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].code).toBe('PUBLISH_REQUIRES_APPROVAL')
    expect(await yixun.payload.count({ collection: 'notices' })).toEqual(before)
  })

  it('refuses a direct REST publish of a draft, as the admin would by pressing Publish', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const response = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('admin'), body: { _status: 'published' } })
    expect(response.status).toBe(403)
    expect((await versionsOf(yixun, 'notices', notice.id)).live).toBeNull()
  })

  it('refuses setting the review state directly', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const response = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { workflowState: 'approved' } })
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].code).toBe('WORKFLOW_STATE_READONLY')
    expect((await versionsOf(yixun, 'notices', notice.id)).working.workflowState).toBe('draft')
  })

  it('ignores a stale review state re-sent by an open edit form', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    const response = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '改一下摘要', workflowState: 'draft' } })
    expect(response.status).toBe(200)
    expect((await versionsOf(yixun, 'notices', notice.id)).working).toMatchObject({ workflowState: 'in_review', summary: '改一下摘要' })
  })

  it('refuses a Local API publish without the workflow', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await expect(yixun.payload.update({ collection: 'notices', id: notice.id, data: { _status: 'published' } })).rejects.toMatchObject({ status: 403 })
    await expect(yixun.payload.create({ collection: 'notices', data: { ...(await noticeData(yixun)), _status: 'published' } as never })).rejects.toMatchObject({ status: 403 })
    expect((await versionsOf(yixun, 'notices', notice.id)).live).toBeNull()
  })

  it('saves a plain Local API update as a draft, not live', async () => {
    const id = await publishedNotice()
    await yixun.payload.update({ collection: 'notices', id, data: { title: '未经审核的修改' } })
    const { working, live } = await versionsOf(yixun, 'notices', id)
    expect(live?.title).toBe('心血管内科线上复诊开通')
    expect(working.title).toBe('未经审核的修改')
  })
})

describe('editing live content', () => {
  it('keeps the published notice live, exactly as approved, while its edit waits for review', async () => {
    const id = await publishedNotice()
    const edit = await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '心血管内科线上复诊开通（12月1日起）' } })
    expect(edit.status).toBe(200)

    let { working, live } = await versionsOf(yixun, 'notices', id)
    expect(live?.title).toBe('心血管内科线上复诊开通')
    expect(live?.workflowState).toBe('published')
    expect(working.title).toBe('心血管内科线上复诊开通（12月1日起）')
    expect(working.workflowState).toBe('draft')

    await act(yixun, 'editor', 'notices', id, 'submit')
    const rejected = await act(yixun, 'reviewer', 'notices', id, 'reject', '日期写错了')
    expect(rejected.status).toBe(200)
    ;({ live } = await versionsOf(yixun, 'notices', id))
    expect(live?.title).toBe('心血管内科线上复诊开通')

    await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '心血管内科线上复诊开通（12月2日起）' } })
    await act(yixun, 'editor', 'notices', id, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', id, 'approve')).body.state).toBe('published')
    ;({ working, live } = await versionsOf(yixun, 'notices', id))
    expect(live?.title).toBe('心血管内科线上复诊开通（12月2日起）')
    expect(working.workflowState).toBe('published')
  })

  it('sends an approved-but-not-yet-live item back to draft when it is edited', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { publishAt: hoursFromNow(5) }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '改了' } })
    expect((await versionsOf(yixun, 'notices', notice.id)).working.workflowState).toBe('draft')
  })
})

describe('a free-clinic event announced on the homepage', () => {
  async function findLinked(eventId: number | string) {
    const { docs } = await yixun.payload.find({ collection: 'notices', where: { sourceEvent: { equals: eventId } }, draft: true })
    return docs
  }

  it('gets a live homepage notice for the same audience the moment it is approved', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { audience: 'doctor' }))
    expect(await findLinked(event.id)).toHaveLength(0)
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    expect(await findLinked(event.id)).toHaveLength(0)
    expect((await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')).body.state).toBe('published')

    const [notice] = await findLinked(event.id)
    const { live } = await versionsOf(yixun, 'notices', notice.id)
    expect(live).toMatchObject({ audience: 'doctor', kind: 'activity', workflowState: 'published', title: '【义诊】心血管内科周六义诊' })
    const saved = await yixun.payload.findByID({ collection: 'free-clinic-events', id: event.id, draft: true })
    expect(new Date(live!.expireAt).getTime()).toBe(new Date(saved.sessions[1].endsAt).getTime())
    expect(saved.expireAt).toBe(live!.expireAt)

    // Withdrawing the event takes its notice down too.
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'withdraw', '场地变更')
    const after = await versionsOf(yixun, 'notices', notice.id)
    expect(after.live).toBeNull()
    expect(after.working.workflowState).toBe('withdrawn')
  })

  it('keeps the notice approved, not live, while the event waits for its publish time; one notice per event', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { publishAt: hoursFromNow(3) }))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    const [notice] = await findLinked(event.id)
    const { working, live } = await versionsOf(yixun, 'notices', notice.id)
    expect(working.workflowState).toBe('approved')
    expect(new Date(working.publishAt).getTime()).toBe(new Date(event.publishAt).getTime())
    expect(live).toBeNull()

    // An edit and a second approval update the same notice.
    await yixun.rest.patch(`free-clinic-events/${event.id}`, { token: await yixun.tokenFor('editor'), body: { title: '心血管内科周六义诊（加场）' } })
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    const linked = await findLinked(event.id)
    expect(linked).toHaveLength(1)
    expect(linked[0].title).toBe('【义诊】心血管内科周六义诊（加场）')
  })

  it('expires its notice when the event expires', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    const [notice] = await findLinked(event.id)
    const { createLocalReq } = await import('payload')
    await expireItem(await createLocalReq({}, yixun.payload), 'free-clinic-events', event.id)
    expect((await versionsOf(yixun, 'free-clinic-events', event.id)).live).toBeNull()
    const after = await versionsOf(yixun, 'notices', notice.id)
    expect(after.live).toBeNull()
    expect(after.working.workflowState).toBe('expired')
  })

  it('creates no notice when the event is not to be announced', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { announceOnHomepage: false }))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    expect(await findLinked(event.id)).toHaveLength(0)
  })
})
