import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FeedService, type FeedResponse } from '@/feed/feedService'
import { openApiDocument } from '@/feed/openapi'

import { createApps } from '../helpers/apps'
import { act, createAs, departmentId, eventData, hoursFromNow, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let feed: FeedService
let keys: Awaited<ReturnType<typeof createApps>>

async function publish(collection: 'notices' | 'free-clinic-events', data: Record<string, unknown>) {
  const doc = await createAs(yixun, collection === 'notices' ? 'publicity' : 'editor', collection, data)
  await act(yixun, collection === 'notices' ? 'publicity' : 'editor', collection, doc.id, 'submit')
  const { body } = await act(yixun, 'reviewer', collection, doc.id, 'approve')
  expect(body.state).toBe('published')
  return doc
}

const get = (path: string, key?: string, headers: Record<string, string> = {}) => {
  const url = new URL(path, 'http://localhost')
  return feed.handle({ method: 'GET', path: url.pathname, query: url.searchParams, headers: { authorization: key ? `Bearer ${key}` : undefined, ...headers } })
}
const json = (response: FeedResponse) => JSON.parse(response.body.toString('utf8'))

beforeAll(async () => {
  yixun = await startYixun()
  keys = await createApps(yixun)
  await publish('notices', await noticeData(yixun, { title: '普通列表公告', placement: 'list', priority: 40, departments: [] }))
  await publish('notices', await noticeData(yixun, { title: '置顶列表公告', placement: 'list', priority: 10, pinned: true, departments: [] }))
  await publish('notices', await noticeData(yixun, { title: '高优先级列表公告', placement: 'list', priority: 90, departments: [] }))
  await publish('notices', await noticeData(yixun, { title: '安卓新功能', placement: 'banner', kind: 'feature_launch', platforms: ['android'], minAppVersion: '5.2', departments: [await departmentId(yixun, 'CARD')] }))
  await publish('notices', await noticeData(yixun, { title: '医生端通知', audience: 'doctor', placement: 'ticker', departments: [] }))
  await publish('notices', await noticeData(yixun, { title: '两端都看的通知', audience: 'both', placement: 'popup', popupFrequency: 'daily', departments: [] }))
  await publish('free-clinic-events', await eventData(yixun, { announceOnHomepage: false }))
  feed = new FeedService(yixun.payload, { pollMs: 100, requestsPerMinute: 1000 })
  await feed.start()
})

afterAll(async () => {
  feed?.stop()
  await yixun.payload.destroy().catch(() => {})
})

describe('GET /api/feed/{patient|doctor}', () => {
  it('answers the patient app with its live notices grouped by placement, pinned → priority → start', async () => {
    const response = await get('/api/feed/patient', keys.patient.key)
    expect(response.status).toBe(200)
    const body = json(response)
    expect(body.notices.list.map((n: { title: string }) => n.title)).toEqual(['置顶列表公告', '高优先级列表公告', '普通列表公告'])
    expect(body.notices.popup.map((n: { title: string }) => n.title)).toEqual(['两端都看的通知'])
    expect(body.notices.ticker).toEqual([])
    expect(body.events.map((e: { title: string }) => e.title)).toEqual(['心血管内科周六义诊'])
    expect(body.events[0].sessions).toHaveLength(2)
    const item = body.notices.list[0]
    expect(item).toMatchObject({ collection: 'notices', version: expect.any(String), displayWindow: { start: null, end: null } })
  })

  it('keeps the doctor feed apart: doctor-only content there, none of the patient-only', async () => {
    const body = json(await get('/api/feed/doctor', keys.doctor.key))
    const titles = Object.values(body.notices).flat().map((n) => (n as { title: string }).title)
    expect(titles.sort()).toEqual(['两端都看的通知', '医生端通知'])
    expect(body.events).toEqual([])
  })

  it('refuses a missing, wrong or other-audience key', async () => {
    expect((await get('/api/feed/patient')).status).toBe(401)
    expect((await get('/api/feed/patient', 'yxk_wrongwrongwrongwrongwrongwrongwrongwrong123')).status).toBe(401)
    const other = await get('/api/feed/patient', keys.doctor.key)
    expect(other.status).toBe(403)
    expect(json(other).errors[0].code).toBe('FEED_FORBIDDEN')
  })

  it('answers 304 to a matching If-None-Match, and a new ETag after a change', async () => {
    const first = await get('/api/feed/patient', keys.patient.key)
    const etag = first.headers.ETag
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect(first.headers['Cache-Control']).toContain('no-cache')
    const again = await get('/api/feed/patient', keys.patient.key, { ifNoneMatch: etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)

    await publish('notices', await noticeData(yixun, { title: '刚发布的公告', placement: 'ticker', departments: [] }))
    await feed.refresh()
    const changed = await get('/api/feed/patient', keys.patient.key, { ifNoneMatch: etag })
    expect(changed.status).toBe(200)
    expect(json(changed).notices.ticker.map((n: { title: string }) => n.title)).toContain('刚发布的公告')
  })

  it('shows a publication within a second, without being asked to refresh', async () => {
    await publish('notices', await noticeData(yixun, { title: '一秒内可见', placement: 'banner', departments: [] }))
    const started = Date.now()
    let seen = false
    while (!seen && Date.now() - started < 1000) {
      seen = JSON.stringify(json(await get('/api/feed/patient', keys.patient.key))).includes('一秒内可见')
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(seen).toBe(true)
  })

  it('drops an item when its display window closes, with no write to trigger it', async () => {
    await publish('notices', await noticeData(yixun, { title: '很快结束', placement: 'banner', departments: [], expireAt: new Date(Date.now() + 1500).toISOString() }))
    await feed.refresh()
    expect(JSON.stringify(json(await get('/api/feed/patient', keys.patient.key)))).toContain('很快结束')
    await new Promise((resolve) => setTimeout(resolve, 1700))
    expect(JSON.stringify(json(await get('/api/feed/patient', keys.patient.key)))).not.toContain('很快结束')
  })

  it('filters by placement, department, platform and app version, and refuses a bad filter', async () => {
    const banner = json(await get('/api/feed/patient?placement=banner', keys.patient.key))
    expect(banner.notices.list).toEqual([])
    expect(banner.notices.banner.map((n: { title: string }) => n.title)).toContain('安卓新功能')

    const ios = json(await get('/api/feed/patient?platform=ios', keys.patient.key))
    expect(JSON.stringify(ios)).not.toContain('安卓新功能')
    const oldAndroid = json(await get('/api/feed/patient?platform=android&appVersion=5.1.9', keys.patient.key))
    expect(JSON.stringify(oldAndroid)).not.toContain('安卓新功能')
    const newAndroid = json(await get('/api/feed/patient?platform=android&appVersion=5.10', keys.patient.key))
    expect(JSON.stringify(newAndroid)).toContain('安卓新功能')

    const ophthalmology = json(await get('/api/feed/patient?department=OPH', keys.patient.key))
    expect(JSON.stringify(ophthalmology)).not.toContain('安卓新功能')
    expect(ophthalmology.notices.list.length).toBe(3) // hospital-wide notices stay
    expect(ophthalmology.events).toEqual([])

    const bad = await get('/api/feed/patient?placement=sidebar', keys.patient.key)
    expect(bad.status).toBe(400)
    expect(json(bad).errors[0]).toMatchObject({ code: 'INVALID_FILTER', message: expect.stringMatching(/placement must be one of/) })
  })

  it('stops answering a revoked key', async () => {
    const kiosk = (await yixun.payload.create({ collection: 'app-clients', data: { name: '自助机', feeds: ['patient'], active: true } })) as unknown as { id: number; apiKey: string }
    await feed.refresh()
    expect((await get('/api/feed/patient', kiosk.apiKey)).status).toBe(200)
    await yixun.payload.update({ collection: 'app-clients', id: kiosk.id, data: { active: false } })
    await feed.refresh()
    const refused = await get('/api/feed/patient', kiosk.apiKey)
    expect(refused.status).toBe(401)
    expect(json(refused).errors[0].code).toBe('APP_KEY_REVOKED')
  })

  it('answers 429 with Retry-After past the per-key limit', async () => {
    const limited = new FeedService(yixun.payload, { requestsPerMinute: 3 })
    await limited.start()
    try {
      const call = () => limited.handle({ method: 'GET', path: '/api/feed/patient', query: new URLSearchParams(), headers: { authorization: `Bearer ${keys.patient.key}` } })
      for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200)
      const refused = await call()
      expect(refused.status).toBe(429)
      expect(Number(refused.headers['Retry-After'])).toBeGreaterThan(0)
      // The limit is per app key: another app is still answered.
      const other = await limited.handle({ method: 'GET', path: '/api/feed/doctor', query: new URLSearchParams(), headers: { authorization: `Bearer ${keys.doctor.key}` } })
      expect(other.status).toBe(200)
    } finally {
      limited.stop()
    }
  })

  it('serves gzip to clients that accept it', async () => {
    const response = await get('/api/feed/patient', keys.patient.key, { acceptEncoding: 'gzip, br' })
    expect(response.headers['Content-Encoding']).toBe('gzip')
    const { gunzipSync } = await import('node:zlib')
    expect(JSON.parse(gunzipSync(response.body).toString()).audience).toBe('patient')
  })
})

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, served beside the feed', async () => {
    const validator = new Validator()
    const result = await validator.validate(openApiDocument() as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    const served = await feed.handle({ method: 'GET', path: '/api/feed/openapi.json', query: new URLSearchParams(), headers: {} })
    expect(JSON.parse(served.body.toString()).openapi).toBe('3.1.0')
  })

  it('describes real answers: both feeds validate against its Feed schema', async () => {
    const document = openApiDocument()
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema({ ...document.components, $id: 'yixun' } as never, 'yixun')
    for (const schemaName of Object.keys(document.components.schemas)) ajv.addSchema((document.components.schemas as Record<string, object>)[schemaName], `#/components/schemas/${schemaName}`)
    const validate = ajv.compile({ $ref: '#/components/schemas/Feed' })
    for (const [audience, key] of [['patient', keys.patient.key], ['doctor', keys.doctor.key]] as const) {
      const body = json(await get(`/api/feed/${audience}`, key))
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    }
    expect(validate({ audience: 'patient', notices: { banner: [{ id: 1 }] }, events: [], videos: [], brochures: [] })).toBe(false)
    const error = json(await get('/api/feed/patient'))
    expect(ajv.compile({ $ref: '#/components/schemas/Errors' })(error)).toBe(true)
  })
})

describe('feed scheduling boundaries', () => {
  it('leaves an approved item with a future window out of the feed', async () => {
    const doc = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { title: '明天才开始', publishAt: hoursFromNow(24), departments: [] }))
    await act(yixun, 'publicity', 'notices', doc.id, 'submit')
    await act(yixun, 'reviewer', 'notices', doc.id, 'approve')
    await feed.refresh()
    expect(JSON.stringify(json(await get('/api/feed/patient', keys.patient.key)))).not.toContain('明天才开始')
  })
})
