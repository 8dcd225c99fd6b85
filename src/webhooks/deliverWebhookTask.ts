import type { TaskConfig } from 'payload'

import { attemptDelivery } from './attemptDelivery'

/**
 * Makes one attempt of a recorded webhook delivery (see attemptDelivery). A receiver's failures
 * are not errors of this task: the delivery schedules its own next attempt as a new job (30 s,
 * 1 min, 2 min … hourly, for 24 hours), visible in the delivery record. The task's own retries
 * cover Yixun's trouble only, e.g. the database refusing the write that records an attempt.
 */
export const deliverWebhookTask: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  label: 'Deliver webhook',
  inputSchema: [
    { name: 'deliveryId', type: 'text', required: true },
    // The delivery's scheduleToken when this job was queued: a superseded job sends nothing.
    { name: 'token', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await attemptDelivery(req, input.deliveryId, input.token) } }),
}
