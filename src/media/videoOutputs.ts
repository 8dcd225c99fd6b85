import type { Payload } from 'payload'

import { documentId, refId } from '@/content/ids'

import type { LocalisedMessages } from './MediaRejection'
import { fileWithin, serveFile } from './serveFile'
import { outputDirOf, type StoredManifest } from './transcodes'

export type VideoOutputRequest = {
  payload: Payload
  /** The signed-in staff account, if any (Payload's `req.user`, or `payload.auth` in a custom server). */
  user: unknown
  method: string
  headers: Headers
  transcodeId: string
  /** The path below the transcode's folder, one array element per segment. */
  file: string[]
}

/** One path segment of an output file: letters, digits, `-`, `_`, `.`; never `.` or `..`. */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/
const ID = /^[A-Za-z0-9_-]{1,64}$/

function refusal(headers: Headers, status: number, code: string, messages: LocalisedMessages): Response {
  const english = (headers.get('accept-language') ?? '').startsWith('en')
  return Response.json({ errors: [{ code, message: english ? messages.en : messages.zh }] }, { status, headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } })
}

/**
 * Answers GET/HEAD /api/promo-videos/outputs/<transcode>/<file>: HLS playlists and segments, the
 * MP4, the posters. Staff see any ready transcode; anyone else only the one of a published video's
 * live version, which is what the feed links to. Nothing is served before the transcode is ready
 * (so a half-written folder never is), and only files its manifest lists.
 */
export async function answerVideoOutput({ payload, user, method, headers, transcodeId, file }: VideoOutputRequest): Promise<Response> {
  const notFound = () => refusal(headers, 404, 'NOT_FOUND', { zh: '找不到该文件。', en: 'No such file.' })
  if (!ID.test(transcodeId) || !file.length || !file.every((segment) => SEGMENT.test(segment))) return notFound()
  const id = documentId(payload, transcodeId)
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return notFound()
  const relative = file.join('/')

  const transcode = await payload.findByID({ collection: 'video-transcodes', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!transcode || transcode.status !== 'ready') return notFound()
  const manifest = transcode.output?.manifest as StoredManifest | undefined
  const listed = new Set([...(manifest?.files ?? []).map((entry) => entry.path), ...(manifest?.posters ?? []).flatMap((size) => [size.jpeg, size.webp])])
  if (!listed.has(relative)) return notFound()

  if (!user) {
    const live = await payload.findByID({ collection: 'promo-videos', id: refId(transcode.video)!, draft: false, depth: 0, overrideAccess: true, disableErrors: true })
    if (!live || live._status !== 'published' || live.filename !== transcode.source) {
      return refusal(headers, 401, 'UNAUTHENTICATED', { zh: '该视频尚未发布，请先登录。', en: 'This video is not published; sign in first.' })
    }
  }
  const path = await fileWithin(outputDirOf(transcode.id), relative)
  if (!path) return notFound()
  return serveFile(path, {
    method,
    headers,
    // A ready transcode's files never change (a new upload gets a new transcode); public caching stays short so a withdrawal takes effect.
    cacheControl: user ? 'private, no-store' : 'public, max-age=300',
  })
}

const OUTPUT_PATH = /^\/api\/promo-videos\/outputs\/([^/]+)\/(.+)$/

/**
 * For a custom Node server in front of Next (src/server.ts answers the feed that way): answers an
 * output request itself, or returns null for any other path. Next 16 drops Content-Length from
 * route-handler responses; served from here, ranges keep exact lengths, which some players need.
 */
export async function handleVideoOutputRequest(payload: Payload, { method, path, headers }: { method: string; path: string; headers: Headers }): Promise<Response | null> {
  const match = OUTPUT_PATH.exec(path)
  if (!match || (method !== 'GET' && method !== 'HEAD')) return null
  let file: string[]
  let transcodeId: string
  try {
    file = match[2]!.split('/').map(decodeURIComponent)
    transcodeId = decodeURIComponent(match[1]!)
  } catch {
    // A malformed percent or UTF-8 sequence (`%C0%AE`): the client's mistake, not a missing file.
    return refusal(headers, 400, 'INVALID_PATH', { zh: '文件地址的编码不正确。', en: 'The file URL is not correctly percent-encoded.' })
  }
  const { user } = await payload.auth({ headers }).catch(() => ({ user: null }))
  return answerVideoOutput({ payload, user, method, headers, transcodeId, file })
}
