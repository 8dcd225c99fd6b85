import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { eventData, hoursFromNow, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { MAX_SESSIONS } from '../../collections/FreeClinicEvents'
import { handleVideoOutputRequest } from '@/media/videoOutputs'

let yixun: TestYixun
let notice: Record<string, unknown>
let event: Record<string, unknown>

beforeAll(async () => {
  yixun = await startYixun()
  notice = await noticeData(yixun)
  event = await eventData(yixun)
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

type Case = { name: string; method: string; path: string; body?: () => unknown; rawBody?: () => string; status: number; code: string }

const COLLECTIONS = ['notices', 'free-clinic-events', 'promo-videos', 'brochures', 'media', 'video-transcodes', 'users', 'departments', 'app-clients', 'webhook-deliveries', 'feed-event-counts', 'audit-log']
const sessions = (count: number) => Array.from({ length: count }, (_, i) => ({ startsAt: hoursFromNow(48 + i), endsAt: hoursFromNow(48.5 + i), quota: 10 }))
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)

const CASES: Case[] = [
  // Malformed ids: on SQL engines ids are whole numbers; Payload's REST turned "abc" into NaN (500).
  ...COLLECTIONS.flatMap((c): Case[] => [
    { name: `GET ${c}/abc`, method: 'GET', path: `${c}/abc`, status: 404, code: 'NOT_FOUND' },
    { name: `DELETE ${c}/abc`, method: 'DELETE', path: `${c}/abc`, status: 404, code: 'NOT_FOUND' },
    { name: `GET ${c}/1e3`, method: 'GET', path: `${c}/1e3`, status: 404, code: 'NOT_FOUND' },
    // An invalid date in a where clause reached SQLite as `undefined` (500).
    { name: `${c} where createdAt > "notadate"`, method: 'GET', path: `${c}?where[createdAt][greater_than]=notadate`, status: 400, code: 'INVALID_QUERY' },
    { name: `${c} where that is not JSON`, method: 'GET', path: `${c}?where=abc`, status: 400, code: 'INVALID_JSON' },
    { name: `${c} where on an unknown field`, method: 'GET', path: `${c}?where[nosuchfield][equals]=1`, status: 400, code: 'INVALID_QUERY' },
  ]),
  { name: 'where with a 5,000-character value', method: 'GET', path: `notices?where[title][like]=${'x'.repeat(5000)}`, status: 400, code: 'INVALID_QUERY' },
  { name: 'where with an invalid date in an or clause', method: 'GET', path: 'notices?where[or][0][publishAt][less_than]=yesterday', status: 400, code: 'INVALID_QUERY' },
  { name: 'where with an invalid date inside an array', method: 'GET', path: 'free-clinic-events?where[sessions.startsAt][greater_than]=soon', status: 400, code: 'INVALID_QUERY' },
  { name: 'PATCH notices/abc', method: 'PATCH', path: 'notices/abc', body: () => ({ title: 'x' }), status: 404, code: 'NOT_FOUND' },
  // Payload's verify endpoint queried a column that does not exist (e-mail verification is off).
  { name: 'POST users/verify/abc', method: 'POST', path: 'users/verify/abc', status: 404, code: 'NOT_FOUND' },
  { name: 'redeliver of a malformed id', method: 'POST', path: 'webhook-deliveries/abc/redeliver', status: 404, code: 'NOT_FOUND' },
  { name: 'rotate-key of a malformed id', method: 'POST', path: 'app-clients/abc/rotate-key', status: 404, code: 'NOT_FOUND' },
  { name: 'workflow of a malformed id', method: 'POST', path: 'notices/abc/workflow', body: () => ({ action: 'submit' }), status: 404, code: 'NOT_FOUND' },
  { name: 'workflow with an action of the wrong type', method: 'POST', path: 'notices/1/workflow', body: () => ({ action: { x: 1 } }), status: 422, code: 'INVALID_ACTION' },
  { name: 'preview of a malformed id', method: 'GET', path: 'notices/abc/preview', status: 404, code: 'NOT_FOUND' },
  { name: 'transcode retry of a malformed id', method: 'POST', path: 'promo-videos/abc/transcode/retry', status: 404, code: 'NOT_FOUND' },
  { name: 'dashboard mail retry of a malformed id', method: 'POST', path: 'dashboard/mail/abc/retry', status: 404, code: 'NOT_FOUND' },
  { name: 'calendar with words for dates', method: 'GET', path: 'calendar?from=abc&to=def', status: 400, code: 'INVALID_DATE' },
  { name: 'stats with a word for a limit', method: 'GET', path: 'stats/summary?itemLimit=abc', status: 400, code: 'INVALID_LIMIT' },
  // Bodies: malformed, hostile, too big.
  { name: 'a body that is not JSON', method: 'POST', path: 'notices', rawBody: () => '{"title": ', status: 400, code: 'INVALID_JSON' },
  { name: 'a body nested 100,000 levels deep', method: 'POST', path: 'notices', rawBody: () => nested(100_000), status: 400, code: 'DATA_TOO_DEEP' },
  { name: 'a rich text nested 5,000 levels deep', method: 'POST', path: 'notices', rawBody: () => `{"title":"x","body":${nested(5000)}}`, status: 400, code: 'DATA_TOO_DEEP' },
  { name: 'a PATCH nested 5,000 levels deep', method: 'PATCH', path: 'notices?where[id][equals]=1', rawBody: () => `{"summary":${nested(5000)}}`, status: 400, code: 'DATA_TOO_DEEP' },
  { name: 'a rich text nested 40 levels deep', method: 'POST', path: 'notices', body: () => ({ ...notice, body: { root: JSON.parse(nested(40)) } }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a 1 MB title', method: 'POST', path: 'notices', body: () => ({ ...notice, title: '标'.repeat(1_000_000) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a rich text of 200,000 characters', method: 'POST', path: 'notices', body: () => ({ ...notice, body: lexical('字'.repeat(200_000)) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a link with a user name', method: 'POST', path: 'notices', body: () => ({ ...notice, link: 'https://hospital.example.cn@evil.example/' }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a link with an empty user name', method: 'POST', path: 'notices', body: () => ({ ...notice, link: 'https://@evil.example/' }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a link of 5,000 characters', method: 'POST', path: 'notices', body: () => ({ ...notice, link: `https://hospital.example.cn/${'a'.repeat(5000)}` }), status: 400, code: 'VALIDATION_FAILED' },
  { name: `an event with ${MAX_SESSIONS + 1} sessions`, method: 'POST', path: 'free-clinic-events', body: () => ({ ...event, sessions: sessions(MAX_SESSIONS + 1) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an event with 10,000 sessions', method: 'POST', path: 'free-clinic-events', body: () => ({ ...event, sessions: sessions(10_000) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an event with 51 doctors', method: 'POST', path: 'free-clinic-events', body: () => ({ ...event, doctors: Array.from({ length: 51 }, () => ({ name: '张医生' })) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an address of 1,000 characters', method: 'POST', path: 'free-clinic-events', body: () => ({ ...event, address: '楼'.repeat(1000) }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a body that is an array', method: 'POST', path: 'notices', body: () => [1, 2, 3], status: 400, code: 'VALIDATION_FAILED' },
]

function lexical(text: string) {
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } }
}

describe('bad input answers 4xx with a stable code, and the server keeps answering', () => {
  it.each(CASES)('$name → $status $code', async ({ method, path, body, rawBody, status, code }) => {
    const response = await yixun.rest.request(method, path, { token: await yixun.tokenFor('admin'), body: body?.(), rawBody: rawBody?.() })
    const answer = await response.json()
    expect({ status: response.status, code: answer.errors?.[0]?.code }).toEqual({ status, code })
    expect(answer.errors[0].message).toEqual(expect.any(String))
    const health = await yixun.rest.get('notices?limit=1', { token: await yixun.tokenFor('admin') })
    expect(health.status).toBe(200)
  })

  it('refuses a file URL with a malformed percent or UTF-8 sequence with 400 INVALID_PATH', async () => {
    for (const path of ['/api/promo-videos/outputs/%C0%AE/hls/master.m3u8', '/api/promo-videos/outputs/1/hls/%E0%A4%A.ts', '/api/promo-videos/outputs/%ZZ/poster.jpg']) {
      const response = await handleVideoOutputRequest(yixun.payload, { method: 'GET', path, headers: new Headers({ 'Accept-Language': 'en' }) })
      expect(response?.status).toBe(400)
      expect((await response!.json()).errors[0].code).toBe('INVALID_PATH')
    }
  })

  it('answers Payload\'s own 4xx errors with a code too, in the caller\'s language', async () => {
    const response = await yixun.rest.post('notices', { token: await yixun.tokenFor('admin'), body: { ...notice, title: 'x'.repeat(81) }, headers: { 'Accept-Language': 'zh' } })
    const answer = await response.json()
    expect(response.status).toBe(400)
    expect(answer.errors[0]).toMatchObject({ code: 'VALIDATION_FAILED', name: 'ValidationError' })
    expect(JSON.stringify(answer)).toMatch(/[\u4e00-\u9fff]/)
  })
})
