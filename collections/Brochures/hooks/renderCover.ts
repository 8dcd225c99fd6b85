import type { CollectionBeforeChangeHook } from 'payload'

import { type CoverFile, renderCoverSizes } from '@/media/brochureCover'
import { withUploadOnDisk } from '@/media/uploadedFile'
import type { Brochure } from '@/payload-types'

import { PDF_FACTS } from './checkPdfUpload'

/** Cover files rendered in this request, waiting for `writeCover` (request context). */
export const COVER_FILES = 'yixunCoverFiles'

/**
 * Renders page 1 of a newly uploaded PDF as the brochure's cover, in responsive sizes (JPEG and
 * WebP), and records them as the upload's `sizes` so Payload serves them under the same access
 * as the PDF and deletes them with it. The bytes are written after the save (writeCover).
 */
export const renderCover: CollectionBeforeChangeHook<Brochure> = async ({ data, originalDoc, req }) => {
  const facts = req.context[PDF_FACTS] as { pageCount: number } | undefined
  if (!facts || !req.file || !data.filename) {
    data.pageCount = originalDoc?.pageCount ?? data.pageCount
    return data
  }
  delete req.context[PDF_FACTS]
  const stem = data.filename.replace(/\.pdf$/i, '')
  const { files } = await withUploadOnDisk(req.file, (pdf) => renderCoverSizes(pdf, stem))
  data.pageCount = facts.pageCount
  data.sizes = Object.fromEntries(
    files.map(({ name, filename, width, height, mimeType, filesize }) => [name, { filename, width, height, mimeType, filesize }]),
  ) as Brochure['sizes']
  req.context[COVER_FILES] = files satisfies CoverFile[]
  return data
}
