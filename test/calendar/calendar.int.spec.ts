import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Role } from '@/auth/roles'
import { calendarEntries, OVERDUE_AFTER_MS } from '@/calendar/calendarEntries'
import type { CalendarEntry } from '@/calendar/types'
import { runMediaQueue } from '@/media/mediaWorker'
import type { PublishableCollection } from '@/workflow/states'

import { localRequest } from '../helpers/audit'
import { act, createAs, departmentId, eventData, noticeData } from '../helpers/content'
import { uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { makeClip, scratchDir } from '../media/fixtures'
import { plainPdf, save } from '../media/pdfFixtures'

type Id = number | string

let yixun: TestYixun
let mediaDir: string
let clips: Awaited<ReturnType<typeof scratchDir>>

// Every date lies in next year, so approval schedules rather than publishes. Only the first
// describe block moves the clock, and only into January, before every other test's dates.
const YEAR = new Date().getUTCFullYear() + 1
const day = (monthDay: string) => `${YEAR}-${monthDay}`
/** An instant written in Beijing time, e.g. beijing('03-01', '23:30'). */
const beijing = (monthDay: string, time: string) => new Date(`${day(monthDay)}T${time}:00+08:00`).toISOString()

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('calendar')
  yixun = await startYixun()
  clips = await scratchDir('calendar-clips')
})

afterEach(() => {
  vi.useRealTimers()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await clips?.remove()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function calendar(role: Role | null, params: Record<string, string>, headers?: Record<string, string>) {
  const response = await yixun.rest.get(`calendar?${new URLSearchParams(params)}`, { token: role ? await yixun.tokenFor(role) : undefined, headers })
  return { status: response.status, body: await response.json() }
}

/** The entries of one Beijing day (or range) as the reviewer sees them. */
async function entriesOn(from: string, to = from, filters: Record<string, string> = {}, role: Role = 'reviewer'): Promise<CalendarEntry[]> {
  const { status, body } = await calendar(role, { from: day(from), to: day(to), ...filters })
  expect(status).toBe(200)
  return body.entries
}

const of = (entries: CalendarEntry[], collection: PublishableCollection, id: Id) => entries.filter((entry) => entry.collection === collection && String(entry.id) === String(id))

async function submitted(collection: PublishableCollection, id: Id) {
  expect((await act(yixun, 'editor', collection, id, 'submit')).status).toBe(200)
}

async function approved(collection: PublishableCollection, id: Id) {
  await submitted(collection, id)
  expect((await act(yixun, 'reviewer', collection, id, 'approve')).body.state).toBe('approved')
}

async function scheduledNotice(overrides: Record<string, unknown>) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await approved('notices', notice.id)
  return notice
}

/** Moves the clock (Date only) to `iso` and works the scheduler's queue there. */
async function runJobsAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) })
  await yixun.payload.jobs.run({ queue: 'default', limit: 100 })
  vi.useRealTimers()
}

