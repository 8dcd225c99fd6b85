import { randomBytes } from 'node:crypto'

import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { documentId, type Id } from '@/content/ids'
import type { WebhookDelivery } from '@/payload-types'

export const DELIVERIES = 'webhook-deliveries' as const

/** Delivery states that still expect an attempt. */
export const OPEN_STATUSES: WebhookDelivery['status'][] = ['pending', 'failed']

/** A delivery id as the database wants it (job input is text; SQL ids are numbers). */
export const deliveryIdFrom = (req: PayloadRequest, raw: unknown): Id => documentId(req.payload, raw)

/**
 * Each delivery names the one queued job allowed to make its next attempt. Rescheduling (a retry,
 * an admin's redelivery, recovery of a stalled job) issues a new token, so a job queued earlier
 * for the same delivery finds a token that is no longer current and sends nothing.
 */
export const newScheduleToken = () => randomBytes(12).toString('base64url')

/** Queues the job that makes a delivery's next attempt (at once, or at `at`), in req's transaction. */
export async function queueAttempt(req: PayloadRequest, deliveryId: Id, token: string, at?: Date): Promise<void> {
  await req.payload.jobs.queue({
    task: 'deliverWebhook',
    input: { deliveryId: String(deliveryId), token },
    waitUntil: at && at.getTime() > Date.now() ? at : undefined,
    req,
  })
}

/** Sets the delivery's next attempt (plus any other changes in `data`) and queues the job for it. */
export async function rescheduleDelivery(req: PayloadRequest, id: Id, at: Date, data: Partial<WebhookDelivery> = {}): Promise<void> {
  const token = newScheduleToken()
  await preservingContext(req, () =>
    req.payload.update({ collection: DELIVERIES, id, data: { ...data, scheduleToken: token, nextAttemptAt: at.toISOString() }, req, overrideAccess: true, depth: 0 }),
  )
  await queueAttempt(req, id, token, at)
}

/** Runs fn in req's transaction, or in one of its own when req has none. */
export async function inTransaction<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  const own = await initTransaction(req)
  try {
    const result = await fn()
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

/**
 * Local API calls with `req` replace req.context (createLocalReq); the workflow that called us keeps
 * its own context for the rest of its request (see recordAudit).
 */
export async function preservingContext<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  const context = req.context
  try {
    return await fn()
  } finally {
    req.context = context
  }
}
