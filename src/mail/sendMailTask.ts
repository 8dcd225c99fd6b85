import type { SentMessageInfo } from 'nodemailer'
import type { TaskConfig } from 'payload'

import { claimOnce, isClaimed } from '@/publishing/claimOnce'
import { INSTANCE_ID } from '@/publishing/instanceId'

/** Wait before the first retry (2 minutes, in ms); each later retry waits twice as long. */
const FIRST_RETRY_DELAY = 2 * 60 * 1000

const mailDomain = () => (process.env.MAIL_FROM_ADDRESS || 'yixun@hospital.local').split('@')[1] || 'hospital.local'

/**
 * Sends one queued mail. A failure throws, so the queue keeps the job and tries again later:
 * five retries after 2, 4, 8, 16 and 32 minutes ride out about an hour of mail-server outage
 * (a restart, a maintenance window) before the job is marked failed.
 *
 * Once: a claim `mail:<job>` is recorded as soon as the mail server has accepted the message, and
 * a job that finds it (its worker died before the queue marked it done, and the job was
 * reclaimed) sends nothing. A worker killed between the server's acceptance and that claim
 * (one database write) makes the job send again: the copy carries the same Message-ID, which
 * lets mail servers and clients drop the duplicate. SMTP gives no stronger promise.
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
  handler: async ({ input, job, req }) => {
    const { to, subject, text, html } = input
    // With the creation time: SQLite reuses the ids of deleted rows (finished jobs are deleted).
    const key = `mail:${job.id}:${job.createdAt}`
    const messageId = `<yixun-mail-${job.id}-${new Date(job.createdAt).getTime()}@${mailDomain()}>`
    if (await isClaimed(req.payload, key)) return { output: { messageId, outcome: 'already-sent' } }
    // Two runs of the same try (a deposed leader still working through its batch while the next
    // leader starts; Payload's queue does not lock the rows it takes) must not both send. The
    // loser fails this try; its retry finds the winner's claim and sends nothing.
    if (!(await claimOnce(req.payload, `mail-try:${job.id}:${job.createdAt}:${job.totalTried ?? 0}`, INSTANCE_ID))) {
      throw new Error('another run of this job is sending this mail')
    }
    const info = (await req.payload.sendEmail({ to, subject, text, html: html ?? undefined, messageId })) as SentMessageInfo | undefined
    // The mail is out: failing the job now would only send it again.
    await claimOnce(req.payload, key, INSTANCE_ID).catch((error: unknown) => req.payload.logger.error({ err: error, job: job.id }, 'mail sent, but its claim was not recorded'))
    return { output: { messageId: info?.messageId ?? messageId, outcome: 'sent' } }
  },
}
