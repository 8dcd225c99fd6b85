import type { Endpoint, PayloadRequest } from 'payload'

import { isWithinDepartmentScope } from '@/access/departmentScope'
import { hasRole } from '@/auth/roles'
import { YixunError } from '@/errors'
import type { LocalisedMessages } from '@/media/MediaRejection'
import { TRANSCODE_STATUS_LABELS } from '@/media/transcodeStatus'
import { cancelTranscode, findTranscode, requeueTranscode, transcodeView } from '@/media/transcodes'
import { uploadRefusal } from '@/media/uploadedFile'
import { answerVideoOutput } from '@/media/videoOutputs'
import type { PromoVideo, VideoTranscode } from '@/payload-types'

const fail = uploadRefusal

const asResponse = (error: unknown) => {
  if (error instanceof YixunError) {
    return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status: error.status, headers: { 'X-Content-Type-Options': 'nosniff' } })
  }
  throw error
}

const NOT_FOUND: LocalisedMessages = { zh: '找不到该视频。', en: 'No such video.' }

function routeId(req: PayloadRequest, name: string): number | string {
  const raw = String(req.routeParams?.[name] ?? '')
  if (req.payload.db.defaultIDType !== 'number') {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw fail(req, 'NOT_FOUND', 404, NOT_FOUND)
    return raw
  }
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id < 1) throw fail(req, 'NOT_FOUND', 404, NOT_FOUND)
  return id
}

function requireStaff(req: PayloadRequest) {
  if (!req.user) throw fail(req, 'UNAUTHENTICATED', 401, { zh: '请先登录。', en: 'Sign in first.' })
}

/** The working copy (latest version) of the video and the transcode of its source. */
async function workingVideo(req: PayloadRequest): Promise<{ video: PromoVideo; transcode: VideoTranscode | null }> {
  const id = routeId(req, 'id')
  const video = (await req.payload.findByID({ collection: 'promo-videos', id, draft: true, depth: 0, req, overrideAccess: true, disableErrors: true })) as PromoVideo | null
  if (!video) throw fail(req, 'NOT_FOUND', 404, NOT_FOUND)
  const transcode = video.filename ? await findTranscode(req.payload, video.id, video.filename, req) : null
  return { video, transcode }
}

/** Retrying and cancelling belong to whoever may edit the video (editors within their departments); after requireStaff. */
function requireEditor(req: PayloadRequest, video: PromoVideo) {
  if (!hasRole(req.user, 'admin', 'editor', 'publicity')) {
    throw fail(req, 'WORKFLOW_ROLE_FORBIDDEN', 403, { zh: '您的角色不能管理视频转码。', en: 'Your role may not manage video transcoding.' })
  }
  if (!isWithinDepartmentScope(req.user as never, video.departments)) {
    throw fail(req, 'DEPARTMENT_OUT_OF_SCOPE', 403, { zh: '此视频不属于您负责的科室。', en: 'This video belongs to departments outside your scope.' })
  }
}

const stateText = (transcode: VideoTranscode | null) => {
  const label = transcode ? TRANSCODE_STATUS_LABELS[transcode.status] : { zh: '无', en: 'none' }
  return { zh: label.zh, en: label.en.toLowerCase() }
}

/** Outputs are answered by the media library (also usable by a custom server in front of Next). */
const outputHandler = (req: PayloadRequest) =>
  answerVideoOutput({
    payload: req.payload,
    user: req.user,
    method: req.method ?? 'GET',
    headers: req.headers,
    transcodeId: String(req.routeParams?.transcode ?? ''),
    file: ([] as string[]).concat((req.routeParams?.file as string[] | string | undefined) ?? []),
  })

/**
 * GET  /api/promo-videos/:id/transcode          status, progress, reason of failure, output URLs (staff)
 * POST /api/promo-videos/:id/transcode/retry    queue a failed transcode again
 * POST /api/promo-videos/:id/transcode/cancel   stop a queued or running transcode
 * GET  /api/promo-videos/outputs/:transcode/…   the outputs (HLS, MP4, posters), with byte ranges
 */
export const promoVideoEndpoints: Endpoint[] = [
  {
    path: '/:id/transcode',
    method: 'get',
    handler: async (req) => {
      try {
        requireStaff(req)
        const { transcode } = await workingVideo(req)
        return Response.json(transcodeView(req.payload, transcode), { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  {
    path: '/:id/transcode/retry',
    method: 'post',
    handler: async (req) => {
      try {
        requireStaff(req)
        const { video, transcode } = await workingVideo(req)
        requireEditor(req, video)
        if (!transcode || transcode.status !== 'failed') {
          const state = stateText(transcode)
          throw fail(req, 'TRANSCODE_NOT_FAILED', 409, { zh: `只有失败的转码可以重试（当前：${state.zh}）。`, en: `Only a failed transcode can be retried (it is ${state.en}).` })
        }
        const queued = await requeueTranscode(req.payload, transcode, req)
        return Response.json(transcodeView(req.payload, queued))
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  {
    path: '/:id/transcode/cancel',
    method: 'post',
    handler: async (req) => {
      try {
        requireStaff(req)
        const { video, transcode } = await workingVideo(req)
        requireEditor(req, video)
        if (!transcode || (transcode.status !== 'queued' && transcode.status !== 'processing')) {
          const state = stateText(transcode)
          throw fail(req, 'TRANSCODE_NOT_RUNNING', 409, { zh: `只有排队中或转码中的视频可以取消（当前：${state.zh}）。`, en: `Only a queued or running transcode can be cancelled (it is ${state.en}).` })
        }
        const by = String((req.user as { name?: string; email?: string }).name || (req.user as { email?: string }).email || '')
        const updated = await cancelTranscode(req.payload, transcode, by, req)
        // A queued transcode is cancelled at once; a running one stops within a heartbeat (accepted).
        return Response.json(transcodeView(req.payload, updated), { status: updated.status === 'failed' ? 200 : 202 })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  { path: '/outputs/:transcode/:file+', method: 'get', handler: outputHandler },
  { path: '/outputs/:transcode/:file+', method: 'head', handler: outputHandler },
]
