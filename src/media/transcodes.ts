import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import type { VideoTranscode } from '@/payload-types'

import { mediaDirs } from './mediaConfig'
import { runningTranscodes, workerIsGone } from './mediaProcess'
import { HLS_MASTER_FILE, MP4_FILE, POSTER_FILE, type TranscodeManifest } from './transcode'
import {
  TRANSCODE_CANCELLED,
  TRANSCODE_STATUS_LABELS,
  type PosterSize,
  type TranscodeFailure,
  type TranscodeView,
  type VideoUrls,
} from './transcodeStatus'

type Id = number | string

/** The jobs queue transcodes run on, apart from mail and publishing so one long encode never delays them. */
export const MEDIA_QUEUE = 'media'

/** A processing transcode whose worker has not written for this long (ms) is taken to be dead. */
export const STALE_AFTER = 2 * 60 * 1000

/** What the task stores in `output.manifest`: the library's manifest plus the poster sizes. */
export type StoredManifest = TranscodeManifest & { posters: PosterSize[] }

const safeId = (id: Id) => {
  const text = String(id)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new Error(`unexpected transcode id ${text}`)
  return text
}

/** The folder a transcode's outputs are published to (in one rename, by the library). */
export const outputDirOf = (id: Id) => path.join(mediaDirs().videoOutputs, safeId(id))

/** The uploaded source a transcode reads; a name from the database is still kept inside the folder. */
export function sourcePathOf(source: string): string {
  const root = mediaDirs().videoSources
  const file = path.resolve(root, source)
  if (path.dirname(file) !== root) throw new Error(`source ${source} is outside ${root}`)
  return file
}

/** Removes what a killed or cancelled run left beside the output folder (the library's staging folders). */
export async function removePartialOutputs(id: Id): Promise<void> {
  const root = mediaDirs().videoOutputs
  const prefix = `.${safeId(id)}.`
  const entries = await fs.readdir(root).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((name) => name.startsWith(prefix) && (name.includes('.partial-') || name.includes('.replaced-')))
      .map((name) => fs.rm(path.join(root, name), { recursive: true, force: true })),
  )
}

export async function removeOutputs(id: Id): Promise<void> {
  await fs.rm(outputDirOf(id), { recursive: true, force: true })
  await removePartialOutputs(id)
}

