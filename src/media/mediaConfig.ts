import os from 'node:os'
import path from 'node:path'

import type { Config } from 'payload'

import { setting } from '@/config/settings'

import type { X264Preset } from './transcode'

/**
 * Where media lives and how much of it is accepted. Everything has a working default; the
 * environment overrides it (see README, "Media").
 */

const GIB = 1024 ** 3
const MIB = 1024 ** 2

/** The media folder: uploads and everything made from them. `YIXUN_MEDIA_DIR`, default `./media`. */
export function mediaRoot(): string {
  return path.resolve(setting('YIXUN_MEDIA_DIR')!)
}

/** The folders of the media root, one per kind of file. */
export const mediaDirs = () => {
  const root = mediaRoot()
  return {
    root,
    images: path.join(root, 'images'),
    brochures: path.join(root, 'brochures'),
    videoSources: path.join(root, 'videos', 'sources'),
    /** One folder per transcode, named by its id; written in one rename (see transcode.ts). */
    videoOutputs: path.join(root, 'videos', 'outputs'),
    /** Uploads stream here before they are checked; on the same disk, so moving them is cheap. */
    uploads: path.join(root, '.uploads'),
  }
}

/** Upload limits in bytes (and pixels), read when used so a test or an operator can change them. */
export const mediaLimits = () => ({
  videoBytes: setting('YIXUN_VIDEO_MAX_BYTES'),
  pdfBytes: setting('YIXUN_PDF_MAX_BYTES'),
  imageBytes: setting('YIXUN_IMAGE_MAX_BYTES'),
  /** 100 megapixels by default: above any phone camera, far below a decompression bomb. */
  imagePixels: setting('YIXUN_IMAGE_MAX_PIXELS'),
})

/** Transcodes one server runs at once (`YIXUN_TRANSCODE_CONCURRENCY`, default 1: one encode fills two cores). */
export function transcodeConcurrency(): number {
  return setting('YIXUN_TRANSCODE_CONCURRENCY')
}

/** libx264 preset of the pipeline (`YIXUN_TRANSCODE_PRESET`, default veryfast: ~3× real time at 720p on two cores). */
export function transcodePreset(): X264Preset {
  return setting('YIXUN_TRANSCODE_PRESET') as X264Preset
}

const formatSize = (bytes: number) =>
  bytes >= GIB ? `${+(bytes / GIB).toFixed(1)} GB` : bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.ceil(bytes / 1024)} KB`

/** Payload's message for an upload cut off at the limit; `explainUploadLimit` turns it into Yixun's answer. */
export const UPLOAD_LIMIT_MESSAGE = 'UPLOAD_TOO_LARGE'

/** The largest upload any collection accepts (bytes): the limit while the upload streams in. */
export const largestUpload = () => {
  const limits = mediaLimits()
  return Math.max(limits.videoBytes, limits.pdfBytes, limits.imageBytes)
}

/**
 * Payload's multipart options (config.upload, shared by every upload collection): files stream to
 * temp files on disk instead of memory, so a 2 GB video costs the server no more than a small one.
 * The byte limit here is the largest any collection accepts; each collection checks its own.
 * No functions in here: Payload hands config.upload to the admin's client components.
 */
export function mediaUploadOptions(): NonNullable<Config['upload']> {
  const largest = largestUpload()
  return {
    useTempFiles: true,
    tempFileDir: mediaDirs().uploads,
    limits: { fileSize: largest, files: 1 },
    // The form fields around the file (`_payload` JSON) are small; allow a megabyte for them.
    requestSizeLimit: largest + MIB,
    abortOnLimit: true,
    responseOnLimit: UPLOAD_LIMIT_MESSAGE,
  }
}

/** A scratch folder for work files (covers being rendered, Local API uploads being checked). */
export function scratchDir(): string {
  return path.join(os.tmpdir(), 'yixun-media')
}

export { formatSize }
