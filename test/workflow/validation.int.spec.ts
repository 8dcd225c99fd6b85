import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAs, eventData, hoursFromNow, noticeData, versionsOf } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

/** POSTs as the editor; expects a 400 naming the problem, and no new document. */
async function expectRefusedCreate(collection: 'notices' | 'free-clinic-events', body: Record<string, unknown>, message: RegExp, role: 'editor' | 'publicity' = 'editor') {
  const before = await yixun.payload.count({ collection })
  const response = await yixun.rest.post(collection, { token: await yixun.tokenFor(role), body })
  const json = await response.json()
  expect(response.status, JSON.stringify(json).slice(0, 300)).toBe(400)
  expect(JSON.stringify(json)).toMatch(message)
  expect(await yixun.payload.count({ collection })).toEqual(before)
}

describe('bad notices are refused with a message a person can act on', () => {
  it('refuses a display window that ends before it starts', async () => {
    await expectRefusedCreate('notices', await noticeData(yixun, { publishAt: hoursFromNow(5), expireAt: hoursFromNow(2) }), /The end must be after the start/)
  })

  it.each(['javascript:alert(1)', 'http://hospital.example.cn', 'ftp://files.example.cn/a', 'weixin://dl/x'])('refuses the link %s', async (link) => {
    await expectRefusedCreate('notices', await noticeData(yixun, { link }), /must start with https:\/\/ \(web\) or yixun:\/\/ \(app route\)/)
  })

  it('refuses an unknown department (publicity staff are not limited to departments)', async () => {
    await expectRefusedCreate('notices', await noticeData(yixun, { departments: [99999] }), /do not exist|invalid/i, 'publicity')
  })

  it('refuses a malformed minimum app version', async () => {
    await expectRefusedCreate('notices', await noticeData(yixun, { minAppVersion: 'v5' }), /Use a version like 5\.2/)
  })

  it('refuses an unknown placement', async () => {
    await expectRefusedCreate('notices', await noticeData(yixun, { placement: 'sidebar' }), /placement/)
  })

  it('leaves a stored notice as it was when an edit is refused', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const response = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '新标题', link: 'javascript:void(0)' } })
    expect(response.status).toBe(400)
    expect((await versionsOf(yixun, 'notices', notice.id)).working).toMatchObject({ title: notice.title, link: notice.link })
  })
})

describe('bad free-clinic events are refused', () => {
  it('refuses a session that ends before it starts', async () => {
    const sessions = [{ startsAt: hoursFromNow(10), endsAt: hoursFromNow(9), quota: 10 }]
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { sessions }), /A session must end after it starts/)
  })

  it('refuses a negative quota', async () => {
    const sessions = [{ startsAt: hoursFromNow(10), endsAt: hoursFromNow(12), quota: -5 }]
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { sessions }), /quota/i)
  })

  it('refuses an event without sessions', async () => {
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { sessions: [] }), /sessions/i)
  })

  it('refuses an on-site event without an address', async () => {
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { address: '' }), /An on-site event needs an address/)
  })

  it('refuses an unknown department and a forbidden registration link', async () => {
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { departments: [424242] }), /do not exist|invalid/i, 'publicity')
    await expectRefusedCreate('free-clinic-events', await eventData(yixun, { registrationLink: 'javascript:alert(1)' }), /https:\/\//)
  })

  it('accepts an online event without an address, and ends its display with the last session', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { mode: 'online', address: '' }))
    expect(new Date(event.expireAt).getTime()).toBe(new Date(event.sessions[1].endsAt).getTime())
  })
})
