import type { PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import type { Id } from '@/content/ids'
import type { PayloadJob } from '@/payload-types'
import { PUBLISHABLE_COLLECTIONS } from '@/workflow/states'
import { inTransaction } from '@/webhooks/outbox'

type RetriedTask = 'sendMail' | 'runSchedule'
type MailInput = { to: string; subject: string; text: string; html?: string | null }
type ScheduleInput = { action: 'publish' | 'expire'; collection: (typeof PUBLISHABLE_COLLECTIONS)[number]; id: string }

export type JobRetry<Input> =
  | { outcome: 'queued'; jobId: Id; replaced: Id; input: Input }
  | { outcome: 'not_found' }
  /** The job is still on its way (waiting for a retry, running) or is of another task. */
  | { outcome: 'not_failed' }

const isMailInput = (input: unknown): input is MailInput => {
  const value = input as Partial<MailInput> | null
  return Boolean(value) && typeof value!.to === 'string' && typeof value!.subject === 'string' && typeof value!.text === 'string'
}

const isScheduleInput = (input: unknown): input is ScheduleInput => {
  const value = input as Partial<ScheduleInput> | null
  return Boolean(value) && (value!.action === 'publish' || value!.action === 'expire') && PUBLISHABLE_COLLECTIONS.includes(value!.collection!) && typeof value!.id === 'string'
}

/**
 * An admin's "try again" for a job the queue gave up on: the same input is queued as a new job
 * (with its task's own retries, due now or at its original time if that is still ahead) and the failed job is removed, in one transaction, so
 * the dashboard stops listing it. Removing first means two admins clicking at once queue it once:
 * the second finds the job gone. The audit trail keeps what happened.
 */
async function retryFailedJob<Input extends Record<string, unknown>>(
  req: PayloadRequest,
  jobId: Id,
  task: RetriedTask,
  isInput: (input: unknown) => input is Input,
  audit: (job: PayloadJob, input: Input, newJobId: Id) => Promise<void>,
): Promise<JobRetry<Input>> {
  return inTransaction(req, async () => {
    const job = await req.payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!job || job.taskSlug !== task) return { outcome: 'not_found' }
    if (!job.hasError || !isInput(job.input)) return { outcome: 'not_failed' }
    const input = job.input
    const removed = await req.payload
      .delete({ collection: 'payload-jobs', id: job.id, depth: 0, req, overrideAccess: true })
      .then(() => true)
      .catch(() => false)
    if (!removed) return { outcome: 'not_found' }
    // A scheduled job given up on before its time keeps its time: run early, the task would find
    // the item not yet due and end without publishing.
    const waitUntil = job.waitUntil && new Date(job.waitUntil).getTime() > Date.now() ? new Date(job.waitUntil) : undefined
    const queued = await req.payload.jobs.queue({ task, input: input as never, waitUntil, req })
    await audit(job, input, queued.id)
    return { outcome: 'queued', jobId: queued.id, replaced: job.id, input }
  })
}

const previousError = (job: PayloadJob) => (job.error as { message?: string } | null)?.message ?? null

/** Sends again a mail the queue gave up on. */
export const retryMail = (req: PayloadRequest, jobId: Id) =>
  retryFailedJob(req, jobId, 'sendMail', isMailInput, (job, { to, subject }, newJobId) =>
    recordAudit(req, {
      action: 'update',
      collection: 'payload-jobs',
      documentId: job.id,
      documentTitle: subject,
      changedFields: [],
      details: { retryMail: true, to, newJobId: String(newJobId), previousError: previousError(job) },
    }),
  )

/**
 * Runs again a scheduled publish or expiry the queue gave up on. The task re-checks the item when
 * it runs (still approved and due, still live and ended) and claims the action once, so a retry
 * of something that happened meanwhile does nothing.
 */
export const retrySchedule = (req: PayloadRequest, jobId: Id) =>
  retryFailedJob(req, jobId, 'runSchedule', isScheduleInput, (job, { action, collection, id }, newJobId) =>
    recordAudit(req, {
      action: 'update',
      collection: 'payload-jobs',
      documentId: job.id,
      documentTitle: `${action} ${collection} #${id}`,
      changedFields: [],
      details: { retrySchedule: true, action, itemCollection: collection, itemId: id, newJobId: String(newJobId), previousError: previousError(job) },
    }),
  )
