import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import { YixunError } from '@/errors'

import { scratchDir } from './mediaConfig'
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

/** Characters no stored name keeps: path separators, controls, and those with meaning in URLs or shells. */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*%#&;$`'{}[\]^~+=,!@]/g

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
