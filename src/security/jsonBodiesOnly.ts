import type { Endpoint, Plugin, PayloadRequest } from 'payload'

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i

const WRITES = new Set(['post', 'put', 'patch', 'delete'])

/**
 * 415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON. An HTML form of another site can POST
 * text/plain (even text that parses as JSON), form-encoded or multipart bodies without the
 * browser asking first; JSON bodies cannot cross sites that way. A request without a body (no
 * Content-Type) passes: the origin check in src/security/headers.ts guards those.
 */
export function refuseNonJsonBody(req: PayloadRequest): Response | null {
  const contentType = req.headers.get('content-type')
  if (!contentType || JSON_TYPE.test(contentType)) return null
  const english = req.i18n?.language?.startsWith('en') ?? req.headers.get('accept-language')?.toLowerCase().startsWith('en')
  const message = english ? 'Send the body as application/json.' : '请以 application/json 格式发送请求体。'
  return Response.json({ errors: [{ code: 'UNSUPPORTED_MEDIA_TYPE', message }] }, { status: 415 })
}

const jsonOnly = (endpoint: Endpoint): Endpoint =>
  WRITES.has(endpoint.method)
    ? { ...endpoint, handler: async (req) => refuseNonJsonBody(req) ?? endpoint.handler(req) }
    : endpoint

/** Makes every endpoint Yixun adds (root and collection endpoints, not Payload's own) JSON-only for writes. */
export const jsonBodiesOnly: Plugin = (config) => ({
  ...config,
  endpoints: (config.endpoints ?? []).map(jsonOnly),
  collections: (config.collections ?? []).map((collection) =>
    Array.isArray(collection.endpoints) ? { ...collection, endpoints: collection.endpoints.map(jsonOnly) } : collection,
  ),
})
