import { describe, expect, it } from 'vitest'

import { sessionCookieSecure } from '@/auth/sessionCookie'

describe('the session cookie’s Secure flag', () => {
  it('is on behind HTTPS and in production, off only for plain-HTTP development or an explicit http:// server', () => {
    expect(sessionCookieSecure({ NODE_ENV: 'production', SERVER_URL: 'https://yixun.hospital.cn' })).toBe(true)
    expect(sessionCookieSecure({ NODE_ENV: 'production' })).toBe(true)
    expect(sessionCookieSecure({ NODE_ENV: 'development', SERVER_URL: 'https://yixun.hospital.cn' })).toBe(true)
    expect(sessionCookieSecure({ NODE_ENV: 'production', SERVER_URL: 'http://127.0.0.1:3000' })).toBe(false)
    expect(sessionCookieSecure({ NODE_ENV: 'development' })).toBe(false)
  })
})
