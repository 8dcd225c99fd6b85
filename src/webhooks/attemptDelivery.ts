import type { PayloadRequest } from 'payload'

import { type Id, refId } from '@/content/ids'
import type { AppClient, WebhookDelivery } from '@/payload-types'

import { DELIVERIES, deliveryIdFrom, inTransaction, OPEN_STATUSES, preservingContext, rescheduleDelivery } from './outbox'
import { nextAttemptAt, RETRY_WINDOW_MS } from './retrySchedule'
import { sendWebhook } from './sendWebhook'

/** Attempts kept on a delivery for admins to read; older ones drop off (the counter keeps counting). */
export const MAX_ATTEMPTS_LOGGED = 20

export type AttemptOutcome = 'succeeded' | 'retrying' | 'dead' | 'skipped'

async function save(req: PayloadRequest, id: Id, data: Partial<WebhookDelivery>) {
  await preservingContext(req, () => req.payload.update({ collection: DELIVERIES, id, data, req, overrideAccess: true, depth: 0 }))
}

/** The app as it is now: its current URL and secret are used, so a rotated secret applies to retries. */
async function receiverOf(req: PayloadRequest, delivery: WebhookDelivery): Promise<AppClient | null> {
  const id = refId(delivery.client)
  if (id === null) return null
  return (await req.payload.findByID({ collection: 'app-clients', id, depth: 0, req, overrideAccess: true, showHiddenFields: true, disableErrors: true })) as AppClient | null
}

/**
 * Makes one attempt of a delivery, if `token` still names this job as the one to make it, and
 * records the outcome: delivered, a retry scheduled (in one transaction with its queued job, so
 * a restart cannot lose it), or given up once the 24-hour window from the first attempt is over.
 * A delivery that succeeded is never sent again by this path (only by an admin's redelivery).
 */
export async function attemptDelivery(req: PayloadRequest, rawId: unknown, token: string): Promise<AttemptOutcome> {
  const id = deliveryIdFrom(req, rawId)
  const delivery = (await req.payload.findByID({ collection: DELIVERIES, id, depth: 0, req, overrideAccess: true, showHiddenFields: true, disableErrors: true })) as WebhookDelivery | null
  if (!delivery || delivery.scheduleToken !== token || !OPEN_STATUSES.includes(delivery.status)) return 'skipped'

  const app = await receiverOf(req, delivery)
  if (!app?.active || !app.webhookUrl || !app.webhookSecret) {
    await save(req, id, {
      status: 'dead',
      lastError: 'APP_CLIENT_UNAVAILABLE: the app was deleted, deactivated or has no webhook URL',
      nextAttemptAt: null,
      scheduleToken: null,
    })
    return 'dead'
  }

  const startedAt = new Date()
  const result = await sendWebhook({ url: app.webhookUrl, secret: app.webhookSecret, eventId: delivery.eventId, body: delivery.body })
  const retryUntil = delivery.retryUntil ? new Date(delivery.retryUntil) : new Date(startedAt.getTime() + RETRY_WINDOW_MS)
  const attempts = (delivery.attempts ?? 0) + 1
  const attempt = { at: startedAt.toISOString(), statusCode: result.statusCode, durationMs: result.durationMs, error: result.error }
  const recorded: Partial<WebhookDelivery> = {
    attempts,
    attemptsLog: [...(delivery.attemptsLog ?? []), attempt].slice(-MAX_ATTEMPTS_LOGGED),
    lastAttemptAt: attempt.at,
    lastStatusCode: result.statusCode,
    lastDurationMs: result.durationMs,
    lastError: result.error,
    retryUntil: retryUntil.toISOString(),
  }

  if (result.ok) {
    await save(req, id, { ...recorded, status: 'succeeded', deliveredAt: new Date().toISOString(), nextAttemptAt: null, scheduleToken: null })
    return 'succeeded'
  }
  const next = nextAttemptAt(attempts, retryUntil)
  if (!next) {
    await save(req, id, { ...recorded, status: 'dead', nextAttemptAt: null, scheduleToken: null })
    return 'dead'
  }
  await inTransaction(req, () => rescheduleDelivery(req, id, next, { ...recorded, status: 'failed' }))
  return 'retrying'
}
