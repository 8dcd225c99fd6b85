import nodemailer, { type SentMessageInfo, type Transporter } from 'nodemailer'
import type { Logger } from 'pino'

import { createLogger } from '@/log/logger'

/**
 * Bounds on one SMTP conversation (ms). nodemailer's defaults (2 min to connect, 10 min of socket
 * silence) would hold a job runner that long on a mail server that accepts and then hangs; the
 * queue retries later anyway. Query parameters in SMTP_URL (`?socketTimeout=…`) override them.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/**
 * SMTP from `SMTP_URL` (e.g. smtp://user:pass@mail.hospital.local:587). Without it, mail goes to
 * the log: nodemailer's adapter would otherwise try to open an account on an outside test host.
 */
export function mailTransport(url: string | undefined = process.env.SMTP_URL, logger?: Logger): Transporter {
  if (url) return nodemailer.createTransport({ url, ...SMTP_TIMEOUTS })
  const log = logger ?? createLogger('mail')
  return nodemailer.createTransport({
    name: 'yixun-log',
    version: '1',
    send(mail, callback) {
      const { to, subject, text } = mail.data
      // The text carries the link a developer without a mail server needs to follow.
      log.info({ to, subject, text }, 'mail not sent: no SMTP_URL configured; logged instead')
      callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as SentMessageInfo)
    },
  })
}
