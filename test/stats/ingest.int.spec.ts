import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { act } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { dailyCounts } from '@/stats/readCounts'
import { shanghaiDay } from '@/content/shanghaiTime'

import { appKey, draftNotice, feedEvent, liveEvent, liveNotice, postEvents, postRaw, repeat, storedRows } from './helpers'

let yixun: TestYixun
let patientApp: string
let doctorApp: string
let patientNotice: number | string
let doctorNotice: number | string
let bothNotice: number | string

beforeAll(async () => {
  yixun = await startYixun()
  patientApp = (await appKey(yixun, ['patient'])).key
  doctorApp = (await appKey(yixun, ['doctor'])).key
  patientNotice = await liveNotice(yixun, { audience: 'patient', placement: 'banner' })
  doctorNotice = await liveNotice(yixun, { audience: 'doctor', placement: 'list' })
  bothNotice = await liveNotice(yixun, { audience: 'both', placement: 'popup' })
})

afterEach(() => {
  vi.useRealTimers()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const today = () => shanghaiDay(Date.now())
const countsFor = (id: number | string, from = today(), to = from) => dailyCounts(yixun.payload, { from, to, collection: 'notices', id })

describe('POST /api/feed/events', () => {
  it('counts a batch per day, feed, placement and platform and answers 202', async () => {
    const events = [
      ...repeat(3, { id: patientNotice, placement: 'banner', platform: 'ios' }),
      ...repeat(2, { id: patientNotice, placement: 'banner', platform: 'android' }),
      feedEvent({ type: 'click', id: patientNotice, placement: 'banner', platform: 'ios' }),
      feedEvent({ type: 'dismiss', id: patientNotice, placement: 'banner', platform: 'android' }),
      feedEvent({ type: 'impression', id: patientNotice, placement: 'detail', platform: 'mini_program' }),
    ]
    const { status, body } = await postEvents(yixun, patientApp, { events })
    expect(status).toBe(202)
    expect(body).toEqual({ accepted: 8, ignored: [] })

    const itemId = String(patientNotice)
    expect(await countsFor(patientNotice)).toEqual([
      { day: today(), collectionSlug: 'notices', itemId, audience: 'patient', placement: 'banner', platform: 'android', impressions: 2, clicks: 0, dismisses: 1 },
      { day: today(), collectionSlug: 'notices', itemId, audience: 'patient', placement: 'banner', platform: 'ios', impressions: 3, clicks: 1, dismisses: 0 },
      { day: today(), collectionSlug: 'notices', itemId, audience: 'patient', placement: 'detail', platform: 'mini_program', impressions: 1, clicks: 0, dismisses: 0 },
    ])
  })

  it('puts an event on the calendar day in Beijing: 16:30 UTC on 25 November is 26 November', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-26T02:00:00Z'))
    const events = [
      feedEvent({ id: doctorNotice, at: '2026-11-25T16:30:00Z' }),
      feedEvent({ id: doctorNotice, at: '2026-11-26T00:29:00+08:00' }),
      feedEvent({ id: doctorNotice, at: '2026-11-25T15:59:59Z' }),
    ]
    expect((await postEvents(yixun, doctorApp, { events })).status).toBe(202)
    const rows = await countsFor(doctorNotice, '2026-11-24', '2026-11-27')
    expect(rows.map(({ day, impressions }) => ({ day, impressions }))).toEqual([
      { day: '2026-11-25', impressions: 1 },
      { day: '2026-11-26', impressions: 2 },
    ])
  })

  it('counts an item for both apps under the feed of the app that showed it', async () => {
    await postEvents(yixun, patientApp, { events: repeat(2, { id: bothNotice, placement: 'popup' }) })
    await postEvents(yixun, doctorApp, { events: repeat(5, { id: bothNotice, placement: 'popup' }) })
    const rows = await countsFor(bothNotice)
    expect(rows.map(({ audience, impressions }) => ({ audience, impressions }))).toEqual([
      { audience: 'doctor', impressions: 5 },
      { audience: 'patient', impressions: 2 },
    ])
  })

  it('counts free-clinic events too', async () => {
    const event = await liveEvent(yixun)
    expect((await postEvents(yixun, patientApp, { events: repeat(4, { collection: 'free-clinic-events', id: event }) })).body).toEqual({ accepted: 4, ignored: [] })
    const rows = await dailyCounts(yixun.payload, { from: today(), to: today(), collection: 'free-clinic-events', id: event, by: [] })
    expect(rows).toEqual([{ day: today(), impressions: 4, clicks: 0, dismisses: 0 }])
  })

  it('ignores unknown items, drafts that never went live and items of the other audience, and counts them nowhere', async () => {
    const draft = await draftNotice(yixun)
    const before = await storedRows(yixun)
    const { status, body } = await postEvents(yixun, patientApp, {
      events: [
        feedEvent({ id: patientNotice }),
        feedEvent({ id: 99_999_999 }),
        feedEvent({ id: draft }),
        feedEvent({ id: doctorNotice }),
        feedEvent({ id: 'no-such-item' }),
        feedEvent({ collection: 'brochures', id: 1 }),
      ],
    })
    expect(status).toBe(202)
    expect(body).toEqual({ accepted: 1, ignored: [1, 2, 3, 4, 5] })
    expect(await storedRows(yixun)).toBe(before + 1)
    for (const id of [draft, doctorNotice, 99_999_999]) {
      expect(await yixun.payload.count({ collection: 'feed-event-counts', where: { and: [{ itemId: { equals: String(id) } }, { audience: { equals: 'patient' } }] } })).toMatchObject({ totalDocs: 0 })
    }
  })

  it('still counts a withdrawn item: the app showed it while it was live', async () => {
    const notice = await liveNotice(yixun, { audience: 'patient' })
    expect((await act(yixun, 'reviewer', 'notices', notice, 'withdraw', '信息有误')).status).toBe(200)
    expect((await postEvents(yixun, patientApp, { events: repeat(2, { id: notice }) })).body).toEqual({ accepted: 2, ignored: [] })
  })

  it('counts identical events in one batch once (same type, item, placement, platform, device and time) and lists the repeats as ignored', async () => {
    const notice = await liveNotice(yixun, { audience: 'patient' })
    const same = feedEvent({ id: notice, placement: 'banner' })
    const { status, body } = await postEvents(yixun, patientApp, { events: [same, same, same, { ...same, deviceId: 'another-device-01' }, { ...same, type: 'click' }] })
    expect(status).toBe(202)
    expect(body).toEqual({ accepted: 3, ignored: [1, 2] })
    const [row] = await countsFor(notice)
    expect(row).toMatchObject({ impressions: 2, clicks: 1 })
  })

  it('counts a batch sent again with the same batchId once, per app', async () => {
    const notice = await liveNotice(yixun, { audience: 'both' })
    const batch = { batchId: 'android-0c7d2b9e', events: repeat(3, { id: notice }) }
    expect(await postEvents(yixun, patientApp, batch)).toEqual({ status: 202, body: { accepted: 3, ignored: [] } })
    expect(await postEvents(yixun, patientApp, batch)).toEqual({ status: 202, body: { accepted: 3, ignored: [], duplicate: true } })
    // Another app's batch ids are its own.
    expect(await postEvents(yixun, doctorApp, batch)).toEqual({ status: 202, body: { accepted: 3, ignored: [] } })
    expect((await countsFor(notice)).map(({ audience, impressions }) => [audience, impressions])).toEqual([
      ['doctor', 3],
      ['patient', 3],
    ])
  })

  it('answers 202 with nothing to store when every event is ignored', async () => {
    const before = await storedRows(yixun)
    expect(await postEvents(yixun, patientApp, { events: repeat(3, { id: 99_999_998 }) })).toEqual({ status: 202, body: { accepted: 0, ignored: [0, 1, 2] } })
    expect(await storedRows(yixun)).toBe(before)
  })
})

describe('a bad batch', () => {
  const refused = async (events: unknown, key = patientApp) => {
    const before = await storedRows(yixun)
    const response = await postEvents(yixun, key, { events })
    expect(response.status).toBe(422)
    expect(await storedRows(yixun)).toBe(before)
    return response.body.errors as Array<{ code: string; index?: number; field: string; message: string }>
  }

  it.each([
    ['type', { type: 'view' }],
    ['collection', { collection: 'users' }],
    ['id', { id: -4 }],
    ['id', { id: 'x'.repeat(65) }],
    ['id', { id: undefined }],
    ['placement', { placement: 'sidebar' }],
    ['platform', { platform: 'windows' }],
    ['at', { at: 'yesterday' }],
    ['at', { at: '2026-11-25T16:30:00' }],
    // An hour ahead: the table is built when the file loads, minutes before the test runs on a busy machine.
    ['at', { at: new Date(Date.now() + 60 * 60_000).toISOString() }],
    ['at', { at: new Date(Date.now() - 8 * 24 * 3600_000).toISOString() }],
    ['deviceId', { deviceId: 'd'.repeat(65) }],
    ['deviceId', { deviceId: 'has space' }],
    ['deviceId', { deviceId: undefined }],
    ['audience', { audience: 'doctor' }],
  ])('is refused with 422 naming the index and the field %s, and stores nothing', async (field, overrides) => {
    const errors = await refused([feedEvent({ id: patientNotice }), feedEvent({ id: patientNotice, ...overrides })])
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_EVENT', index: 1, field, message: expect.any(String) })])
  })

  it('of 499 good events and 1 bad stores none of them', async () => {
    const events = repeat(500, { id: patientNotice })
    events[317] = feedEvent({ id: patientNotice, platform: 'symbian' })
    expect(await refused(events)).toEqual([expect.objectContaining({ index: 317, field: 'platform' })])
  })

  it('lists every wrong event, at most 50', async () => {
    const events = [feedEvent({ type: 'view', platform: 'pc' }), feedEvent(), 'not an event']
    expect((await refused(events)).map(({ index, field }) => [index, field])).toEqual([
      [0, 'type'],
      [0, 'platform'],
      [2, 'event'],
    ])
    const response = await postEvents(yixun, patientApp, { events: repeat(100, { type: 'view' }) })
    expect(response.body.errors).toHaveLength(50)
    expect(response.body.errorCount).toBe(100)
  })

  it.each([
    ['501 events', { events: repeat(501, {}) }],
    ['no events', { events: [] }],
    ['events that are not a list', { events: { 0: feedEvent() } }],
    ['a list instead of an object', [feedEvent()]],
  ])('of %s is refused with 422', async (_, body) => {
    const before = await storedRows(yixun)
    const { status, body: answer } = await postEvents(yixun, patientApp, body)
    expect(status).toBe(422)
    expect(answer.errors[0]).toMatchObject({ code: 'INVALID_BATCH', field: 'events' })
    expect(await storedRows(yixun)).toBe(before)
  })

  it('that is not JSON is refused with 400 and a message', async () => {
    const { status, body } = await postRaw(patientApp, '{"events": [ {"type": "impression",')
    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({ code: 'INVALID_JSON', message: expect.stringContaining('not valid JSON') })
  })

  it('that is too large is refused with 413 before it is parsed', async () => {
    const { status, body } = await postRaw(patientApp, JSON.stringify({ events: [feedEvent({ padding: 'x'.repeat(300 * 1024) })] }))
    expect(status).toBe(413)
    expect(body.errors[0].code).toBe('BODY_TOO_LARGE')
  })

  it('sent as something else than JSON is refused with 415', async () => {
    expect((await postRaw(patientApp, 'type=impression', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415)
  })

  it('from an app that reads both feeds must say which feed each event came from', async () => {
    const { key } = await appKey(yixun, ['patient', 'doctor'])
    expect(await refused([feedEvent({ id: bothNotice })], key)).toEqual([expect.objectContaining({ index: 0, field: 'audience' })])
    const { body } = await postEvents(yixun, key, { events: [feedEvent({ id: bothNotice, audience: 'doctor' }), feedEvent({ id: patientNotice, audience: 'doctor' })] })
    expect(body).toEqual({ accepted: 1, ignored: [1] })
  })
})

describe('rate limit', () => {
  afterEach(() => {
    delete process.env.FEED_EVENTS_RATE_LIMIT_PER_MINUTE
  })

  it('answers 429 RATE_LIMITED with Retry-After once an app key sends more batches a minute than allowed, and stores nothing of them', async () => {
    process.env.FEED_EVENTS_RATE_LIMIT_PER_MINUTE = '3'
    const app = (await appKey(yixun, ['patient'])).key
    const other = (await appKey(yixun, ['patient'])).key
    const batch = { events: [feedEvent({ id: patientNotice, placement: 'banner' })] }
    for (let i = 0; i < 3; i++) expect((await postEvents(yixun, app, batch)).status).toBe(202)
    const before = await storedRows(yixun)
    const response = await yixun.rest.post('feed/events', { headers: { Authorization: `Bearer ${app}` }, body: batch })
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect((await response.json()).errors[0].code).toBe('RATE_LIMITED')
    expect(await storedRows(yixun)).toBe(before)
    // Another app's key has its own allowance.
    expect((await postEvents(yixun, other, batch)).status).toBe(202)
  })
})

describe('app keys', () => {
  const batch = () => ({ events: [feedEvent({ id: patientNotice })] })

  it('are required: none or an unknown one → 401', async () => {
    expect(await postEvents(yixun, null, batch())).toMatchObject({ status: 401, body: { errors: [{ code: 'APP_KEY_MISSING' }] } })
    expect(await postEvents(yixun, `yxk_${'A'.repeat(43)}`, batch())).toMatchObject({ status: 401, body: { errors: [{ code: 'APP_KEY_INVALID' }] } })
    const token = await yixun.tokenFor('admin')
    const asStaff = await yixun.rest.post('feed/events', { token, body: batch() })
    expect(asStaff.status).toBe(401)
  })

  it('stop working once revoked → 401, nothing stored', async () => {
    const app = await appKey(yixun, ['patient'])
    expect((await postEvents(yixun, app.key, batch())).status).toBe(202)
    await yixun.payload.update({ collection: 'app-clients', id: app.id, data: { active: false } })
    const before = await storedRows(yixun)
    expect(await postEvents(yixun, app.key, batch())).toMatchObject({ status: 401, body: { errors: [{ code: 'APP_KEY_REVOKED' }] } })
    expect(await storedRows(yixun)).toBe(before)
  })
})
