import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createAs, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

/**
 * A page of another site must not be able to act with a signed-in staff member's session cookie:
 * Payload ignores the cookie of a request from an origin other than SERVER_URL's (its `csrf`
 * list), and Yixun's own endpoints take JSON bodies only (an HTML form cannot send JSON).
 */
const ADMIN_ORIGIN = 'https://yixun.hospital.example'
const FOREIGN_ORIGIN = 'https://evil.example'

let yixun: TestYixun

beforeAll(async () => {
  vi.stubEnv('SERVER_URL', `${ADMIN_ORIGIN}/`)
  yixun = await startYixun()
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await yixun?.payload.destroy()
})

const cookieOf = async (role: 'editor' | 'admin') => `payload-token=${await yixun.tokenFor(role)}`

const titleOf = async (id: number | string) =>
  (await yixun.payload.findByID({ collection: 'notices', id, draft: true, depth: 0 })).title

describe('a cookie-authenticated request', () => {
  it('from another site’s page is refused and changes nothing; from the admin’s own origin it goes through', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const cookie = await cookieOf('editor')

    const forged = await yixun.rest.patch(`notices/${notice.id}`, { body: { title: '被篡改的标题' }, headers: { Cookie: cookie, Origin: FOREIGN_ORIGIN } })
    expect(forged.status).toBe(401)
    expect((await forged.json()).errors[0].code).toBe('UNAUTHENTICATED')
    expect(await titleOf(notice.id)).toBe(notice.title)

    // No Origin, but the browser says the request comes from another site.
    const noOrigin = await yixun.rest.patch(`notices/${notice.id}`, { body: { title: '被篡改的标题' }, headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } })
    expect(noOrigin.status).toBe(401)
    expect(await titleOf(notice.id)).toBe(notice.title)

    const own = await yixun.rest.patch(`notices/${notice.id}`, { body: { title: '心血管内科线上复诊（更新）' }, headers: { Cookie: cookie, Origin: ADMIN_ORIGIN } })
    expect(own.status).toBe(200)
    expect(await titleOf(notice.id)).toBe('心血管内科线上复诊（更新）')
  })

  it('cannot drive the workflow from another site', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const forged = await yixun.rest.post(`notices/${notice.id}/workflow`, { body: { action: 'submit' }, headers: { Cookie: await cookieOf('editor'), Origin: FOREIGN_ORIGIN } })
    expect(forged.status).toBe(401)
    const state = await yixun.rest.get(`notices/${notice.id}/workflow`, { token: await yixun.tokenFor('editor') })
    expect((await state.json()).state).toBe('draft')
  })

  it('with a JWT or Bearer header instead of a cookie is unaffected by its Origin', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const token = await yixun.tokenFor('editor')
    const jwt = await yixun.rest.patch(`notices/${notice.id}`, { token, body: { title: '经 JWT 修改' }, headers: { Origin: FOREIGN_ORIGIN } })
    expect(jwt.status).toBe(200)
    const bearer = await yixun.rest.patch(`notices/${notice.id}`, { body: { title: '经 Bearer 修改' }, headers: { Authorization: `Bearer ${token}`, Origin: FOREIGN_ORIGIN } })
    expect(bearer.status).toBe(200)
    expect(await titleOf(notice.id)).toBe('经 Bearer 修改')
  })
})

describe('Yixun’s own endpoints', () => {
  it('refuse a JSON body sent as text/plain (what a form of another site can send) with 415, and act on nothing', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const token = await yixun.tokenFor('editor')
    const plain = await yixun.rest.post(`notices/${notice.id}/workflow`, { token, body: { action: 'submit' }, headers: { 'Content-Type': 'text/plain' } })
    expect(plain.status).toBe(415)
    expect((await plain.json()).errors[0]).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' })
    expect((await (await yixun.rest.get(`notices/${notice.id}/workflow`, { token })).json()).state).toBe('draft')

    const json = await yixun.rest.post(`notices/${notice.id}/workflow`, { token, body: { action: 'submit' } })
    expect(json.status).toBe(200)
    expect((await json.json()).state).toBe('in_review')
  })

  it('refuse form-encoded and multipart bodies, in Chinese by default', async () => {
    const admin = await yixun.tokenFor('admin')
    const { doc } = await (await yixun.rest.post('app-clients', { token: admin, body: { name: '自助机', feeds: ['patient'] } })).json()
    const hash = async () => (await yixun.payload.findByID({ collection: 'app-clients', id: doc.id, showHiddenFields: true })).apiKeyHash

    const before = await hash()
    const form = await yixun.rest.request('POST', `app-clients/${doc.id}/rotate-key`, { token: admin, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'zh' } })
    expect(form.status).toBe(415)
    expect((await form.json()).errors[0]).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 application/json 格式发送请求体。' })
    const multipart = await yixun.rest.request('POST', `app-clients/${doc.id}/rotate-key`, { token: admin, headers: { 'Content-Type': 'multipart/form-data; boundary=x' } })
    expect(multipart.status).toBe(415)
    expect(await hash()).toBe(before)

    // Without a body (what the admin's buttons send) the endpoint works as before.
    expect((await yixun.rest.post(`app-clients/${doc.id}/rotate-key`, { token: admin })).status).toBe(200)
    expect(await hash()).not.toBe(before)
  })
})
