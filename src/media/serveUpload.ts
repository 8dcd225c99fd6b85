import type { CollectionSlug, PayloadRequest } from 'payload'

import { fileWithin, serveFile } from './serveFile'

/**
 * Takes over /api/<collection>/file/<name> once Payload's access check has passed (an upload
 * `handlers` entry): the same headers as every other media file (nosniff, exact type, ranges,
 * safe Content-Disposition), and a name that cannot leave the collection's folder.
 */
export async function serveUpload(req: PayloadRequest, { params }: { params: { collection: string; filename: string } }): Promise<Response> {
  const upload = req.payload.collections[params.collection as CollectionSlug]?.config.upload
  const file = upload ? await fileWithin(upload.staticDir ?? params.collection, params.filename) : null
  if (!file) {
    return Response.json({ errors: [{ code: 'NOT_FOUND', message: 'No such file.' }] }, { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } })
  }
  return serveFile(file, {
    method: req.method,
    headers: req.headers,
    // Without a staff session the access check only lets published files through: those may be cached a little.
    cacheControl: req.user ? 'private, no-store' : 'public, max-age=300',
  })
}
