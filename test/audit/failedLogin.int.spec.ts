import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditEntries } from '../helpers/audit'
import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let accountId: number | string

const EMAIL = 'night-shift@yixun.local'
const FROM_OUTSIDE = { 'x-yixun-client-ip': '198.51.100.7', 'user-agent': 'curl/8.5.0' }

beforeAll(async () => {
  yixun = await startYixun()
  accountId = (await yixun.payload.create({ collection: 'users', data: { email: EMAIL, password: TEST_PASSWORD, name: '夜班编辑', roles: ['editor'] } })).id
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const failedLogins = () => auditEntries(yixun, { action: { equals: 'login_failed' } })

const login = (email: string, password: string, headers: Record<string, string> = FROM_OUTSIDE) =>
  yixun.rest.post('users/login', { body: { email, password }, headers })

describe('failed sign-ins', () => {
  it('records a wrong password with the email and address, naming the account but not as actor', async () => {
    const response = await login(EMAIL.toUpperCase(), 'guessed-password')
    expect(response.status).toBe(401)

    // Read outside any request: the entry must have been committed although the request failed.
    const [entry] = await failedLogins()
    expect(entry).toMatchObject({
      collectionSlug: 'users',
      documentId: String(accountId),
      documentTitle: '夜班编辑',
      ip: '198.51.100.7',
      userAgent: 'curl/8.5.0',
      details: { email: EMAIL, reason: 'wrong_password' },
    })
    expect(entry.actor ?? null).toBeNull()
    expect(entry.actorEmail ?? null).toBeNull()
    expect(JSON.stringify(entry)).not.toContain('guessed-password')
  })

  it('records a failure of the admin’s login form, which posts multipart form data', async () => {
    const { default: config } = await import('@payload-config')
    const form = new FormData()
    form.set('_payload', JSON.stringify({ email: EMAIL, password: 'typed-wrong-in-admin' }))
    const request = new Request('http://localhost:3000/api/users/login', { method: 'POST', body: form, headers: FROM_OUTSIDE })
    const response = await REST_POST(config)(request, { params: Promise.resolve({ slug: ['users', 'login'] }) })
    expect(response.status).toBe(401)
    const [entry] = await failedLogins()
    expect(entry).toMatchObject({ documentId: String(accountId), ip: '198.51.100.7', details: { email: EMAIL, reason: 'wrong_password' } })
    expect(JSON.stringify(entry)).not.toContain('typed-wrong-in-admin')
  })

  it('records an unknown email', async () => {
    expect((await login('nobody@yixun.local', 'whatever-1')).status).toBe(401)
    const [entry] = await failedLogins()
    expect(entry).toMatchObject({ details: { email: 'nobody@yixun.local', reason: 'unknown_account' } })
    expect(entry.documentId ?? null).toBeNull()
  })

  it('records a sign-in without a password', async () => {
    expect((await login(EMAIL, '')).status).toBe(400)
    const [entry] = await failedLogins()
    expect(entry).toMatchObject({ documentId: String(accountId), details: { email: EMAIL, reason: 'incomplete' } })
  })

  it('records every attempt on a locked account, the right password included', async () => {
    const before = (await failedLogins()).length
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(EMAIL, 'wrong-password')).status).toBe(401)
    expect((await login(EMAIL, TEST_PASSWORD)).status).toBe(401)

    const entries = await failedLogins()
    expect(entries).toHaveLength(before + 6)
    expect(entries[0]).toMatchObject({ documentId: String(accountId), details: { email: EMAIL, reason: 'locked' } })
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD)
    await yixun.payload.delete({ collection: 'login-failures', where: { email: { equals: EMAIL } } })
  })

  it('writes nothing for a successful sign-in or for errors on other routes', async () => {
    const before = (await failedLogins()).length
    expect((await login(EMAIL, TEST_PASSWORD)).status).toBe(200)
    expect((await yixun.rest.post('users/forgot-password', { body: {} })).status).toBeGreaterThanOrEqual(400)
    expect((await yixun.rest.get('users/me')).status).toBe(200)
    expect(await failedLogins()).toHaveLength(before)
  })
})
