import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import { sumCountsLocally } from '@/stats/readCounts'
import { forgetClosedMonths, segments } from '@/stats/rollups'
import { addDays, shanghaiDay } from '@/content/shanghaiTime'
import { statsSummary, weekStart } from '@/stats/summary'
import { goLive } from '@/workflow/transition'

import { act, createAs, departmentId, hoursFromNow, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { appKey, liveNotice, postEvents, repeat } from './helpers'

let yixun: TestYixun
type Id = number | string
let cardio: Id
let doctorNotice: Id

const today = () => shanghaiDay(Date.now())
const yesterday = () => addDays(today(), -1)

const summary = async (query: string, role: Role | null = 'admin') => {
  const response = await yixun.rest.get(`stats/summary?${query}`, { token: role ? await yixun.tokenFor(role) : undefined })
  return { status: response.status, body: await response.json() }
}

beforeAll(async () => {
  yixun = await startYixun()
  const patientApp = (await appKey(yixun, ['patient'])).key
  const doctorApp = (await appKey(yixun, ['doctor'])).key
  cardio = await liveNotice(yixun, { title: '心内科复诊开通' })
  doctorNotice = await liveNotice(yixun, { title: '医生端排班调整', audience: 'doctor' })
  // Just after midnight in Beijing is still the previous day in UTC: it must count for today.
  const justAfterMidnight = `${today()}T00:00:30+08:00`
  const justBeforeMidnight = `${yesterday()}T23:59:30+08:00`
  const posted = await Promise.all([
    postEvents(yixun, patientApp, {
      events: [
        ...repeat(30, { id: cardio, placement: 'list', platform: 'ios', at: justAfterMidnight }),
        ...repeat(6, { id: cardio, type: 'click', placement: 'list', platform: 'ios', at: justAfterMidnight }),
        ...repeat(10, { id: cardio, placement: 'banner', platform: 'android', at: justAfterMidnight }),
        ...repeat(2, { id: cardio, type: 'click', placement: 'banner', platform: 'android', at: justAfterMidnight }),
        ...repeat(4, { id: cardio, type: 'dismiss', placement: 'banner', platform: 'android', at: justAfterMidnight }),
        ...repeat(5, { id: cardio, placement: 'list', platform: 'ios', at: justBeforeMidnight }),
        ...repeat(1, { id: cardio, type: 'click', placement: 'list', platform: 'ios', at: justBeforeMidnight }),
      ],
    }),
    postEvents(yixun, doctorApp, {
      events: [...repeat(20, { id: doctorNotice, placement: 'popup', platform: 'web', at: justAfterMidnight }), ...repeat(1, { id: doctorNotice, type: 'click', placement: 'popup', platform: 'web', at: justAfterMidnight })],
    }),
  ])
  expect(posted.map(({ status }) => status)).toEqual([202, 202])
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

describe('the statistics summary', () => {
  it('adds up exactly what the apps posted, per Beijing day, with click-through rates', async () => {
    const { status, body } = await summary(`from=${yesterday()}&to=${today()}`)
    expect(status).toBe(200)
    expect(body.range).toEqual({ from: yesterday(), to: today(), days: 2 })
    expect(body.totals).toEqual({ impressions: 65, clicks: 10, dismisses: 4, ctr: 10 / 65 })
    expect(body.daily).toEqual([
      { day: yesterday(), impressions: 5, clicks: 1, dismisses: 0, ctr: 0.2 },
      { day: today(), impressions: 60, clicks: 9, dismisses: 4, ctr: 9 / 60 },
    ])
  })

  it('splits the counts by audience, placement, platform and collection, listing known values at zero', async () => {
    const { body } = await summary(`from=${yesterday()}&to=${today()}`)
    const byKey = (entries: Array<{ key: string }>) => Object.fromEntries(entries.map(({ key, ...rest }) => [key, rest]))
    expect(byKey(body.breakdowns.audience)).toEqual({
      patient: { impressions: 45, clicks: 9, dismisses: 4, ctr: 0.2 },
      doctor: { impressions: 20, clicks: 1, dismisses: 0, ctr: 0.05 },
    })
    expect(byKey(body.breakdowns.placement)).toMatchObject({ list: { impressions: 35, clicks: 7 }, banner: { impressions: 10, clicks: 2 }, popup: { impressions: 20, clicks: 1 }, ticker: { impressions: 0, clicks: 0, ctr: 0 } })
    expect(byKey(body.breakdowns.platform)).toMatchObject({ ios: { impressions: 35 }, android: { impressions: 10 }, web: { impressions: 20 }, mini_program: { impressions: 0 } })
    expect(byKey(body.breakdowns.collection)).toMatchObject({ notices: { impressions: 65, clicks: 10 }, brochures: { impressions: 0 } })
  })

  it('lists each item with its title, most impressions first, and this week’s top items', async () => {
    const { body } = await summary(`from=${yesterday()}&to=${today()}`)
    expect(body.itemCount).toBe(2)
    expect(body.items).toEqual([
      { collection: 'notices', id: String(doctorNotice), title: '医生端排班调整', impressions: 20, clicks: 1, dismisses: 0, ctr: 0.05 },
      { collection: 'notices', id: String(cardio), title: '心内科复诊开通', impressions: 45, clicks: 9, dismisses: 4, ctr: 0.2 },
    ].sort((a, b) => b.impressions - a.impressions))
    expect(body.topThisWeek.from).toBe(weekStart(today()))
    expect(body.topThisWeek.to).toBe(today())
    // Yesterday belongs to this week unless today is a Monday.
    const cardioThisWeek = weekStart(today()) === today() ? 40 : 45
    expect(body.topThisWeek.items.map((item: { id: string; impressions: number }) => [item.id, item.impressions])).toEqual([
      [String(cardio), cardioThisWeek],
      [String(doctorNotice), 20],
    ])
  })

  it('narrows every figure to the chosen audience, placement and platform', async () => {
    const doctor = (await summary(`from=${yesterday()}&to=${today()}&audience=doctor`)).body
    expect(doctor.totals).toMatchObject({ impressions: 20, clicks: 1 })
    expect(doctor.items.map((item: { id: string }) => item.id)).toEqual([String(doctorNotice)])
    const ios = (await summary(`from=${today()}&to=${today()}&platform=ios&placement=list`)).body
    expect(ios.totals).toMatchObject({ impressions: 30, clicks: 6, dismisses: 0 })
    expect(ios.breakdowns.platform).toEqual([{ key: 'ios', impressions: 30, clicks: 6, dismisses: 0, ctr: 0.2 }])
    const videos = (await summary(`from=${yesterday()}&to=${today()}&collection=promo-videos`)).body
    expect(videos.totals).toEqual({ impressions: 0, clicks: 0, dismisses: 0, ctr: 0 })
    expect(videos.items).toEqual([])
  })

  it('keeps the Beijing day: yesterday alone holds only the event of 23:59:30', async () => {
    const { body } = await summary(`from=${yesterday()}&to=${yesterday()}`)
    expect(body.totals).toEqual({ impressions: 5, clicks: 1, dismisses: 0, ctr: 0.2 })
  })

  it('gives the same sums for a range of whole closed months (read once, then kept) as a row-by-row count', async () => {
    const now = Date.now()
    const monthAgo = (months: number) => {
      const date = new Date(`${today().slice(0, 7)}-15T00:00:00Z`)
      date.setUTCMonth(date.getUTCMonth() - months)
      return date.toISOString().slice(0, 10)
    }
    const rows = [
      { day: monthAgo(4), itemId: '9001', platform: 'ios', impressions: 100, clicks: 7 },
      { day: `${monthAgo(3).slice(0, 7)}-01`, itemId: '9001', platform: 'android', impressions: 40, clicks: 4 },
      { day: monthAgo(3), itemId: '9002', platform: 'web', impressions: 25, clicks: 0 },
      { day: monthAgo(2), itemId: '9002', platform: 'web', impressions: 3, clicks: 1 },
    ]
    for (const row of rows) {
      await yixun.payload.create({
        collection: 'feed-event-counts',
        data: { collectionSlug: 'brochures', audience: 'patient', placement: 'detail', dismisses: 0, batch: 'compacted', ...row } as never,
      })
    }
    forgetClosedMonths(yixun.payload)
    const from = addDays(monthAgo(4), -3)
    const to = today()
    const cut = segments(from, to, now)
    expect(cut.filter((segment) => segment.month).map((segment) => segment.month)).toEqual(expect.arrayContaining([monthAgo(3).slice(0, 7), monthAgo(2).slice(0, 7)]))
    expect(cut.at(-1)!.month).toBeUndefined()

    const query = { from, to, collection: 'brochures' as const }
    const [reference] = await sumCountsLocally(yixun.payload, query, [])
    for (const attempt of ['reads the months', 'uses the kept months']) {
      const result = await statsSummary(yixun.payload, query, { now })
      expect(result.totals, attempt).toMatchObject({ impressions: reference.impressions, clicks: reference.clicks })
      expect(result.totals.impressions).toBe(168)
      expect(result.items.map((item) => [item.id, item.impressions, item.title])).toEqual([
        ['9001', 140, null],
        ['9002', 28, null],
      ])
      expect(result.daily.find((day) => day.day === monthAgo(3))?.impressions).toBe(25)
      expect(result.breakdowns.platform.find((entry) => entry.key === 'android')?.clicks).toBe(4)
    }
  })
})

describe('the office figures', () => {
  it('count what went live per department, the hours to a decision and the share live on time', async () => {
    const gi = await departmentId(yixun, 'GI')
    // Planned for the future and put live by the scheduler (called here directly) before its time: on time.
    const onTime = (await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '按时上线', departments: [await departmentId(yixun, 'CARD'), gi], publishAt: hoursFromNow(2) }))).id
    await act(yixun, 'editor', 'notices', onTime, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', onTime, 'approve')).body.state).toBe('approved')
    await goLive(await createLocalReq({}, yixun.payload), 'notices', onTime)

    // Planned two hours ago and approved only now: late.
    const late = (await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '迟到上线', departments: [gi], publishAt: hoursFromNow(-2) }))).id
    await act(yixun, 'editor', 'notices', late, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', late, 'approve')).body.state).toBe('published')

    // Rejected once, then approved: two decisions. Hospital-wide (no department).
    const wholeHospital = (await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { title: '全院通知', departments: [] }))).id
    await act(yixun, 'publicity', 'notices', wholeHospital, 'submit')
    await act(yixun, 'reviewer', 'notices', wholeHospital, 'reject', '请补充日期')
    await act(yixun, 'publicity', 'notices', wholeHospital, 'submit')
    await act(yixun, 'reviewer', 'notices', wholeHospital, 'approve')

    const { body } = await summary(`from=${today()}&to=${today()}&collection=notices`)
    const office = body.office
    // The two notices of beforeAll (cardiology) went live today too.
    expect(office.publishedItems).toBe(5)
    const byCode = Object.fromEntries(office.publishedByDepartment.map((entry: { code: string | null; items: number }) => [entry.code ?? 'whole', entry.items]))
    expect(byCode).toEqual({ CARD: 3, GI: 2, whole: 1 })
    expect(office.publishedByDepartment.find((entry: { code: string | null }) => entry.code === 'GI').name).toEqual({ zh: '消化内科', en: 'Gastroenterology' })
    expect(office.publishedByDepartment.find((entry: { code: string | null }) => entry.code === null).name).toEqual({ zh: '全院', en: 'Whole hospital' })
    expect(office.onTime).toEqual({ planned: 2, onTime: 1, share: 0.5, toleranceSeconds: 60 })
    // Approvals: 2 in beforeAll, 1 + 1 + 1 here; and one rejection. Each seconds after its submission.
    expect(office.decisions).toBe(6)
    expect(office.averageDecisionHours).toBeGreaterThan(0)
    expect(office.averageDecisionHours).toBeLessThan(0.05)

    // Nothing went live yesterday.
    expect((await summary(`from=${yesterday()}&to=${yesterday()}`)).body.office).toMatchObject({ publishedItems: 0, decisions: 0, averageDecisionHours: null, onTime: { planned: 0, share: null } })
  })

  it('time each decision from the latest submission before it', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString()
    const entries = [
      { action: 'submit', documentId: '501', createdAt: at(10) },
      { action: 'approve', documentId: '501', createdAt: at(8) },
      { action: 'submit', documentId: '502', createdAt: at(9) },
      { action: 'reject', documentId: '502', createdAt: at(7) },
      { action: 'submit', documentId: '502', createdAt: at(6) },
      { action: 'approve', documentId: '502', createdAt: at(2) },
    ]
    for (const entry of entries) await yixun.payload.create({ collection: 'audit-log', data: { ...entry, collectionSlug: 'brochures' } as never })

    const from = shanghaiDay(Date.now() - 11 * 3_600_000)
    const office = (await summary(`from=${from}&to=${today()}&collection=brochures`)).body.office
    // 2 h, 2 h and 4 h.
    expect(office.decisions).toBe(3)
    expect(office.averageDecisionHours).toBeCloseTo(8 / 3, 5)
  })
})

