import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reviewVersions } from '@/preview/reviewLinks'

import { act, createAs, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
})

const panel = async (id: number | string, role: 'reviewer' | 'editor' = 'reviewer') => {
  const response = await yixun.rest.get(`notices/${id}/workflow`, { token: await yixun.tokenFor(role) })
  expect(response.status).toBe(200)
  return response.json()
}

async function versionsOf(id: number | string) {
  const { docs } = await yixun.payload.findVersions({ collection: 'notices', where: { parent: { equals: id } }, sort: '-updatedAt', depth: 0, limit: 100 })
  return docs
}

describe('what the review panel links to', () => {
  it('offers both app previews of a new item, and no diff while nothing is live', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    const body = await panel(notice.id)
    // The fields the admin already relied on are still there.
    expect(body).toMatchObject({ state: 'in_review', stateLabel: { zh: '待审核' }, live: false, allowedActions: expect.arrayContaining(['approve', 'reject']) })
    expect(body.links).toEqual({
      preview: { patient: `/preview/notices/${notice.id}?audience=patient`, doctor: `/preview/notices/${notice.id}?audience=doctor` },
      diff: null,
    })
  })

  it('links the change to a live notice to Payload’s comparison of the version under review with the live one', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '春节门诊安排' }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).body.state).toBe('published')
    const published = (await versionsOf(notice.id)).find((version) => version.version._status === 'published')!
    // Live and not in review: nothing to compare yet.
    expect((await panel(notice.id)).links.diff).toBeNull()

    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '春节门诊安排（更新）' } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    const [underReview] = await versionsOf(notice.id)
    expect(underReview!.version).toMatchObject({ title: '春节门诊安排（更新）', workflowState: 'in_review' })

    const { links } = await panel(notice.id)
    expect(links.diff).toBe(`/admin/collections/notices/${notice.id}/versions/${underReview!.id}?versionFrom=${published.id}`)
    // Payload's version view finds both versions by those ids.
    const to = await yixun.payload.findVersionByID({ collection: 'notices', id: String(underReview!.id) })
    const from = await yixun.payload.findVersionByID({ collection: 'notices', id: String(published.id) })
    expect([from.version.title, to.version.title]).toEqual(['春节门诊安排', '春节门诊安排（更新）'])
    expect(await reviewVersions(yixun.payload, 'notices', notice.id)).toEqual({ review: underReview!.id, live: published.id })

    // Once approved, the new version is the live one and the diff link goes away.
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    expect((await panel(notice.id)).links.diff).toBeNull()
  })

  it('compares with the version that is live, not an older published one', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '第一版' }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '第二版' } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '第三版' } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')

    const versions = await reviewVersions(yixun.payload, 'notices', notice.id)
    const live = await yixun.payload.findVersionByID({ collection: 'notices', id: String(versions!.live) })
    const review = await yixun.payload.findVersionByID({ collection: 'notices', id: String(versions!.review) })
    expect([live.version.title, review.version.title]).toEqual(['第二版', '第三版'])
  })

  it('gives no diff after a withdrawal, when nothing is live any more', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await act(yixun, 'reviewer', 'notices', notice.id, 'withdraw', '信息有误')
    await act(yixun, 'editor', 'notices', notice.id, 'reopen')
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    const body = await panel(notice.id)
    expect(body).toMatchObject({ state: 'in_review', live: false, links: { diff: null } })
  })
})
