import type { Payload, TaskConfig } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'

import { FfmpegError } from './ffmpeg'
import { transcodeConcurrency, transcodePreset } from './mediaConfig'
import { acquireTranscodeSlot, mediaWorkerId, runningTranscodes } from './mediaProcess'
import { isMediaRejection } from './MediaRejection'
import { folderBytes, writePosterSizes } from './posterSizes'
import { probeVideo } from './probeVideo'
import { transcodeVideo } from './transcode'
import { TRANSCODE_CANCELLED, type TranscodeFailure } from './transcodeStatus'
import { markFailed, outputDirOf, removeOutputs, removePartialOutputs, sourcePathOf, type StoredManifest, TranscodeStopped } from './transcodes'

export type TranscodeOutcome = 'ready' | 'failed' | 'cancelled' | 'superseded' | 'skipped'

/** How often a running transcode writes its progress and heartbeat (ms); tests shorten it. */
const progressInterval = () => {
  const value = Number(process.env.YIXUN_TRANSCODE_PROGRESS_MS)
  return Number.isInteger(value) && value >= 50 ? value : 2000
}

/**
 * Turns one uploaded promo video into what the apps play (720p MP4, HLS 360p + 720p, poster and
 * its sizes). Runs on the `media` queue, never inside a request. A failure is recorded on the
 * transcode with a reason staff can read and then fails the job; staff retry from the admin.
 */
