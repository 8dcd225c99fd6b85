import type { Access } from 'payload'

import { publishedImageIds } from '../publishedImages'

/**
 * Staff read every image. Anyone else may fetch the file of an image only while a published
 * item shows it (a notice's image, an event's poster, an image in published rich text): an image
 * uploaded for a draft is not served to the apps before the draft is approved.
 */
export const imageInPublishedContentOrStaff: Access = async ({ req, isReadingStaticFile }) => {
  if (req.user) return true
  if (!isReadingStaticFile) return false
  const ids = await publishedImageIds(req.payload)
  return ids.length > 0 ? { id: { in: ids } } : false
}
