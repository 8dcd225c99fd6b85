import type { PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import type { Id } from '@/content/ids'
import { inTransaction } from '@/webhooks/outbox'

type MailInput = { to: string; subject: string; text: string; html?: string | null }

export type MailRetry =
  | { outcome: 'queued'; jobId: Id; replaced: Id; to: string; subject: string }
  | { outcome: 'not_found' }
  /** The job is still on its way (waiting for a retry, running) or was not a mail. */
  | { outcome: 'not_failed' }

const isMailInput = (input: unknown): input is MailInput => {
  const value = input as Partial<MailInput> | null
  return Boolean(value) && typeof value!.to === 'string' && typeof value!.subject === 'string' && typeof value!.text === 'string'
}

/**
 * An admin's "send again" for a mail the queue gave up on: the same message is queued as a new
 * `sendMail` job (with its own five retries) and the failed job is removed, in one transaction,
 * so the dashboard stops listing it. Removing first means two admins clicking at once queue it once:
 * the second finds the job gone. The audit trail keeps what happened.
 */
export async function retryMail(req: PayloadRequest, jobId: Id): Promise<MailRetry> {
  return inTransaction(req, async () => {
    const job = await req.payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!job || job.taskSlug !== 'sendMail') return { outcome: 'not_found' }
    if (!job.hasError || !isMailInput(job.input)) return { outcome: 'not_failed' }
    const { to, subject, text, html } = job.input
    const removed = await req.payload
      .delete({ collection: 'payload-jobs', id: job.id, depth: 0, req, overrideAccess: true })
      .then(() => true)
      .catch(() => false)
    if (!removed) return { outcome: 'not_found' }
    const queued = await req.payload.jobs.queue({ task: 'sendMail', input: { to, subject, text, html: html ?? undefined }, req })
    await recordAudit(req, {
      action: 'update',
      collection: 'payload-jobs',
      documentId: job.id,
      documentTitle: subject,
      changedFields: [],
      details: { retryMail: true, to, newJobId: String(queued.id), previousError: (job.error as { message?: string } | null)?.message ?? null },
    })
    return { outcome: 'queued', jobId: queued.id, replaced: job.id, to, subject }
  })
}
