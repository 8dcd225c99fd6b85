import type { SentMessageInfo } from 'nodemailer'
import type { TaskConfig } from 'payload'

/** Wait before the first retry (2 minutes, in ms); each later retry waits twice as long. */
const FIRST_RETRY_DELAY = 2 * 60 * 1000

/**
 * Sends one queued mail. A failure throws, so the queue keeps the job and tries again later:
 * five retries after 2, 4, 8, 16 and 32 minutes ride out about an hour of mail-server outage
 * (a restart, a maintenance window) before the job is marked failed.
 */
export const sendMailTask: TaskConfig<'sendMail'> = {
  slug: 'sendMail',
  label: 'Send mail',
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'textarea' },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: FIRST_RETRY_DELAY } },
  handler: async ({ input, req }) => {
    const { to, subject, text, html } = input
    const info = (await req.payload.sendEmail({ to, subject, text, html: html ?? undefined })) as SentMessageInfo | undefined
    return { output: { messageId: info?.messageId ?? null } }
  },
}