describe('refusals', () => {
  it.each([
    ['from=2026-02-30&to=2026-03-01', 'INVALID_DATE'],
    ['from=yesterday', 'INVALID_DATE'],
    ['from=2026-03-02&to=2026-03-01', 'INVALID_RANGE'],
    ['from=2025-01-01&to=2026-03-01', 'RANGE_TOO_LONG'],
    ['platform=harmony', 'INVALID_FILTER'],
    ['collection=users', 'INVALID_FILTER'],
    ['itemLimit=0', 'INVALID_LIMIT'],
    ['itemLimit=abc', 'INVALID_LIMIT'],
  ])('answers 400 to %s with %s', async (query, code) => {
    const { status, body } = await summary(query)
    expect(status).toBe(400)
    expect(body.errors[0].code).toBe(code)
    expect(body.errors[0].message).toMatch(/[a-z]/)
  })

  it('speaks Chinese to a client that asks for no language', async () => {
    const response = await yixun.rest.get('stats/summary?from=2026-03-02&to=2026-03-01', { token: await yixun.tokenFor('admin'), headers: { 'Accept-Language': '' } })
    expect((await response.json()).errors[0].message).toBe('开始日期不能晚于结束日期。')
  })

  it('accepts a range of exactly 400 days', async () => {
    expect((await summary(`from=${addDays(today(), -399)}&to=${today()}`)).status).toBe(200)
  })
})

describe('who may read the statistics', () => {
  it.each(['admin', 'reviewer', 'viewer', 'publicity'] as Role[])('answers %s', async (role) => {
    const { status, body } = await summary(`from=${today()}&to=${today()}`, role)
    expect(status).toBe(200)
    expect(body.totals.impressions).toBe(60)
  })

  it('refuses editors (403) and anyone not signed in (401)', async () => {
    const editor = await summary(`from=${today()}&to=${today()}`, 'editor')
    expect(editor.status).toBe(403)
    expect(editor.body.errors[0].code).toBe('STATS_FORBIDDEN')
    const anonymous = await summary(`from=${today()}&to=${today()}`, null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].code).toBe('UNAUTHENTICATED')
  })

  it('checks who asks before what is asked', async () => {
    expect((await summary('from=nonsense', null)).status).toBe(401)
    expect((await summary('from=nonsense', 'editor')).status).toBe(403)
  })
})
