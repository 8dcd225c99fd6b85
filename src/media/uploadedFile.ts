import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { AfterErrorHook, CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { YixunError } from '@/errors'

import { mediaDirs, scratchDir } from './mediaConfig'
import { isMediaRejection, type LocalisedMessages } from './MediaRejection'

export type UploadedFile = NonNullable<PayloadRequest['file']>

/**
 * Runs `use` with a path to the uploaded bytes: the temp file Payload streamed the upload to, or
 * (Local API callers hand over a buffer) a scratch copy that is removed afterwards.
 */
export async function withUploadOnDisk<T>(file: UploadedFile, use: (filePath: string) => Promise<T>): Promise<T> {
  if (file.tempFilePath && (!file.data || file.data.length === 0)) return use(file.tempFilePath)
  await fs.mkdir(scratchDir(), { recursive: true })
  const copy = path.join(scratchDir(), `upload-${randomBytes(8).toString('hex')}`)
  await fs.writeFile(copy, file.data)
  try {
    return await use(copy)
  } finally {
    await fs.rm(copy, { force: true })
  }
}

/** The uploaded bytes in memory; only for kinds of file whose size limit keeps this cheap. */
export async function readUpload(file: UploadedFile): Promise<Buffer> {
  if (file.data && file.data.length > 0) return file.data
  if (file.tempFilePath) return fs.readFile(file.tempFilePath)
  return Buffer.alloc(0)
}

/** Replaces the upload's bytes (a normalised image) wherever Payload will read them from. */
export async function replaceUpload(file: UploadedFile, bytes: Buffer): Promise<void> {
  if (file.tempFilePath && (!file.data || file.data.length === 0)) await fs.writeFile(file.tempFilePath, bytes)
  else file.data = bytes
  file.size = bytes.length
}

/**
 * Characters no stored name keeps: path separators, those with meaning in URLs or shells, controls
 * (C0, C1), invisible format characters — bidirectional overrides and isolates (U+202A–202E,
 * U+2066–2069, which make `gpj.exe` read as `exe.jpg`), zero-width characters, byte order marks —
 * and line or paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*%#&;$`'{}[\]^~+=,!@]/gu

/**
 * The name a file is stored and downloaded under: the upload's own name without any folder part,
 * stripped of unsafe characters and leading dots, at most 80 characters, with the extension that
 * matches its content (a video sent as `notice.html` is stored as `notice.mp4`). Payload then
 * sanitises it again and makes it unique in the collection's folder.
 */
export function safeUploadName(original: string, extension: string): string {
  const base = original.split(/[/\\]/).pop() ?? ''
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base
  const cleaned = stem
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '')
    .slice(0, 80)
  return `${cleaned || 'upload'}.${extension}`
}

/** The caller's language, as Yixun's errors use it (Chinese unless English is asked for). */
export const requestLanguage = (req: PayloadRequest): string | undefined => req.i18n?.language ?? req.headers?.get('accept-language') ?? undefined

/** A refusal of an upload with a stable code and the message in the caller's language. */
export function uploadRefusal(req: PayloadRequest, code: string, status: number, messages: LocalisedMessages): YixunError {
  return new YixunError(code, status, messages, requestLanguage(req))
}

/** Turns the media library's MediaRejection into the 4xx REST answer; anything else passes through. */
export function asUploadRefusal(req: PayloadRequest, error: unknown): unknown {
  if (isMediaRejection(error)) {
    if (error.detail) req.payload.logger.info({ code: error.code, detail: error.detail }, 'upload refused')
    return uploadRefusal(req, error.code, error.status, error.messages)
  }
  return error
}

/** Removes the temp files of every multipart part of the request and forgets their paths. */
async function removeTempParts(req: PayloadRequest | undefined): Promise<void> {
  const parts = Object.values(req?.files ?? {}).flat() as Array<{ tempFilePath?: string } | undefined>
  await Promise.all(
    parts.map(async (part) => {
      if (!part?.tempFilePath) return
      await fs.rm(part.tempFilePath, { force: true })
      // Payload's own clean-up then has nothing left to unlink (it would fail on a missing file).
      part.tempFilePath = undefined
    }),
  )
}

/**
 * Upload temp files were left in the uploads folder after every stored upload (measured: one per
 * upload, Payload 3.90.1 with `useTempFiles`). Once a create or update has copied the file into
 * place (and made its sizes), the temp file has served its purpose.
 */
export const removeTempFilesAfterUpload: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') await removeTempParts(req)
  return result
}

/** A request that fails — before the operation too (a `_payload` that is not JSON, a refused id) — leaves no temp file. */
export const removeUploadTempFiles: AfterErrorHook = async ({ req }) => {
  await removeTempParts(req)
}

/** A temp file this long untouched belongs to no request any more (ms): uploads write continuously, and checks take seconds. */
export const ABANDONED_UPLOAD_AGE = 60 * 60 * 1000

/** Removes abandoned upload temp files (what a crash or a successful request with stray parts left behind); returns how many. */
export async function sweepUploadTempFiles(now = Date.now()): Promise<number> {
  const dir = mediaDirs().uploads
  const names = await fs.readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const file = path.join(dir, name)
    const stat = await fs.stat(file).catch(() => null)
    if (stat?.isFile() && now - stat.mtimeMs > ABANDONED_UPLOAD_AGE) {
      await fs.rm(file, { force: true })
      removed++
    }
  }
  return removed
}
