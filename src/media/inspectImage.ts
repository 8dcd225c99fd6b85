import sharp, { type Metadata, type Sharp } from 'sharp'

import { MediaRejection } from './MediaRejection'

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif'

export type ImageInspection = {
  /** Decided from the bytes by libvips, never from the file name. */
  format: ImageFormat
  mime: string
  /** As displayed: EXIF orientation applied, so a phone photo held upright is taller than wide. */
  width: number
  height: number
  /** Frames of an animated GIF/WebP; 1 for a still image. */
  pages: number
  hasAlpha: boolean
}

export type ImageLimits = {
  /** Most pixels (all frames together) to decode; sharp's default stops decompression bombs. */
  limitInputPixels?: number
  /** Most frames of an animation: each is decoded, re-encoded and resized into every size. */
  maxFrames?: number
  /** Most pixels of an animation, all frames together (a few KB of GIF can hold thousands of frames). */
  maxAnimatedPixels?: number
}

/** Animations: a loading spinner or a short banner loop, not a film (that is a promo video). */
export const DEFAULT_MAX_FRAMES = 100
export const DEFAULT_MAX_ANIMATED_PIXELS = 20_000_000

export type NormalisedImage = ImageInspection & { buffer: Buffer }

/** sharp's own default for limitInputPixels (0x3FFF × 0x3FFF). */
export const DEFAULT_PIXEL_LIMIT = 268_402_689

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}

/** Most thumbnail pixels decoded to prove the whole file reads (the size keeps the check cheap). */
const DECODE_CHECK_SIZE = 256

/**
 * Accepts JPEG, PNG, WebP, GIF and AVIF by content. SVG is refused outright (it can carry scripts
 * and sharp rasterises it without complaint); files that are not images, too many pixels, or cut
 * short are refused too.
 */
export async function inspectImage(
  buffer: Buffer | Uint8Array,
  { limitInputPixels = DEFAULT_PIXEL_LIMIT, maxFrames = DEFAULT_MAX_FRAMES, maxAnimatedPixels = DEFAULT_MAX_ANIMATED_PIXELS }: ImageLimits = {},
): Promise<ImageInspection> {
  let metadata: Metadata
  try {
    // Reads the header only: nothing is decoded before the pixel count is known.
    metadata = await sharp(buffer, { limitInputPixels: false }).metadata()
  } catch (error) {
    // An SVG librsvg cannot size still gets the message that tells people what to upload instead.
    const code = looksLikeSvg(buffer) ? 'IMAGE_SVG_REFUSED' : 'IMAGE_NOT_AN_IMAGE'
    throw new MediaRejection(code, { detail: (error as Error).message, cause: error })
  }

  const format = allowedFormat(metadata)
  const pages = metadata.pages ?? 1
  const frameHeight = metadata.pageHeight ?? metadata.height ?? 0
  const pixels = (metadata.width ?? 0) * frameHeight * pages
  if (pixels > limitInputPixels) {
    throw new MediaRejection('IMAGE_TOO_LARGE', { detail: `${metadata.width}×${frameHeight}×${pages} frames > ${limitInputPixels} pixels` })
  }
  // Measured: a 16×16 GIF of 2,000 frames (80 KB) took 45 s to store with its sizes; refused before any decoding.
  if (pages > 1 && (pages > maxFrames || pixels > maxAnimatedPixels)) {
    throw new MediaRejection('IMAGE_ANIMATION_TOO_LARGE', { detail: `${metadata.width}×${frameHeight}×${pages} frames (at most ${maxFrames} frames, ${maxAnimatedPixels} pixels)` })
  }

  try {
    await decoder(buffer, pages, limitInputPixels).resize(DECODE_CHECK_SIZE, DECODE_CHECK_SIZE, { fit: 'inside' }).raw().toBuffer()
  } catch (error) {
    throw new MediaRejection('IMAGE_UNREADABLE', { detail: (error as Error).message, cause: error })
  }

  return {
    format,
    mime: MIME[format],
    width: metadata.autoOrient?.width ?? metadata.width ?? 0,
    height: metadata.autoOrient?.height ?? frameHeight,
    pages,
    hasAlpha: Boolean(metadata.hasAlpha),
  }
}

/**
 * What gets stored and published: turned upright by its EXIF orientation, with every piece of
 * metadata removed (a phone photo's EXIF can hold the GPS position of a patient's home), in the
 * format it came in.
 */
export async function normaliseImage(buffer: Buffer | Uint8Array, limits: ImageLimits = {}): Promise<NormalisedImage> {
  const inspection = await inspectImage(buffer, limits)
  let pipeline = decoder(buffer, inspection.pages, limits.limitInputPixels ?? DEFAULT_PIXEL_LIMIT)
  // Animated images carry no EXIF orientation, and sharp cannot turn multi-frame images.
  if (inspection.pages === 1) pipeline = pipeline.rotate()
  // sharp writes no EXIF, XMP, IPTC or ICC unless asked (withMetadata / keepMetadata), and is not.
  const output = await encodeAs(pipeline, inspection.format).toBuffer()
  return { ...inspection, buffer: output }
}

function allowedFormat(metadata: Metadata): ImageFormat {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return metadata.format
    case 'heif':
      // sharp's prebuilt libvips decodes AVIF (AV1 in HEIF) but not iPhone HEIC (HEVC).
      if (metadata.compression === 'av1') return 'avif'
      throw new MediaRejection('IMAGE_FORMAT_NOT_ALLOWED', { detail: `HEIF with ${metadata.compression ?? 'unknown'} compression` })
    case 'svg':
      throw new MediaRejection('IMAGE_SVG_REFUSED')
    default:
      throw new MediaRejection('IMAGE_FORMAT_NOT_ALLOWED', { detail: `format ${metadata.format ?? 'unknown'}` })
  }
}

function looksLikeSvg(buffer: Buffer | Uint8Array): boolean {
  return /<svg[\s>]/i.test(Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.byteLength, 4096)).toString('utf8'))
}

function decoder(buffer: Buffer | Uint8Array, pages: number, limitInputPixels: number): Sharp {
  // 'truncated' refuses a cut-off upload but tolerates the harmless warnings some cameras cause.
  return sharp(buffer, { limitInputPixels, animated: pages > 1, failOn: 'truncated' })
}

function encodeAs(pipeline: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 85 })
    case 'png':
      return pipeline.png()
    case 'webp':
      return pipeline.webp({ quality: 85 })
    case 'gif':
      return pipeline.gif()
    case 'avif':
      return pipeline.avif()
  }
}
