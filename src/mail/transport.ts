import nodemailer, { type SentMessageInfo, type Transporter } from 'nodemailer'

import { createLogger } from '@/log/logger'

/**
 * SMTP from `SMTP_URL` (e.g. smtp://user:pass@mail.hospital.local:587). Without it, mail goes to
 * the log: nodemailer's adapter would otherwise try to open an account on an outside test host.
 */
export function mailTransport(url: string | undefined = process.env.SMTP_URL): Transporter {
  if (url) return nodemailer.createTransport(url)
  const logger = createLogger('mail')
  return nodemailer.createTransport({
    name: 'yixun-log',
    version: '1',
    send(mail, callback) {
      const { to, subject } = mail.data
      logger.info({ to, subject }, 'mail not sent: no SMTP_URL configured; logged instead')
      callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as SentMessageInfo)
    },
  })
}
