import type { Endpoint, PayloadRequest } from 'payload'

import { apiKeyHint, hashApiKey, newApiKey, newWebhookSecret } from '@/apps/apiKeys'
import { hasRole } from '@/auth/roles'
import { documentId } from '@/content/ids'
import { YixunError } from '@/errors'

const forbidden = (req: PayloadRequest) =>
  new YixunError(req.user ? 'FORBIDDEN' : 'UNAUTHENTICATED', req.user ? 403 : 401, { zh: '只有系统管理员可以管理应用密钥。', en: 'Only an administrator can manage app keys.' }, req.i18n?.language)

const clientId = (req: PayloadRequest) => documentId(req.payload, req.routeParams?.id ?? '')

const answer = (error: unknown) => {
  if (error instanceof YixunError) return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status: error.status })
  throw error
}

/** POST /api/app-clients/:id/rotate-key and /rotate-webhook-secret: the new value is shown once. */
export const rotateCredentials: Endpoint[] = [
  {
    path: '/:id/rotate-key',
    method: 'post',
    handler: async (req) => {
      try {
        if (!hasRole(req.user, 'admin')) throw forbidden(req)
        const apiKey = newApiKey()
        await req.payload.update({
          collection: 'app-clients',
          id: clientId(req),
          data: { apiKeyHash: hashApiKey(apiKey), apiKeyHint: apiKeyHint(apiKey), apiKeyIssuedAt: new Date().toISOString() },
          req,
          overrideAccess: true,
        })
        return Response.json({ apiKey, message: 'The previous key stopped working now. This key is shown only once.' })
      } catch (error) {
        return answer(error)
      }
    },
  },
  {
    path: '/:id/rotate-webhook-secret',
    method: 'post',
    handler: async (req) => {
      try {
        if (!hasRole(req.user, 'admin')) throw forbidden(req)
        const webhookSecret = newWebhookSecret()
        await req.payload.update({ collection: 'app-clients', id: clientId(req), data: { webhookSecret }, req, overrideAccess: true })
        return Response.json({ webhookSecret, message: 'Deliveries are signed with this secret from now on. It is shown only once.' })
      } catch (error) {
        return answer(error)
      }
    },
  },
]
