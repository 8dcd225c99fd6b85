import { createLocalReq, type Payload } from 'payload'

import { DELIVERIES, inTransaction, OPEN_STATUSES, rescheduleDelivery } from './outbox'

/** A due attempt not made for this long (ms) is taken to have lost its job. */
export const STALLED_AFTER_MS = 15 * 60_000

/**
 * Re-queues open deliveries whose attempt is long overdue. A process killed during an attempt
 * leaves its job marked `processing` for good (Payload does not reclaim such jobs), and the
 * delivery would wait forever. Safe to run at any time: the new schedule token turns any
 * surviving old job for the same delivery into a no-op. Returns how many were re-queued.
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
