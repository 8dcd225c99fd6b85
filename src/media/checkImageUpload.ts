import type { CollectionBeforeOperationHook } from 'payload'

import { normaliseImage } from './inspectImage'
import { formatSize, mediaLimits } from './mediaConfig'
import { asUploadRefusal, readUpload, replaceUpload, safeUploadName, uploadRefusal } from './uploadedFile'

const EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' } as const

/**
 * An image is judged by its bytes: SVG (it can carry scripts), anything that is not an image and
 * anything over the pixel limit is refused with a stable code. What is stored is turned upright
 * by its EXIF orientation and stripped of all metadata (a phone photo's GPS position must never
 * be published); Payload then makes the sizes from these clean bytes.
 */
export const checkImageUpload: CollectionBeforeOperationHook<'media'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const limits = mediaLimits()
  if (file.size > limits.imageBytes) {
    throw uploadRefusal(req, 'IMAGE_FILE_TOO_LARGE', 413, {
      zh: `图片文件超过 ${formatSize(limits.imageBytes)} 的上限。`,
      en: `The image file is larger than the ${formatSize(limits.imageBytes)} limit.`,
    })
  }
  try {
    const image = await normaliseImage(await readUpload(file), { limitInputPixels: limits.imagePixels })
    await replaceUpload(file, image.buffer)
    file.name = safeUploadName(file.name, EXTENSIONS[image.format])
    file.mimetype = image.mime
  } catch (error) {
    throw asUploadRefusal(req, error)
  }
  return args
}
