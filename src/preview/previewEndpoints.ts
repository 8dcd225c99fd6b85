import type { Endpoint, PayloadRequest } from 'payload'

import { YixunError } from '@/errors'
import type { PublishableCollection } from '@/workflow/states'

import { previewAudience } from './links'
import { loadPreview } from './previewData'

type Messages = { zh: string; en: string }

const refuse = (req: PayloadRequest, code: string, status: number, messages: Messages) => {
  const error = new YixunError(code, status, messages, req.i18n?.language ?? req.headers.get('accept-language') ?? undefined)
  return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
}

/**
 * GET  /api/<collection>/<id>/preview?audience=patient|doctor        the preview of the latest version (staff)
 * POST /api/<collection>/<id>/preview?audience=… {data: form values} the same with unsaved edits laid over it
 * The live-preview page calls POST as the editor types. App keys are no staff session: they get 401.
 */
export function previewEndpoints(collection: PublishableCollection): Endpoint[] {
  const handler = async (req: PayloadRequest) => {
    if (!req.user) return refuse(req, 'UNAUTHENTICATED', 401, { zh: '请先登录。', en: 'Sign in first.' })
    let data: Record<string, unknown> | null = null
    if (req.method === 'POST') {
      const body = (await req.json?.().catch(() => null)) as { data?: unknown } | null
      if (!body || typeof body.data !== 'object' || body.data === null || Array.isArray(body.data)) {
        return refuse(req, 'INVALID_DATA', 422, { zh: 'data 必须是表单内容对象。', en: '"data" must be an object of form values.' })
      }
      data = body.data as Record<string, unknown>
    }
    const preview = await loadPreview(req.payload, {
      collection,
      id: req.routeParams?.id,
      user: req.user,
      audience: previewAudience(req.searchParams?.get('audience')),
      data,
    })
    if (!preview) return refuse(req, 'NOT_FOUND', 404, { zh: '找不到该内容。', en: 'No such item.' })
    return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } })
  }
  return [
    { path: '/:id/preview', method: 'get', handler },
    { path: '/:id/preview', method: 'post', handler },
  ]
}
