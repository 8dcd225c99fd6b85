import { pino } from 'pino'
import { describe, expect, it } from 'vitest'

import { mailTransport } from '@/mail/transport'

describe('mailTransport without SMTP_URL', () => {
  it('writes the mail to the log instead of sending it', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })

    const info = await mailTransport('', logger).sendMail({
      from: 'yixun@hospital.local',
      to: 'editor@yixun.local',
      subject: '【医讯】已批准：停诊通知',
      text: '查看 / Open: http://localhost:3000/admin/collections/notices/1',
    })

    expect(info.messageId).toContain('@')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toMatchObject({
      to: 'editor@yixun.local',
      subject: '【医讯】已批准：停诊通知',
      text: expect.stringContaining('/admin/collections/notices/1'),
      msg: expect.stringContaining('no SMTP_URL'),
    })
  })
})
