import type { PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import type { WebhookDelivery } from '@/payload-types'

import { DELIVERIES, deliveryIdFrom, inTransaction, rescheduleDelivery } from './outbox'

/**
 * An admin's "send again": the same event id and body, at once, with a fresh 24-hour retry window.
 * Works on any delivery — a dead one after the app is fixed, or a delivered one the app lost.
 * Returns null when there is no such delivery.
 */
export async function redeliver(req: PayloadRequest, rawId: unknown): Promise<WebhookDelivery | null> {
  const id = deliveryIdFrom(req, rawId)
  return inTransaction(req, async () => {
    const delivery = (await req.payload.findByID({ collection: DELIVERIES, id, depth: 0, req, overrideAccess: true, disableErrors: true })) as WebhookDelivery | null
    if (!delivery) return null
    await rescheduleDelivery(req, id, new Date(), { status: 'pending', retryUntil: null })
    await recordAudit(req, {
      action: 'update',
      collection: DELIVERIES,
      documentId: id,
      documentTitle: delivery.eventId,
      changedFields: ['status'],
      details: { redeliver: true, eventId: delivery.eventId, previousStatus: delivery.status },
    })
    return { ...delivery, status: 'pending' }
  })
}
