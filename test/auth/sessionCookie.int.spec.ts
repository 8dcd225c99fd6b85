import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { demoEmail } from '@/seed/users'

import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  // A production deployment behind a TLS-terminating proxy; read when the config loads.
  vi.stubEnv('SERVER_URL', 'https://yixun.hospital.example')
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  vi.unstubAllEnvs()
})

describe('the session cookie', () => {
  it('is Secure, HttpOnly and SameSite=Lax when signing in', async () => {
    const response = await yixun.rest.post('users/login', { body: { email: demoEmail('viewer'), password: TEST_PASSWORD } })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    const attributes = cookie.split(';').map((part) => part.trim().split('=')[0].toLowerCase())
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite']))
    expect(cookie).toMatch(/SameSite=Lax/)
  })
})
