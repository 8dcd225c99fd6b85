import { type CollectionSlug, type Endpoint, headersWithCors, restoreVersionOperation } from 'payload'

/**
 * POST /api/<collection>/versions/:id, mounted before Payload's own route of the same path: the
 * same restore, always as a draft (the admin's "Restore this version" sends `?draft=false`). The
 * live version stays as approved; the restored content waits in the working copy for review.
 */
export const restoreAsDraftEndpoint: Endpoint = {
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    const depth = Number(req.searchParams.get('depth'))
    const result = await restoreVersionOperation({
      id: String(req.routeParams?.id ?? ''),
      collection: req.payload.collections[req.routeParams?.collection as CollectionSlug],
      depth: Number.isInteger(depth) && depth >= 0 ? depth : undefined,
      draft: true,
      req,
    })
    return Response.json({ ...result, message: req.t('version:restoredSuccessfully') }, { headers: headersWithCors({ headers: new Headers(), req }), status: 200 })
  },
}
