import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '@/auth/roles'
import { YixunError } from '@/errors'
import { redeliver } from '@/webhooks/redeliver'

const refusal = (req: PayloadRequest) =>
  new YixunError(req.user ? 'FORBIDDEN' : 'UNAUTHENTICATED', req.user ? 403 : 401, { zh: '只有系统管理员可以重新推送 Webhook。', en: 'Only an administrator can redeliver a webhook.' }, req.i18n?.language)

const notFound = (req: PayloadRequest) => new YixunError('NOT_FOUND', 404, { zh: '找不到该推送记录。', en: 'No such webhook delivery.' }, req.i18n?.language)

/**
 * POST /api/webhook-deliveries/:id/redeliver — sends the delivery again with the same event id and
 * body (receivers drop it if they already have it). 202: queued; the record shows the outcome.
 */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req) => {
    try {
      if (!hasRole(req.user, 'admin')) throw refusal(req)
      const delivery = await redeliver(req, req.routeParams?.id)
      if (!delivery) throw notFound(req)
      return Response.json({ id: delivery.id, eventId: delivery.eventId, status: delivery.status }, { status: 202 })
    } catch (error) {
      if (error instanceof YixunError) return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status: error.status })
      throw error
    }
  },
}
