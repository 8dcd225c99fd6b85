import type { Endpoint } from 'payload'

/** POST /api/feed/events — view/click/dismiss batches from the apps. STUB: the ingestion work fills it in. */
export const ingestEventsEndpoint: Endpoint = {
  path: '/feed/events',
  method: 'post',
  handler: async () => Response.json({ errors: [{ code: 'NOT_IMPLEMENTED', message: 'Not implemented yet' }] }, { status: 501 }),
}