describe('what the calendar shows', () => {
  it('follows a notice from scheduled to published to expired, and keeps it while a live edit is a draft', async () => {
    const notice = await scheduledNotice({ title: '一月门诊时间调整', publishAt: beijing('01-10', '10:00'), expireAt: beijing('01-12', '10:00') })
    expect(of(await entriesOn('01-10', '01-12'), 'notices', notice.id).map(({ type, state }) => [type, state])).toEqual([
      ['publish', 'approved'],
      ['expire', 'approved'],
    ])

    await runJobsAt(beijing('01-10', '10:01'))
    expect(of(await entriesOn('01-10', '01-12'), 'notices', notice.id).map(({ state }) => state)).toEqual(['published', 'published'])

    // An edit not yet submitted leaves the approved version live: the calendar keeps showing it.
    const edit = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '一月门诊时间调整（改稿）' } })
    expect(edit.status).toBe(200)
    expect(of(await entriesOn('01-10', '01-12'), 'notices', notice.id)).toMatchObject([
      { type: 'publish', state: 'published', title: '一月门诊时间调整' },
      { type: 'expire', state: 'published', title: '一月门诊时间调整' },
    ])

    await runJobsAt(beijing('01-12', '10:01'))
    expect(of(await entriesOn('01-10', '01-12'), 'notices', notice.id).map(({ type, state }) => [type, state])).toEqual([
      ['publish', 'expired'],
      ['expire', 'expired'],
    ])
  })

  it('marks a publish that did not happen a minute after its time as overdue, not as scheduled', async () => {
    const publishAt = beijing('02-01', '10:00')
    const notice = await scheduledNotice({ title: '二月门诊时间调整', publishAt, expireAt: beijing('02-01', '18:00') })
    const req = await localRequest(yixun, 'reviewer')
    const query = { from: day('02-01'), to: day('02-01'), start: new Date(beijing('02-01', '00:00')), end: new Date(beijing('02-02', '00:00')) }
    const at = (ms: number) => new Date(new Date(publishAt).getTime() + ms)
    const overdue = async (now: Date) => of(await calendarEntries(req, query, now), 'notices', notice.id).map(({ type, overdue }) => [type, overdue])

    expect(await overdue(at(-1000))).toEqual([['publish', false], ['expire', false]])
    expect(await overdue(at(OVERDUE_AFTER_MS - 1000))).toEqual([['publish', false], ['expire', false]])
    // Nobody ran the queue (every instance down, or its job lost): the publish is overdue.
    expect(await overdue(at(OVERDUE_AFTER_MS + 1000))).toEqual([['publish', true], ['expire', false]])

    await runJobsAt(at(OVERDUE_AFTER_MS + 1000).toISOString())
    expect(await overdue(at(OVERDUE_AFTER_MS + 2000))).toEqual([['publish', false], ['expire', false]])
    // Live past its end with nobody taking it down: the expiry is overdue.
    expect(await overdue(new Date(new Date(beijing('02-01', '18:00')).getTime() + OVERDUE_AFTER_MS + 1000))).toEqual([['publish', false], ['expire', true]])
  })

  it('places entries on Beijing days, not UTC days', async () => {
    // 23:30 on 1 March in Beijing is 15:30 UTC the same day; 07:30 on 2 March is still 1 March in UTC.
    const late = await scheduledNotice({ title: '三月一日深夜上线', publishAt: beijing('03-01', '23:30'), expireAt: beijing('03-02', '07:30') })
    const midnight = await scheduledNotice({ title: '三月三日零点上线', publishAt: beijing('03-03', '00:00') })

    const first = await entriesOn('03-01')
    expect(of(first, 'notices', late.id)).toMatchObject([{ type: 'publish', at: `${day('03-01')}T15:30:00.000Z` }])

    const second = await entriesOn('03-02')
    expect(of(second, 'notices', late.id)).toMatchObject([{ type: 'expire', at: `${day('03-01')}T23:30:00.000Z` }])
    expect(of(second, 'notices', midnight.id)).toEqual([])

    expect(of(await entriesOn('03-03'), 'notices', midnight.id)).toMatchObject([{ type: 'publish', at: `${day('03-02')}T16:00:00.000Z` }])
  })

  it('shows publishes and expiries of every publishable collection and the sessions of free-clinic events, sorted by time', async () => {
    const notice = await scheduledNotice({ publishAt: beijing('04-01', '08:00'), expireAt: beijing('04-20', '18:00') })

    const event = await createAs(
      yixun,
      'editor',
      'free-clinic-events',
      await eventData(yixun, {
        publishAt: beijing('04-02', '09:00'),
        sessions: [
          { startsAt: beijing('04-11', '09:00'), endsAt: beijing('04-11', '12:00'), quota: 40 },
          { startsAt: beijing('04-12', '14:00'), endsAt: beijing('04-12', '17:00'), quota: 30 },
        ],
      }),
    )
    await approved('free-clinic-events', event.id)

    const brochure = await uploadForm(
      yixun,
      'editor',
      'brochures',
      { bytes: await save(await plainPdf(1)), name: '高血压手册.pdf', type: 'application/pdf' },
      { title: '高血压患者居家管理手册', audience: 'doctor', departments: [await departmentId(yixun, 'CARD')], publishAt: beijing('04-03', '10:00'), expireAt: beijing('04-25', '10:00') },
    )
    expect(brochure.status).toBe(201)
    await approved('brochures', brochure.body.doc.id)

    const clip = await makeClip(path.join(clips.dir, 'clip.mp4'), { size: '320x240', seconds: 1 })
    const video = await uploadForm(
      yixun,
      'editor',
      'promo-videos',
      { file: clip, type: 'video/mp4' },
      { title: '冬季心血管健康科普', audience: 'both', departments: [await departmentId(yixun, 'CARD')], publishAt: beijing('04-04', '10:00'), expireAt: beijing('04-26', '10:00') },
    )
    expect(video.status).toBe(201)
    await runMediaQueue(yixun.payload)
    await approved('promo-videos', video.body.doc.id)

    const entries = await entriesOn('04-01', '04-30')
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort())
    expect(of(entries, 'notices', notice.id).map((entry) => entry.type)).toEqual(['publish', 'expire'])
    expect(of(entries, 'free-clinic-events', event.id)).toMatchObject([
      { type: 'publish', at: beijing('04-02', '09:00'), audience: 'patient', state: 'approved', href: `/admin/collections/free-clinic-events/${event.id}` },
      { type: 'session', at: beijing('04-11', '09:00'), end: beijing('04-11', '12:00'), quota: 40 },
      { type: 'session', at: beijing('04-12', '14:00'), end: beijing('04-12', '17:00'), quota: 30 },
      // Without an end of its own, an event leaves the apps when its last session ends.
      { type: 'expire', at: beijing('04-12', '17:00') },
    ])
    expect(of(entries, 'brochures', brochure.body.doc.id)).toMatchObject([
      { type: 'publish', audience: 'doctor', href: `/admin/collections/brochures/${brochure.body.doc.id}` },
      { type: 'expire', at: beijing('04-25', '10:00') },
    ])
    expect(of(entries, 'promo-videos', video.body.doc.id)).toMatchObject([
      { type: 'publish', audience: 'both', href: `/admin/collections/promo-videos/${video.body.doc.id}` },
      { type: 'expire', at: beijing('04-26', '10:00') },
    ])
    // The event's homepage notice follows the event onto the calendar.
    const announcement = entries.find((entry) => entry.collection === 'notices' && entry.title.includes(event.title))
    expect(announcement).toMatchObject({ type: 'publish', at: beijing('04-02', '09:00'), kind: 'activity' })
  })

  it('shows an item in review as tentative, and nothing of drafts, rejected or withdrawn items', async () => {
    const window = { publishAt: beijing('05-06', '09:00'), expireAt: beijing('05-07', '09:00') }
    const inReview = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '待审核公告', ...window }))
    await submitted('notices', inReview.id)
    const draft = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '草稿公告', ...window }))
    const rejected = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '被驳回公告', ...window }))
    await submitted('notices', rejected.id)
    expect((await act(yixun, 'reviewer', 'notices', rejected.id, 'reject', '请补充停诊日期')).status).toBe(200)
    const withdrawn = await scheduledNotice({ title: '已撤下公告', ...window })
    expect((await act(yixun, 'reviewer', 'notices', withdrawn.id, 'withdraw')).status).toBe(200)
    const scheduled = await scheduledNotice({ title: '已批准公告', ...window })

    const entries = await entriesOn('05-06', '05-07')
    expect(of(entries, 'notices', inReview.id)).toMatchObject([
      { type: 'publish', state: 'in_review', tentative: true },
      { type: 'expire', state: 'in_review', tentative: true },
    ])
    expect(of(entries, 'notices', scheduled.id).map((entry) => entry.tentative)).toEqual([false, false])
    for (const hidden of [draft, rejected, withdrawn]) expect(of(entries, 'notices', hidden.id)).toEqual([])
  })
})

