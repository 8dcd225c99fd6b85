import type { ServerProps } from 'payload'
import React from 'react'

import { languageOf } from '@/admin/language'
import { locateFfmpeg } from '@/media/ffmpegBinaries'
import { FFMPEG_UNAVAILABLE } from '@/media/ffmpegUnavailable'

/**
 * Above the promo videos (list and form): says plainly, before anyone tries an upload, that this
 * server has no ffmpeg/ffprobe and how to enable them. Nothing is shown when they are found.
 */
export const FfmpegNotice = async ({ i18n }: Partial<ServerProps>) => {
  const found = await locateFfmpeg().then(
    () => true,
    () => false,
  )
  if (found) return null
  const { title, body } = FFMPEG_UNAVAILABLE[languageOf(i18n?.language)]
  return (
    <div
      data-yixun-ffmpeg-notice
      role="status"
      style={{
        border: '1px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-50)',
        borderRadius: 4,
        padding: 'calc(var(--base) * 0.75)',
        marginBottom: 'var(--base)',
      }}
    >
      <strong>{title}</strong>
      <p style={{ margin: '0.25em 0 0' }}>{body}</p>
    </div>
  )
}