export async function findTranscode(payload: Payload, videoId: Id, source: string, req?: PayloadRequest): Promise<VideoTranscode | null> {
  const { docs } = await payload.find({
    collection: 'video-transcodes',
    where: { and: [{ video: { equals: videoId } }, { source: { equals: source } }] },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

async function queueJob(req: PayloadRequest | undefined, payload: Payload, transcodeId: Id): Promise<string> {
  const job = await payload.jobs.queue({ task: 'transcodeVideo', queue: MEDIA_QUEUE, input: { transcodeId: String(transcodeId) }, req })
  return String(job.id)
}

/**
 * Queues the transcode of a video's newly uploaded source, in the caller's transaction (the
 * upload and its job commit together). Idempotent per source: publishing the version that
 * carries the upload does not queue it again.
 */
export async function queueTranscode(req: PayloadRequest, video: { id: Id; filename?: string | null }): Promise<VideoTranscode | null> {
  if (!video.filename) return null
  const existing = await findTranscode(req.payload, video.id, video.filename, req)
  if (existing) return existing
  const record = await req.payload.create({
    collection: 'video-transcodes',
    data: { video: video.id as number, source: video.filename, status: 'queued', progress: 0, attempt: 1 },
    depth: 0,
    req,
    overrideAccess: true,
  })
  const job = await queueJob(req, req.payload, record.id)
  return req.payload.update({ collection: 'video-transcodes', id: record.id, data: { job }, depth: 0, req, overrideAccess: true })
}

/** Sends a transcode back to the queue as a new attempt; an older run still going sees the new attempt and stops. */
export async function requeueTranscode(payload: Payload, record: VideoTranscode, req?: PayloadRequest): Promise<VideoTranscode> {
  if (record.job) {
    // The old job may still be marked processing (its process was killed): close it so nothing runs it twice.
    await payload.jobs.cancelByID({ id: record.job, req, overrideAccess: true }).catch(() => {})
  }
  await removePartialOutputs(record.id)
  const attempt = (record.attempt ?? 1) + 1
  const queued = await payload.update({
    collection: 'video-transcodes',
    id: record.id,
    data: {
      status: 'queued',
      progress: 0,
      attempt,
      cancelRequested: false,
      worker: null,
      heartbeatAt: null,
      startedAt: null,
      finishedAt: null,
      error: { code: null, zh: null, en: null, detail: null },
    },
    depth: 0,
    req,
    overrideAccess: true,
  })
  const job = await queueJob(req, payload, record.id)
  return payload.update({ collection: 'video-transcodes', id: record.id, data: { job }, depth: 0, req, overrideAccess: true }).then(() => ({ ...queued, job }))
}

/** Records a failure; the admin shows `failure` and offers a retry. */
export async function markFailed(payload: Payload, id: Id, failure: TranscodeFailure, req?: PayloadRequest): Promise<VideoTranscode> {
  return payload.update({
    collection: 'video-transcodes',
    id,
    data: {
      status: 'failed',
      cancelRequested: false,
      worker: null,
      finishedAt: new Date().toISOString(),
      error: { code: failure.code, zh: failure.zh, en: failure.en, detail: failure.detail ?? null },
    },
    depth: 0,
    req,
    overrideAccess: true,
  })
}

/**
 * Cancels a transcode. A queued one fails at once; a running one is stopped by its worker within
 * about two seconds (at once when it runs in this process), which removes its partial outputs.
 */
export async function cancelTranscode(payload: Payload, record: VideoTranscode, by?: string, req?: PayloadRequest): Promise<VideoTranscode> {
  if (record.status === 'queued') {
    if (record.job) await payload.jobs.cancelByID({ id: record.job, req, overrideAccess: true }).catch(() => {})
    return markFailed(payload, record.id, TRANSCODE_CANCELLED(by), req)
  }
  const updated = await payload.update({ collection: 'video-transcodes', id: record.id, data: { cancelRequested: true }, depth: 0, req, overrideAccess: true })
  runningTranscodes().get(String(record.id))?.abort(new TranscodeStopped('cancelled', by))
  return updated
}

/** Why a running transcode was stopped from outside. */
export class TranscodeStopped extends Error {
  constructor(
    readonly reason: 'cancelled' | 'superseded',
    readonly by?: string,
  ) {
    super(`transcode ${reason}`)
    this.name = 'TranscodeStopped'
  }
}

/**
 * Finds transcodes whose run died with its process (killed, crashed, restarted) and queues them
 * again: processing with a worker that is gone (a dead pid on this host) or silent for
 * STALE_AFTER, or queued with a job that no longer exists or ended without running it.
 */
export async function recoverStalledTranscodes(payload: Payload, now = new Date()): Promise<VideoTranscode[]> {
  const { docs } = await payload.find({
    collection: 'video-transcodes',
    where: { status: { in: ['queued', 'processing'] } },
    depth: 0,
    limit: 200,
    overrideAccess: true,
  })
  const recovered: VideoTranscode[] = []
  for (const record of docs) {
    let stalled = false
    if (record.status === 'processing') {
      const heartbeat = record.heartbeatAt ? new Date(record.heartbeatAt).getTime() : 0
      stalled = (record.worker ? workerIsGone(record.worker) : false) || now.getTime() - heartbeat > STALE_AFTER
    } else {
      stalled = await jobIsGone(payload, record.job)
    }
    if (!stalled) continue
    payload.logger.warn({ transcode: record.id, source: record.source, worker: record.worker }, 'media: requeueing a transcode whose run died')
    recovered.push(await requeueTranscode(payload, record))
  }
  return recovered
}

async function jobIsGone(payload: Payload, jobId: string | null | undefined): Promise<boolean> {
  if (!jobId) return true
  const job = await payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0, disableErrors: true, overrideAccess: true }).catch(() => null)
  return !job || Boolean(job.completedAt) || Boolean(job.hasError)
}

/**
 * A new source replaces an unpublished one: transcodes of sources that are neither `keep` (the
 * new upload, the live version's) are stopped and their outputs removed. Payload itself deletes
 * the replaced draft file, so there is nothing left for them to read.
 */
export async function dropReplacedTranscodes(req: PayloadRequest, videoId: Id, keep: string[]): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'video-transcodes',
    where: { and: [{ video: { equals: videoId } }, { source: { not_in: keep } }] },
    depth: 0,
    limit: 100,
    req,
    overrideAccess: true,
  })
  for (const record of docs) await deleteTranscode(req.payload, record, req)
}

