import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

/** Content types by extension. Only files Yixun wrote or checked by content are served, so the name tells the truth. */
const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
}

export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'

/**
 * `file` inside `root`, or null: resolves the path and refuses anything that leaves the folder
 * (`..`, absolute paths, symlinks pointing out), so no name from a URL or the database reaches
 * another file.
 */
export async function fileWithin(root: string, relative: string): Promise<string | null> {
  if (!relative || relative.includes('\0')) return null
  const base = path.resolve(root)
  const file = path.resolve(base, relative)
  if (!file.startsWith(base + path.sep)) return null
  try {
    const [realBase, realFile] = await Promise.all([fs.realpath(base), fs.realpath(file)])
    return realFile.startsWith(realBase + path.sep) ? realFile : null
  } catch {
    return null
  }
}

/** `Content-Disposition` with an ASCII fallback and the real (possibly Chinese) name per RFC 6266 / 5987. */
export function contentDisposition(name: string, type: 'inline' | 'attachment' = 'inline'): string {
  const base = path.basename(name).replace(/[\u0000-\u001f\u007f"\\]/g, '')
  const ascii = base.replace(/[^\x20-\x7e]/g, '_') || 'download'
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base)}`
}

export type ServeOptions = {
  method?: string
  headers: Headers
  /** e.g. `public, max-age=300` for what the apps may cache, `private, no-store` for staff-only files. */
  cacheControl: string
  downloadName?: string
}

type Range = { start: number; end: number }

/**
 * The one `Range` form players send: a single `bytes=a-b`, `bytes=a-` or `bytes=-n`. Returns null
 * for no header, 'unsatisfiable' for a range outside the file or one that cannot be read.
 */
export function parseRange(header: string | null, size: number): Range | 'unsatisfiable' | null {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (!match[1] && !match[2])) return 'unsatisfiable'
  let start: number
  let end: number
  if (!match[1]) {
    const suffix = Number(match[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

/**
 * Answers a GET or HEAD for a file with the headers the apps and browsers need: the right type
 * and `nosniff` (nothing is ever guessed into HTML), byte ranges (206, 416) so players can seek,
 * validators for caching, and a download name that cannot break out of its header.
 */
export async function serveFile(file: string, { method = 'GET', headers: requestHeaders, cacheControl, downloadName }: ServeOptions): Promise<Response> {
  const stat = await fs.stat(file)
  const type = contentTypeOf(file)
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers = new Headers({
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    'Content-Disposition': contentDisposition(downloadName ?? path.basename(file)),
  })
  // Media is shown, never run: no scripts even if a browser opened a file as a page (PDF viewers excepted).
  if (type !== 'application/pdf') headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")

  if (requestHeaders.get('if-none-match') === etag) return new Response(null, { status: 304, headers })

  const range = parseRange(requestHeaders.get('range'), stat.size)
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${stat.size}`)
    headers.delete('Content-Disposition')
    return new Response(null, { status: 416, headers })
  }
  const { start, end } = range ?? { start: 0, end: stat.size - 1 }
  headers.set('Content-Length', String(stat.size === 0 ? 0 : end - start + 1))
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${stat.size}`)
  const status = range ? 206 : 200
  if (method.toUpperCase() === 'HEAD' || stat.size === 0) return new Response(null, { status, headers })
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>
  return new Response(body, { status, headers })
}
