import type { CollectionConfig } from 'payload'

/** The webhook outbox: one record per event per app, written before sending. STUB: the webhooks work fills it in. */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [{ name: 'eventId', type: 'text' }],
}
