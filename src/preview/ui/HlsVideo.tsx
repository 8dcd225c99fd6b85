'use client'

import React, { useEffect, useRef } from 'react'

type Props = { hls: string; mp4: string; poster: string; label: string }

/**
 * The promo video as the apps play it: HLS through hls.js where Media Source Extensions exist,
 * the browser's own HLS (Safari, iOS) otherwise, and the 720p MP4 as the last resort. The output
 * URLs are same-origin, so the staff session cookie lets an unpublished video load.
 */
export const HlsVideo: React.FC<Props> = ({ hls, mp4, poster, label }) => {
  const ref = useRef<HTMLVideoElement>(null)

  useEffect(() => {
    const video = ref.current
    if (!video) return
    let stopped = false
    let destroy: (() => void) | null = null
    void import('hls.js').then(({ default: Hls }) => {
      if (stopped) return
      if (Hls.isSupported()) {
        const player = new Hls()
        destroy = () => player.destroy()
        player.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal) return
          player.destroy()
          destroy = null
          video.src = mp4
        })
        player.loadSource(hls)
        player.attachMedia(video)
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = hls
      } else {
        video.src = mp4
      }
    })
    return () => {
      stopped = true
      destroy?.()
    }
  }, [hls, mp4])

  return <video ref={ref} className="yx-video" data-testid="preview-video" data-hls={hls} controls playsInline preload="metadata" poster={poster} aria-label={label} />
}
