import { randomBytes } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'
import { INSTANCE_ID } from '@/publishing/instanceId'

import { LEADER_SLOT } from './leadership'

/**
 * How long (ms) a job of each task may sit marked `processing` with its row unchanged before its
 * worker is taken to be dead. Only the leader runs the default queue and it reclaims between its
 * own runs, so a job still marked processing then is another process's: a leader that died, or
 * one that lost its slot while a run was still going. The bound must outlast the second case.
 * - runSchedule: two leader slots. Its effect is claimed inside its own transaction
 *   (scheduleTask.ts), so even a slow old leader finishing after the reclaim cannot publish twice;
 *   the new leader's run then ends as `claimed-elsewhere`.
 * - sendMail, deliverWebhook: longer than one SMTP conversation (transport.ts: 10 s to connect,
 *   10 s for the greeting, 30 s of silence) or one webhook request, so a live sender is never
 *   doubled; a dead one is re-run within this bound.
 */
export const ABANDONED_AFTER_MS: Record<string, number> = {
  runSchedule: 2 * LEADER_SLOT,
  sendMail: 2 * 60_000,
  deliverWebhook: 2 * 60_000,
}
const DEFAULT_ABANDONED_AFTER_MS = 2 * 60_000

/** The error a reclaimed job's log records for the try its dead worker made. */
export const WORKER_DIED = 'The worker running this job stopped (process killed or crashed) before it finished.'

type JobRow = {
  id: number | string
  taskSlug?: string | null
  input?: unknown
  log?: Array<{ taskSlug?: string | null }> | null
  totalTried?: number | null
  updatedAt: string
}

const attemptsOf = (payload: Payload, taskSlug: string) => {
  const retries = payload.config.jobs.tasks?.find((task) => task.slug === taskSlug)?.retries
  return typeof retries === 'number' ? retries : (retries?.attempts ?? 0)
}

/**
 * Returns jobs of the default queue whose worker died to the queue (processing = false), so the
 * next run picks them up. The dead worker's try counts as a failed try in the job's log, as
 * Payload's own retry accounting reads it: a job that keeps killing its worker ends with
 * hasError after its task's retries, and shows on the dashboard (src/dashboard/problems.ts).
 * A killed worker's transaction never committed, so re-running is safe; each task's claim makes
 * the effect happen once. Transcodes (the media queue) have their own recovery.
 * Call only while this process runs no job of the default queue (the runner's tick). Returns
 * the ids reclaimed.
 */
export async function reclaimAbandonedJobs(payload: Payload, { now = Date.now() } = {}): Promise<Array<number | string>> {
  const shortest = Math.min(DEFAULT_ABANDONED_AFTER_MS, ...Object.values(ABANDONED_AFTER_MS))
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: 'default' } },
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: new Date(now - shortest).toISOString() } },
      ],
    },
    sort: 'updatedAt',
    limit: 100,
    depth: 0,
    select: { taskSlug: true, input: true, log: true, totalTried: true, updatedAt: true },
    overrideAccess: true,
  })
  const reclaimed: Array<number | string> = []
  for (const job of docs as JobRow[]) {
    const taskSlug = job.taskSlug ?? ''
    if (new Date(job.updatedAt).getTime() > now - (ABANDONED_AFTER_MS[taskSlug] ?? DEFAULT_ABANDONED_AFTER_MS)) continue
    try {
      if (await reclaim(payload, job, now)) reclaimed.push(job.id)
    } catch (error) {
      payload.logger.error({ err: error, job: job.id }, 'could not reclaim an abandoned job')
    }
  }
  if (reclaimed.length > 0) payload.logger.warn({ jobs: reclaimed }, 'reclaimed jobs whose worker died')
  return reclaimed
}

async function reclaim(payload: Payload, job: JobRow, now: number): Promise<boolean> {
  const taskSlug = job.taskSlug ?? ''
  const tries = (job.log ?? []).filter((entry) => entry.taskSlug === taskSlug).length
  const error = { name: 'WorkerDied', message: WORKER_DIED, cancelled: false }
  // Payload's rule (handleTaskError): a failure after `attempts` earlier tries is final.
  const final = tries >= attemptsOf(payload, taskSlug)
  const req = await createLocalReq({}, payload)
  const own = await initTransaction(req)
  try {
    // The row's updatedAt names this one death: a stale leader reclaiming at the same moment
    // loses the claim, so the dead try is counted once.
    if (!(await claimOnce(payload, `reclaim:${job.id}:${job.updatedAt}`, INSTANCE_ID, req))) {
      if (own) await killTransaction(req)
      return false
    }
    await payload.db.updateJobs({
      id: job.id,
      data: {
        processing: false,
        totalTried: (job.totalTried ?? 0) + 1,
        ...(final ? { hasError: true, error } : {}),
        log: {
          $push: {
            id: randomBytes(12).toString('hex'),
            taskSlug,
            taskID: '1',
            state: 'failed',
            input: job.input,
            output: {},
            error,
            executedAt: job.updatedAt,
            completedAt: new Date(now).toISOString(),
          },
        },
        updatedAt: new Date(now).toISOString(),
      } as never,
      req,
      returning: false,
    })
    if (own) await commitTransaction(req)
    return true
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}
