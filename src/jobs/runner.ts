import cron from 'node-cron'
import type { Payload } from 'payload'

import { INSTANCE_ID } from '@/publishing/instanceId'
import { requeueStalledDeliveries } from '@/webhooks/requeueStalledDeliveries'

import { Leadership } from './leadership'
import { reclaimAbandonedJobs } from './reclaimAbandonedJobs'

export type JobRunner = { stop: () => Promise<void>; tick: () => Promise<void> }

/** Jobs per queue run in one tick; the rest wait for the next second. */
const BATCH = 50
/** The leader looks for jobs whose worker died every this many ticks (seconds). */
const RECLAIM_EVERY = 2

/** The earliest time a waiting job of the default queue becomes due, if any. */
async function nextDueAt(payload: Payload): Promise<number | null> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: 'default' } }, { completedAt: { exists: false } }, { processing: { equals: false } }, { waitUntil: { greater_than: new Date().toISOString() } }] },
    sort: 'waitUntil',
    limit: 1,
    depth: 0,
    select: { waitUntil: true },
  })
  const at = docs[0]?.waitUntil
  return at ? new Date(at).getTime() : null
}

/**
 * Works the jobs queue inside the server: every second (node-cron), if this instance leads the
 * cluster, run what is due. The leader also sets a timer for the next job's exact due time, so a
 * scheduled publish runs within milliseconds of it rather than up to a tick late. `afterRun`
 * (the feed's refresh) shows what a run published without waiting for the next poll.
 *
 * A worker killed mid-job leaves its job marked `processing` for good (Payload 3 has no lease).
 * Runs never overlap within this process (`running`), so before each run the leader knows it is
 * running nothing: a job still marked processing and unchanged for longer than its bound
 * (reclaimAbandonedJobs.ts) belongs to a dead or deposed worker and goes back to the queue. A
 * scheduled publish whose worker died runs again within about 13 s: up to 6 s until a new leader
 * holds a slot (the dead one may have renewed its next slot), 10 s since the job was taken, plus
 * up to RECLAIM_EVERY s; `npm run chaos` measures it.
 */
export function startJobRunner(payload: Payload, { everySecond = true, afterRun }: { everySecond?: boolean; afterRun?: () => Promise<void> } = {}): JobRunner {
  const leadership = new Leadership(payload, INSTANCE_ID)
  let running: Promise<void> | null = null
  let ticks = 0
  let precise: NodeJS.Timeout | null = null

  const tick = async () => {
    if (running) return running // a slow run (many mails) must not pile up
    running = (async () => {
      try {
        if (!(await leadership.isLeader())) return
        if (ticks % RECLAIM_EVERY === 0) await reclaimAbandonedJobs(payload)
        const result = await payload.jobs.run({ queue: 'default', limit: BATCH })
        if (Object.keys(result?.jobStatus ?? {}).length > 0) await afterRun?.()
        const next = await nextDueAt(payload)
        if (precise) clearTimeout(precise)
        // Within the next second the cron tick would be late by up to a second; aim at the moment.
        if (next !== null && next - Date.now() < 1500) {
          precise = setTimeout(() => void tick(), Math.max(next - Date.now(), 0) + 5)
          precise.unref()
        }
        ticks++
        // A delivery whose job ended without making its attempt (the job failed for good).
        if (ticks % 60 === 0) await requeueStalledDeliveries(payload)
        if (ticks % 600 === 0) await leadership.prune()
      } catch (error) {
        payload.logger.error({ err: error }, 'job runner tick failed')
      } finally {
        running = null
      }
    })()
    return running
  }

  const task = everySecond ? cron.schedule('* * * * * *', tick, { name: 'yixun-jobs', noOverlap: true }) : null
  payload.logger.info({ instance: INSTANCE_ID }, 'job runner started')
  return {
    tick,
    stop: async () => {
      if (precise) clearTimeout(precise)
      await task?.stop()
      await running
    },
  }
}