describe('filters', () => {
  it('narrows by department, notice kind and collection', async () => {
    const window = { publishAt: beijing('06-10', '09:00') }
    const cardiology = await scheduledNotice({ ...window, kind: 'general', departments: [await departmentId(yixun, 'CARD')] })
    const gastro = await scheduledNotice({ ...window, kind: 'clinic_suspension', departments: [await departmentId(yixun, 'GI')] })
    const event = await createAs(
      yixun,
      'editor',
      'free-clinic-events',
      await eventData(yixun, { ...window, announceOnHomepage: false, sessions: [{ startsAt: beijing('06-10', '14:00'), endsAt: beijing('06-10', '16:00'), quota: 10 }] }),
    )
    await approved('free-clinic-events', event.id)
    // The event leaves the apps when its only session ends, the same day.
    const eventEntries = ['publish', 'session', 'expire'].map((type) => `free-clinic-events:${event.id}:${type}`)
    const ids = (entries: CalendarEntry[]) => entries.map((entry) => `${entry.collection}:${entry.id}:${entry.type}`).sort()

    const gi = String(await departmentId(yixun, 'GI'))
    expect(ids(await entriesOn('06-10', '06-10', { department: gi }))).toEqual([`notices:${gastro.id}:publish`])

    const card = String(await departmentId(yixun, 'CARD'))
    expect(ids(await entriesOn('06-10', '06-10', { department: card }))).toEqual(
      [`notices:${cardiology.id}:publish`, ...eventEntries].sort(),
    )

    // Only notices have a kind: a kind filter leaves the rest out.
    expect(ids(await entriesOn('06-10', '06-10', { kind: 'clinic_suspension' }))).toEqual([`notices:${gastro.id}:publish`])

    expect(ids(await entriesOn('06-10', '06-10', { collection: 'free-clinic-events' }))).toEqual(
      [...eventEntries].sort(),
    )
  })
})

