import { createLocalReq, type Payload } from 'payload'

import { DELIVERIES, inTransaction, OPEN_STATUSES, rescheduleDelivery } from './outbox'

/** A due attempt not made for this long (ms) is taken to have lost its job. */
export const STALLED_AFTER_MS = 15 * 60_000

/**
 * Re-queues open deliveries whose attempt is long overdue: their job is gone or will not run (it
 * failed for good on Yixun's side, e.g. the database refused the write, or it was deleted). A job
 * whose worker was killed is returned to the queue earlier, with every other task's, by
 * src/jobs/reclaimAbandonedJobs.ts; this is the delivery-level backstop. Safe to run at any time:
 * the new schedule token turns any surviving old job for the same delivery into a no-op. Returns
 * how many were re-queued.
 */
export async function requeueStalledDeliveries(payload: Payload, { stalledAfterMs = STALLED_AFTER_MS, limit = 100 } = {}): Promise<number> {
  const req = await createLocalReq({}, payload)
  const { docs } = await payload.find({
    collection: DELIVERIES,
    where: { and: [{ status: { in: OPEN_STATUSES } }, { nextAttemptAt: { less_than: new Date(Date.now() - stalledAfterMs).toISOString() } }] },
    sort: 'nextAttemptAt',
    limit,
    depth: 0,
    select: { status: true },
    overrideAccess: true,
  })
  for (const { id } of docs) await inTransaction(req, () => rescheduleDelivery(req, id, new Date()))
  return docs.length
}
