import { describe, expect, it } from 'vitest'

import { mailFailureReason } from '@/dashboard/problems'
import { shanghaiDaySpan } from '@/content/shanghaiTime'

describe('the Beijing day', () => {
  it('starts at midnight Beijing time, which is 16:00 UTC the evening before', () => {
    expect(shanghaiDaySpan(new Date('2026-11-25T17:30:00Z'))).toEqual({ start: new Date('2026-11-25T16:00:00Z'), end: new Date('2026-11-26T16:00:00Z') })
  })

  it('still counts 23:59 Beijing time as today, and midnight as tomorrow', () => {
    expect(shanghaiDaySpan(new Date('2026-11-26T15:59:59.999Z')).start).toEqual(new Date('2026-11-25T16:00:00Z'))
    expect(shanghaiDaySpan(new Date('2026-11-26T16:00:00Z')).start).toEqual(new Date('2026-11-26T16:00:00Z'))
  })
})

describe('why a mail could not be sent', () => {
  it('names an unreachable mail server', () => {
    expect(mailFailureReason('connect ECONNREFUSED 127.0.0.1:2525').zh).toContain('连接不上邮件服务器')
    expect(mailFailureReason('Greeting never received').en).toContain('could not be reached')
  })

  it('names a refused login and a refused recipient', () => {
    expect(mailFailureReason('Invalid login: 535 5.7.8 Authentication failed').en).toContain('refused the login')
    expect(mailFailureReason("Can't send mail - all recipients were rejected: 550 5.1.1 No such user").en).toContain('refused the recipient')
  })

  it('says the mail was not sent when the cause is unknown', () => {
    expect(mailFailureReason(undefined).en).toBe('The mail could not be sent; gave up after 5 retries.')
  })
})
