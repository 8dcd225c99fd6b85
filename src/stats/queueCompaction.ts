import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

/** Compaction runs at most this often (ms). */
export const COMPACTION_INTERVAL = 10 * 60 * 1000

/** When this process next looks at the queue, per Payload instance. */
const nextLook = new WeakMap<Payload, number>()

/**
 * Makes sure a compaction is waiting in the queue for the end of the current ten-minute slot.
 * Called after events were stored, so compaction runs only while there is something to compact;
 * each process looks at most once a slot. Two instances may both queue one: that costs an empty
 * run, never a wrong count (compaction is safe to repeat).
 */
export async function queueCompaction(payload: Payload, now = Date.now()): Promise<void> {
  if ((nextLook.get(payload) ?? 0) > now) return
  const slotEnd = (Math.floor(now / COMPACTION_INTERVAL) + 1) * COMPACTION_INTERVAL
  nextLook.set(payload, slotEnd)
  // In a transaction of its own: a write outside one (jobs.queue without req) makes other
  // requests' SQLite commits fail (see recordEventCounts).
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    const waiting = await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'compactFeedEventCounts' } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
          // A job stuck as processing (its instance died mid-run) must not stop compaction for good.
          { createdAt: { greater_than: new Date(now - 2 * COMPACTION_INTERVAL).toISOString() } },
        ],
      },
      overrideAccess: true,
      req,
    })
    if (waiting.totalDocs === 0) await payload.jobs.queue({ task: 'compactFeedEventCounts', input: {}, waitUntil: new Date(slotEnd), req })
    if (ownTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
