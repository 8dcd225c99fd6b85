import type { Payload, Where } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'

import { locateFfmpeg } from './ffmpegBinaries'
import { transcodeConcurrency } from './mediaConfig'
import { mediaWorkerId } from './mediaProcess'
import { MEDIA_QUEUE, recoverStalledTranscodes } from './transcodes'
import { sweepUploadTempFiles } from './uploadedFile'

/** How often the worker looks for queued transcodes (ms). */
const TICK = 2000
/** How often it looks for transcodes whose process died (ms). */
const RECOVERY_EVERY = 30_000

const dueMediaJobs = (): Where => ({
  and: [
    { queue: { equals: MEDIA_QUEUE } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
    { processing: { equals: false } },
    { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
  ],
})

/**
 * Claims up to `limit` due jobs of the media queue for this process. Payload's own runner marks
 * jobs taken without checking that another instance took them first (PLATFORM_NOTES: jobs ran
 * twice and wedged PostgreSQL pools); a unique claim row per job makes the choice exclusive.
 */
async function claimDueJobs(payload: Payload, limit: number): Promise<Array<number | string>> {
  if (limit < 1) return []
  const { docs } = await payload.find({ collection: 'payload-jobs', where: dueMediaJobs(), sort: 'createdAt', limit: limit + 10, depth: 0, overrideAccess: true })
  const claimed: Array<number | string> = []
  for (const job of docs) {
    if (claimed.length >= limit) break
    // With the creation time: SQLite reuses the ids of deleted rows (finished jobs are deleted).
    if (await claimOnce(payload, `media-job:${job.id}:${job.createdAt}`, mediaWorkerId())) claimed.push(job.id)
  }
  return claimed
}

/** Runs the due transcodes (up to the concurrency limit) and waits for them. For tests, scripts and `tick`. */
export async function runMediaQueue(payload: Payload, { limit = transcodeConcurrency() } = {}): Promise<number> {
  const ids = await claimDueJobs(payload, limit)
  await Promise.all(ids.map((id) => payload.jobs.runByID({ id, overrideAccess: true, silent: { info: true } })))
  return ids.length
}

export type MediaWorker = { stop: () => Promise<void>; tick: () => Promise<void> }

/**
 * The media queue's own runner, apart from the main job runner: a transcode runs for minutes and
 * must not hold up mail or scheduled publishing. Every TICK it fills free transcode slots; every
 * RECOVERY_EVERY it requeues transcodes whose process died (also once at start, so a restarted
 * server picks up what it was doing when it was killed).
 */
export function startMediaWorker(payload: Payload): MediaWorker {
  const limit = transcodeConcurrency()
  const active = new Set<Promise<unknown>>()
  let ticking: Promise<void> | null = null
  let lastRecovery = 0
  let stopped = false

  const tick = () => {
    ticking ??= (async () => {
      try {
        if (Date.now() - lastRecovery >= RECOVERY_EVERY) {
          lastRecovery = Date.now()
          await recoverStalledTranscodes(payload)
          await sweepUploadTempFiles()
        }
        for (const id of await claimDueJobs(payload, limit - active.size)) {
          const run = payload.jobs
            .runByID({ id, overrideAccess: true, silent: { info: true } })
            .catch((error: unknown) => payload.logger.error({ err: error, job: id }, 'media: job run failed'))
            .finally(() => active.delete(run))
          active.add(run)
        }
      } catch (error) {
        payload.logger.error({ err: error }, 'media: worker tick failed')
      } finally {
        ticking = null
      }
    })()
    return ticking
  }

  const timer = setInterval(() => {
    if (!stopped) void tick()
  }, TICK)
  timer.unref()
  void tick()
  payload.logger.info({ worker: mediaWorkerId(), concurrency: limit }, 'media: transcode worker started')
  return {
    tick,
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await ticking
      await Promise.all(active)
    },
  }
}

const WORKER = Symbol.for('yixun.media.worker')
const LOGGED = Symbol.for('yixun.media.ffmpegLogged')

/**
 * Called from onInit: logs which ffmpeg the pipeline uses, and starts the transcode worker once
 * per server process (src/server.ts, behind `npm start` and `npm run dev`; its own Payload
 * initialises first). Scripts (seed, migrate, benches) and tests do not start it; YIXUN_MEDIA_WORKER
 * =true starts it anywhere, YIXUN_MEDIA_WORKER=false or YIXUN_JOBS_AUTORUN=false never.
 */
export async function startMediaPipeline(payload: Payload): Promise<void> {
  const holder = globalThis as typeof globalThis & { [WORKER]?: MediaWorker; [LOGGED]?: boolean }
  if (!holder[LOGGED]) await logFfmpeg(payload)
  holder[LOGGED] = true
  const asked = process.env.YIXUN_MEDIA_WORKER
  const off = asked === 'false' || process.env.YIXUN_JOBS_AUTORUN === 'false'
  const inServer = asked === 'true' || /[\\/]src[\\/]server\.[cm]?[jt]s$/.test(process.argv[1] ?? '')
  if (off || !inServer || holder[WORKER]) return
  holder[WORKER] = startMediaWorker(payload)
}

/** Which ffmpeg and ffprobe the pipeline found (FFMPEG_PATH/FFPROBE_PATH, then PATH, then npm) and their versions. */
async function logFfmpeg(payload: Payload): Promise<void> {
  try {
    const found = await locateFfmpeg()
    payload.logger.info(
      { ffmpeg: found.ffmpegPath, ffmpegVersion: found.ffmpegVersion, ffprobe: found.ffprobePath, ffprobeVersion: found.ffprobeVersion, sources: found.sources },
      `media: using ffmpeg ${found.ffmpegVersion} (${found.sources.ffmpeg}) at ${found.ffmpegPath}`,
    )
  } catch (error) {
    payload.logger.error({ err: error }, 'media: ffmpeg not found — promo videos cannot be transcoded until it is installed')
  }
}