describe('who may read it', () => {
  it('answers 401 without a signed-in user', async () => {
    const { status, body } = await calendar(null, { from: day('06-01'), to: day('06-30') })
    expect(status).toBe(401)
    expect(body.errors[0].code).toBe('UNAUTHENTICATED')
  })

  it('shows an editor limited to departments what the collections let every staff member read, other departments included', async () => {
    // Notices are readable by all staff (access.read = isStaff); department scope limits writing only.
    const respiratory = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { publishAt: beijing('07-01', '09:00'), departments: [await departmentId(yixun, 'RESP')] }))
    await act(yixun, 'publicity', 'notices', respiratory.id, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', respiratory.id, 'approve')).body.state).toBe('approved')

    const listed = await yixun.rest.get(`notices?draft=true&limit=0&where[id][equals]=${respiratory.id}`, { token: await yixun.tokenFor('editor') })
    expect((await listed.json()).docs).toHaveLength(1)

    for (const role of ['editor', 'viewer'] as Role[]) {
      expect(of(await entriesOn('07-01', '07-01', {}, role), 'notices', respiratory.id)).toMatchObject([{ type: 'publish', state: 'approved' }])
    }
  })
})

describe('bad requests', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['missing dates', {}, 'INVALID_DATE'],
    ['an impossible date', { from: '2026-02-30', to: '2026-03-01' }, 'INVALID_DATE'],
    ['a date in another format', { from: '2026/03/01', to: '2026-03-01' }, 'INVALID_DATE'],
    ['from after to', { from: '2026-03-02', to: '2026-03-01' }, 'DATE_RANGE_REVERSED'],
    ['more than 62 days', { from: '2026-03-01', to: '2026-05-02' }, 'DATE_RANGE_TOO_LONG'],
    ['an unknown collection', { from: '2026-03-01', to: '2026-03-31', collection: 'media' }, 'UNKNOWN_COLLECTION'],
    ['an unknown kind', { from: '2026-03-01', to: '2026-03-31', kind: 'promotion' }, 'UNKNOWN_KIND'],
    ['an unknown department', { from: '2026-03-01', to: '2026-03-31', department: '999999' }, 'UNKNOWN_DEPARTMENT'],
    ['a department that is no id', { from: '2026-03-01', to: '2026-03-31', department: 'not-an-id' }, 'UNKNOWN_DEPARTMENT'],
  ]

  it.each(cases)('answers 400 for %s', async (_, params, code) => {
    const { status, body } = await calendar('viewer', params)
    expect(status).toBe(400)
    expect(body.errors[0].code).toBe(code)
  })

  it('accepts exactly 62 days', async () => {
    expect((await calendar('viewer', { from: '2026-03-01', to: '2026-05-01' })).status).toBe(200)
  })

  it('explains a refusal in Chinese unless the caller asks for English', async () => {
    const params = { from: '2026-03-02', to: '2026-03-01' }
    expect((await calendar('viewer', params, { 'Accept-Language': 'zh' })).body.errors[0].message).toBe('开始日期不能晚于结束日期。')
    expect((await calendar('viewer', params)).body.errors[0].message).toBe('"from" must not be after "to".')
  })
})
