import path from 'node:path'

import type { CollectionBeforeOperationHook } from 'payload'

import { locateFfmpeg } from '@/media/ffmpegBinaries'
import { FFMPEG_UNAVAILABLE } from '@/media/ffmpegUnavailable'
import { formatSize, mediaLimits } from '@/media/mediaConfig'
import { probeVideo, type VideoProbe } from '@/media/probeVideo'
import { asUploadRefusal, safeUploadName, uploadRefusal, withUploadOnDisk } from '@/media/uploadedFile'

/** Where the probe of this request's upload waits for `recordSourceFacts` (request context, server-side only). */
export const VIDEO_SOURCE_FACTS = 'yixunVideoSource'

export type VideoSourceFacts = Pick<VideoProbe, 'durationSeconds' | 'width' | 'height' | 'container'>

const MIME = { mp4: 'video/mp4', mov: 'video/quicktime', m4v: 'video/x-m4v', webm: 'video/webm' } as const

/** MP4, MOV and M4V are one container family: keep the name the uploader used when it is one of them. */
function extensionOf(probe: VideoProbe, name: string): keyof typeof MIME {
  if (probe.container === 'webm') return 'webm'
  const given = path.extname(name).slice(1).toLowerCase()
  return given === 'mov' || given === 'm4v' ? given : 'mp4'
}

/**
 * Before anything is stored, ffprobe decides whether the upload is a video we accept: an allowed
 * container (a JPEG or a text file renamed .mp4 is refused), a picture, a duration, complete.
 * A refusal answers 413/415/422 with a stable code; Payload then deletes the streamed temp file,
 * so nothing is kept. An accepted file is named and typed by its content, not by the uploader.
 */
export const checkVideoUpload: CollectionBeforeOperationHook<'promo-videos'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const limit = mediaLimits().videoBytes
  if (file.size > limit) {
    throw uploadRefusal(req, 'VIDEO_TOO_LARGE', 413, {
      zh: `视频文件超过 ${formatSize(limit)} 的上限。`,
      en: `The video file is larger than the ${formatSize(limit)} limit.`,
    })
  }
  // Without ffmpeg nothing can be checked or transcoded: say so, rather than fail with a 500.
  const tools = await locateFfmpeg().catch((error: unknown) => {
    req.payload.logger.warn({ err: error }, 'video upload refused: ffmpeg unavailable')
    return null
  })
  if (!tools) {
    throw uploadRefusal(req, 'FFMPEG_UNAVAILABLE', 422, { zh: FFMPEG_UNAVAILABLE.zh.body, en: FFMPEG_UNAVAILABLE.en.body })
  }
  let probe: VideoProbe
  try {
    probe = await withUploadOnDisk(file, (filePath) => probeVideo(filePath))
  } catch (error) {
    throw asUploadRefusal(req, error)
  }
  const extension = extensionOf(probe, file.name)
  file.name = safeUploadName(file.name, extension)
  file.mimetype = MIME[extension]
  req.context[VIDEO_SOURCE_FACTS] = {
    durationSeconds: probe.durationSeconds,
    width: probe.width,
    height: probe.height,
    container: probe.container,
  } satisfies VideoSourceFacts
  return args
}
