import type { TaskConfig } from 'payload'

/** Sends one recorded webhook delivery. STUB: the webhooks work fills it in. */
export const deliverWebhookTask: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  inputSchema: [{ name: 'deliveryId', type: 'text', required: true }],
  handler: async () => ({ output: {} }),
}
