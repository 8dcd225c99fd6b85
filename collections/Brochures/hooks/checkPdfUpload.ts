import type { CollectionBeforeOperationHook } from 'payload'

import { inspectPdf } from '@/media/inspectPdf'
import { formatSize, mediaLimits } from '@/media/mediaConfig'
import { asUploadRefusal, readUpload, safeUploadName, uploadRefusal } from '@/media/uploadedFile'

/** The page count of this request's upload, for `renderCover` (request context, server-side only). */
export const PDF_FACTS = 'yixunPdfFacts'

/**
 * A brochure is a PDF by its content, whatever it is called, and a safe one: not encrypted, no
 * scripts, launch actions or embedded files (patients open these on their own phones). A refusal
 * answers 413/415/422 with a stable code before anything is stored.
 */
export const checkPdfUpload: CollectionBeforeOperationHook<'brochures'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const limit = mediaLimits().pdfBytes
  if (file.size > limit) {
    throw uploadRefusal(req, 'PDF_TOO_LARGE', 413, { zh: `PDF 文件超过 ${formatSize(limit)} 的上限。`, en: `The PDF is larger than the ${formatSize(limit)} limit.` })
  }
  try {
    const { pageCount } = await inspectPdf(await readUpload(file))
    req.context[PDF_FACTS] = { pageCount }
  } catch (error) {
    throw asUploadRefusal(req, error)
  }
  file.name = safeUploadName(file.name, 'pdf')
  file.mimetype = 'application/pdf'
  return args
}
