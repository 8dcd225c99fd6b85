/** Where a source video is in the pipeline. Only `ready` videos may be approved and served to the apps. */
export const TRANSCODE_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const
export type TranscodeStatus = (typeof TRANSCODE_STATUSES)[number]

export const TRANSCODE_STATUS_LABELS: Record<TranscodeStatus, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  processing: { zh: '转码中', en: 'Processing' },
  ready: { zh: '已就绪', en: 'Ready' },
  failed: { zh: '失败', en: 'Failed' },
}

/** A reason a transcode failed: a stable code, words for staff in both languages, and tool output for logs. */
export type TranscodeFailure = { code: string; zh: string; en: string; detail?: string | null }

export const TRANSCODE_CANCELLED = (by?: string): TranscodeFailure => ({
  code: 'TRANSCODE_CANCELLED',
  zh: `转码已取消${by ? `（${by}）` : ''}。可点击“重试”重新开始。`,
  en: `Transcoding was cancelled${by ? ` (by ${by})` : ''}. Press "Retry" to start again.`,
})

/** What the status endpoint and the admin show (the record minus its internals). */
export type TranscodeView = {
  id: number | string | null
  status: TranscodeStatus | 'none'
  statusLabel: { zh: string; en: string }
  progress: number
  attempt: number
  error: TranscodeFailure | null
  cancelRequested: boolean
  updatedAt: string | null
  output: {
    durationSeconds: number | null
    width: number | null
    height: number | null
    sizeBytes: number | null
  } | null
  /** Where the outputs are served (only when ready). */
  urls: VideoUrls | null
}

export type PosterSize = { width: number; height: number; jpeg: string; webp: string }

export type VideoUrls = {
  hls: string
  mp4: string
  poster: string
  posterSizes: Array<{ width: number; height: number; jpeg: string; webp: string }>
}
