import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireItem } from '@/workflow/transition'

import { auditEntries, userIdOf } from '../helpers/audit'
import { act, createAs, eventData, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const entriesFor = (collection: string, id: number | string) =>
  auditEntries(yixun, { and: [{ collectionSlug: { equals: collection } }, { documentId: { equals: String(id) } }] })

describe('the audit trail of a notice’s life', () => {
  it('records create, edit, every transition, publish and expiry, with states, actors and comments', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '补充：医保患者可线上结算。' } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'reject', '请写明开通日期')
    await act(yixun, 'editor', 'notices', notice.id, 'reopen')
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve', '同意发布')
    await expireItem(await createLocalReq({}, yixun.payload), 'notices', notice.id)

    const entries = (await entriesFor('notices', notice.id)).reverse()
    expect(entries.map((e) => [e.action, e.fromState ?? null, e.toState ?? null])).toEqual([
      ['create', null, null],
      ['update', null, null],
      ['submit', 'draft', 'in_review'],
      ['reject', 'in_review', 'rejected'],
      ['reopen', 'rejected', 'draft'],
      ['submit', 'draft', 'in_review'],
      ['approve', 'in_review', 'approved'],
      ['publish', 'approved', 'published'],
      ['expire', 'published', 'expired'],
    ])
    const editor = await userIdOf(yixun, 'editor')
    const reviewer = await userIdOf(yixun, 'reviewer')
    expect(entries[1].changedFields).toContain('summary')
    expect(entries[2].actor).toBe(editor)
    expect(entries[3]).toMatchObject({ actor: reviewer, comment: '请写明开通日期' })
    expect(entries[6]).toMatchObject({ actor: reviewer, comment: '同意发布' })
    expect(entries.every((e) => e.documentTitle === notice.title)).toBe(true)
  })

  it('records a withdrawal, and a refused action not at all', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    expect((await act(yixun, 'editor', 'notices', notice.id, 'approve')).status).toBe(403)
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await act(yixun, 'admin', 'notices', notice.id, 'withdraw', '信息需更正')
    const actions = (await entriesFor('notices', notice.id)).reverse().map((e) => e.action)
    expect(actions).toEqual(['create', 'submit', 'approve', 'publish', 'withdraw'])
  })

  it('records the homepage notice an event made, as following that event', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
    const { docs } = await yixun.payload.find({ collection: 'notices', where: { sourceEvent: { equals: event.id } } })
    const entries = await entriesFor('notices', docs[0].id)
    expect(entries.map((e) => e.action)).toContain('publish')
    expect(entries.find((e) => e.action === 'publish')?.details).toMatchObject({ followsEvent: event.id })
  })
})
