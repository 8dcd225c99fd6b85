import cron from 'node-cron'
import type { Payload } from 'payload'

import { INSTANCE_ID } from '@/publishing/instanceId'
import { requeueStalledDeliveries } from '@/webhooks/requeueStalledDeliveries'

import { Leadership } from './leadership'

export type JobRunner = { stop: () => Promise<void>; tick: () => Promise<void> }

/** Jobs per queue run in one tick; the rest wait for the next second. */
const BATCH = 50

/**
 * Works the jobs queue inside the server: every second (node-cron), if this instance leads the
 * cluster, run what is due. A one-second tick keeps scheduled publishing within ~1 s of its time.
 */
export function startJobRunner(payload: Payload, { everySecond = true } = {}): JobRunner {
  const leadership = new Leadership(payload, INSTANCE_ID)
  let running: Promise<void> | null = null
  let ticks = 0

  const tick = async () => {
    if (running) return running // a slow run (many mails) must not pile up
    running = (async () => {
      try {
        if (!(await leadership.isLeader())) return
        await payload.jobs.run({ queue: 'default', limit: BATCH })
        ticks++
        // A server killed mid-attempt leaves its webhook job marked as running for good.
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
      await task?.stop()
      await running
    },
  }
}