export const transcodeVideoTask: TaskConfig<'transcodeVideo'> = {
  slug: 'transcodeVideo',
  label: 'Transcode promo video',
  inputSchema: [{ name: 'transcodeId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  // Retries are a person's decision (the admin's Retry), made after reading the reason.
  retries: 0,
  handler: async ({ input, req }) => {
    const outcome = await runTranscode(req.payload, input.transcodeId)
    if (outcome.error) throw outcome.error
    return { output: { outcome: outcome.outcome } }
  },
}

/**
 * One attempt of one transcode. Exactly one process runs an attempt: the first to record the
 * claim `transcode:<id>:<created>:<attempt>` (a unique row, so this holds across servers). At most
 * YIXUN_TRANSCODE_CONCURRENCY attempts run in a process at once.
 */
export async function runTranscode(payload: Payload, transcodeId: string): Promise<{ outcome: TranscodeOutcome; error?: Error }> {
  const release = await acquireTranscodeSlot(transcodeConcurrency())
  try {
    const record = await payload.findByID({ collection: 'video-transcodes', id: transcodeId, depth: 0, disableErrors: true, overrideAccess: true })
    if (!record || record.status !== 'queued') return { outcome: 'skipped' }
    const attempt = record.attempt ?? 1
    // With the creation time: SQLite reuses the ids of deleted rows.
    if (!(await claimOnce(payload, `transcode:${record.id}:${record.createdAt}:${attempt}`, mediaWorkerId()))) return { outcome: 'skipped' }
    if (record.cancelRequested) {
      await markFailed(payload, record.id, TRANSCODE_CANCELLED())
      return { outcome: 'cancelled' }
    }
    return await runAttempt(payload, record.id, record.source, attempt)
  } finally {
    release()
  }
}

async function runAttempt(payload: Payload, id: number | string, source: string, attempt: number): Promise<{ outcome: TranscodeOutcome; error?: Error }> {
  const controller = new AbortController()
  const key = String(id)
  runningTranscodes().set(key, controller)
  let progress = 0
  let writing: Promise<void> | null = null

  /** Progress and heartbeat in one write; the answer tells whether someone cancelled or superseded this run. */
  const beat = async () => {
    try {
      const saved = await payload.update({
        collection: 'video-transcodes',
        id,
        data: { progress, heartbeatAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
      })
      if (saved.attempt !== attempt) controller.abort(new TranscodeStopped('superseded'))
      else if (saved.cancelRequested) controller.abort(new TranscodeStopped('cancelled'))
    } catch (error) {
      // The record is gone (its video was deleted): nobody wants this result any more.
      if ((error as { status?: number }).status === 404) controller.abort(new TranscodeStopped('superseded'))
      else payload.logger.warn({ err: error, transcode: id }, 'media: progress write failed')
    }
  }
  const timer = setInterval(() => {
    writing ??= beat().finally(() => {
      writing = null
    })
  }, progressInterval())

  try {
    await payload.update({
      collection: 'video-transcodes',
      id,
      data: { status: 'processing', progress: 0, worker: mediaWorkerId(), heartbeatAt: new Date().toISOString(), startedAt: new Date().toISOString(), finishedAt: null },
      depth: 0,
      overrideAccess: true,
    })
    // A run of this transcode killed earlier may have left its staging folder behind.
    await removePartialOutputs(id)

    const input = sourcePathOf(source)
    const outDir = outputDirOf(id)
    const probe = await probeVideo(input, { signal: controller.signal })
    const manifest = await transcodeVideo({
      input,
      outDir,
      probe,
      preset: transcodePreset(),
      signal: controller.signal,
      // 100 is written with the result, so no one sees 100 % before the outputs are there.
      onProgress: (percent) => {
        progress = Math.min(percent, 99)
      },
    })
    const posters = await writePosterSizes(outDir, manifest.poster)
    controller.signal.throwIfAborted()

    clearInterval(timer)
    await writing
    const current = await payload.findByID({ collection: 'video-transcodes', id, depth: 0, disableErrors: true, overrideAccess: true })
    if (!current || current.attempt !== attempt) return { outcome: 'superseded' }
    const stored: StoredManifest = { ...manifest, posters }
    await payload.update({
      collection: 'video-transcodes',
      id,
      data: {
        status: 'ready',
        progress: 100,
        worker: null,
        finishedAt: new Date().toISOString(),
        cancelRequested: false,
        error: { code: null, zh: null, en: null, detail: null },
        output: { durationSeconds: manifest.durationSeconds, width: manifest.width, height: manifest.height, sizeBytes: await folderBytes(outDir), manifest: stored },
      },
      depth: 0,
      overrideAccess: true,
    })
    payload.logger.info({ transcode: id, source, seconds: manifest.durationSeconds, size: `${manifest.width}x${manifest.height}` }, 'media: transcode ready')
    return { outcome: 'ready' }
  } catch (error) {
    clearInterval(timer)
    await writing
    const stopped = controller.signal.aborted ? controller.signal.reason : error
    if (stopped instanceof TranscodeStopped) {
      if (stopped.reason === 'superseded') {
        await removePartialOutputs(id)
        return { outcome: 'superseded' }
      }
      await removeOutputs(id)
      await markFailed(payload, id, TRANSCODE_CANCELLED(stopped.by)).catch(() => {})
      payload.logger.info({ transcode: id, source }, 'media: transcode cancelled')
      return { outcome: 'cancelled' }
    }
    const failure = failureOf(error)
    payload.logger.error({ err: error, transcode: id, source, code: failure.code, detail: failure.detail }, 'media: transcode failed')
    await markFailed(payload, id, failure).catch(() => {})
    return { outcome: 'failed', error: error instanceof Error ? error : new Error(String(error)) }
  } finally {
    clearInterval(timer)
    runningTranscodes().delete(key)
  }
}

const RETRY_HINT = { zh: '可点击“重试”；如仍失败，请重新导出视频后上传。', en: 'Press "Retry"; if it fails again, export the video anew and upload it.' }

/** A reason staff can act on; the tool's own words go to `detail`, for whoever reads the logs. */
export function failureOf(error: unknown): TranscodeFailure {
  if (isMediaRejection(error)) {
    return { code: error.code, zh: `转码失败：${error.messages.zh}`, en: `Transcoding failed: ${error.messages.en}`, detail: error.detail ?? null }
  }
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
    return {
      code: 'TRANSCODE_SOURCE_MISSING',
      zh: '转码失败：服务器上找不到上传的视频文件，请重新上传。',
      en: 'Transcoding failed: the uploaded video file is missing on the server; please upload it again.',
      detail: (error as Error).message,
    }
  }
  if (error instanceof Error && /^(ffmpeg|ffprobe) not found/.test(error.message)) {
    return { code: 'FFMPEG_MISSING', zh: '转码失败：服务器未安装 ffmpeg，请联系管理员。', en: 'Transcoding failed: ffmpeg is not installed on the server; contact the administrator.', detail: error.message }
  }
  if (error instanceof FfmpegError) {
    return {
      code: 'TRANSCODE_FAILED',
      zh: `转码失败：ffmpeg 无法处理该视频。${RETRY_HINT.zh}`,
      en: `Transcoding failed: ffmpeg could not process the video. ${RETRY_HINT.en}`,
      detail: error.stderrTail.split('\n').slice(-3).join('\n') || error.message,
    }
  }
  return {
    code: 'TRANSCODE_FAILED',
    zh: `转码失败：${RETRY_HINT.zh}`,
    en: `Transcoding failed. ${RETRY_HINT.en}`,
    detail: error instanceof Error ? error.message : String(error),
  }
}