/** Removes a transcode entirely: stops its run, deletes its outputs and its record. */
export async function deleteTranscode(payload: Payload, record: VideoTranscode, req?: PayloadRequest): Promise<void> {
  runningTranscodes().get(String(record.id))?.abort(new TranscodeStopped('superseded'))
  if (record.job && (record.status === 'queued' || record.status === 'processing')) {
    await payload.jobs.cancelByID({ id: record.job, req, overrideAccess: true }).catch(() => {})
  }
  await payload.delete({ collection: 'video-transcodes', id: record.id, req, overrideAccess: true })
  await removeOutputs(record.id)
}

/** URLs of a ready transcode's outputs, below /api/promo-videos/outputs/<transcode id>/. */
export function videoOutputUrls(payload: Payload, record: Pick<VideoTranscode, 'id' | 'output'>): VideoUrls | null {
  const manifest = record.output?.manifest as StoredManifest | null | undefined
  if (!manifest) return null
  const base = `${payload.config.serverURL ?? ''}${payload.config.routes.api}/promo-videos/outputs/${record.id}`
  return {
    hls: `${base}/${manifest.hlsMaster ?? HLS_MASTER_FILE}`,
    mp4: `${base}/${manifest.mp4 ?? MP4_FILE}`,
    poster: `${base}/${manifest.poster ?? POSTER_FILE}`,
    posterSizes: (manifest.posters ?? []).map((size) => ({ width: size.width, height: size.height, jpeg: `${base}/${size.jpeg}`, webp: `${base}/${size.webp}` })),
  }
}

/** What staff see of a transcode (the admin's status panel, GET …/transcode). */
export function transcodeView(payload: Payload, record: VideoTranscode | null): TranscodeView {
  if (!record) {
    return { id: null, status: 'none', statusLabel: { zh: '无视频', en: 'No video' }, progress: 0, attempt: 0, error: null, cancelRequested: false, updatedAt: null, output: null, urls: null }
  }
  const ready = record.status === 'ready'
  return {
    id: record.id,
    status: record.status,
    statusLabel: TRANSCODE_STATUS_LABELS[record.status],
    progress: ready ? 100 : Math.max(0, Math.min(99, Math.floor(record.progress ?? 0))),
    attempt: record.attempt ?? 1,
    error: record.status === 'failed' && record.error?.code ? { code: record.error.code, zh: record.error.zh ?? '', en: record.error.en ?? '', detail: record.error.detail ?? null } : null,
    cancelRequested: Boolean(record.cancelRequested),
    updatedAt: record.updatedAt,
    output: ready
      ? {
          durationSeconds: record.output?.durationSeconds ?? null,
          width: record.output?.width ?? null,
          height: record.output?.height ?? null,
          sizeBytes: record.output?.sizeBytes ?? null,
        }
      : null,
    urls: ready ? videoOutputUrls(payload, record) : null,
  }
}
