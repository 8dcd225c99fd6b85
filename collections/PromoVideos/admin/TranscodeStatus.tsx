'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { type Lang, languageOf } from '@/admin/language'

import type { TranscodeView } from '@/media/transcodeStatus'

/** While a transcode is queued or running, the admin asks for its state this often (ms). */
const POLL = 2000

const TEXT = {
  title: { zh: '转码', en: 'Transcoding' },
  saveFirst: { zh: '上传并保存后开始转码。', en: 'Transcoding starts once the upload is saved.' },
  retry: { zh: '重试', en: 'Retry' },
  cancel: { zh: '取消转码', en: 'Cancel' },
  cancelling: { zh: '正在取消…', en: 'Cancelling…' },
  duration: { zh: '时长', en: 'Duration' },
  size: { zh: '输出', en: 'Output' },
  preview: { zh: '预览 MP4', en: 'Preview MP4' },
  loading: { zh: '正在读取转码状态…', en: 'Reading the transcoding state…' },
}


const running = (view: TranscodeView | null) => view?.status === 'queued' || view?.status === 'processing'

/** Polls GET /api/promo-videos/:id/transcode while the transcode is queued or running. */
function useTranscode(id: number | string | undefined) {
  const { config } = useConfig()
  const base = id ? `${config.serverURL ?? ''}${config.routes.api}/promo-videos/${id}/transcode` : null
  const [view, setView] = useState<TranscodeView | null>(null)

  const load = useCallback(async () => {
    if (!base) return
    const response = await fetch(base, { credentials: 'include' }).catch(() => null)
    if (response?.ok) setView((await response.json()) as TranscodeView)
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    if (!running(view)) return
    const timer = setTimeout(() => void load(), POLL)
    return () => clearTimeout(timer)
  }, [view, load])

  return { view, load, base }
}

function ProgressBar({ percent }: { percent: number }) {
  return (
    <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} style={{ height: 6, background: 'var(--theme-elevation-150)', borderRadius: 3, overflow: 'hidden' }}>
      <div style={{ width: `${percent}%`, height: '100%', background: 'var(--theme-success-500)', transition: 'width 0.5s' }} />
    </div>
  )
}

function statusLine(view: TranscodeView, lang: Lang) {
  const label = view.statusLabel[lang]
  return view.status === 'processing' ? `${label} ${view.progress}%` : label
}

/** The sidebar panel of a promo video: state, progress, the reason of a failure, retry and cancel. */
export const TranscodeStatusField: React.FC = () => {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = languageOf(i18n.language)
  const { view, load, base } = useTranscode(id)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const act = async (action: 'retry' | 'cancel') => {
    if (!base) return
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${base}/${action}`, { method: 'POST', credentials: 'include' })
      if (!response.ok) setError(((await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null)?.errors?.[0]?.message ?? response.statusText)
      await load()
    } finally {
      setBusy(false)
    }
  }

  if (id && !view) return <p className="field-description">{TEXT.loading[lang]}</p>
  if (!id || !view || view.status === 'none') return <p className="field-description">{TEXT.saveFirst[lang]}</p>

  return (
    <div data-testid="transcode-status" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{TEXT.title[lang]}</h4>
      <p style={{ margin: '0 0 calc(var(--base) / 4)' }}>
        <strong>{statusLine(view, lang)}</strong>
        {view.cancelRequested && ` · ${TEXT.cancelling[lang]}`}
      </p>
      {running(view) && <ProgressBar percent={view.progress} />}
      {view.error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }} data-testid="transcode-error">
          {view.error[lang]}
        </p>
      )}
      {view.status === 'ready' && view.output && (
        <p className="field-description">
          {TEXT.duration[lang]} {view.output.durationSeconds?.toFixed(1)} s · {view.output.width}×{view.output.height}
          {view.urls && (
            <>
              {' · '}
              <a href={view.urls.mp4} target="_blank" rel="noreferrer">
                {TEXT.preview[lang]}
              </a>
            </>
          )}
        </p>
      )}
      {view.status === 'ready' && view.urls && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={view.urls.posterSizes[0]?.jpeg ?? view.urls.poster} alt="" style={{ width: '100%', borderRadius: 4 }} />
      )}
      <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', marginTop: 'calc(var(--base) / 2)' }}>
        {view.status === 'failed' && (
          <Button size="small" buttonStyle="primary" disabled={busy} onClick={() => act('retry')}>
            {TEXT.retry[lang]}
          </Button>
        )}
        {running(view) && !view.cancelRequested && (
          <Button size="small" buttonStyle="secondary" disabled={busy} onClick={() => act('cancel')}>
            {TEXT.cancel[lang]}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
    </div>
  )
}

/** The list column: state and progress, updating while the transcode runs. */
export const TranscodeStatusCell: React.FC<{ rowData?: { id?: number | string } }> = ({ rowData }) => {
  const { i18n } = useTranslation()
  const lang = languageOf(i18n.language)
  const { view } = useTranscode(rowData?.id)
  if (!view || view.status === 'none') return <span>—</span>
  const color = view.status === 'failed' ? 'var(--theme-error-500)' : view.status === 'ready' ? 'var(--theme-success-500)' : undefined
  return (
    <span data-testid="transcode-cell" style={{ color }} title={view.error?.[lang]}>
      {statusLine(view, lang)}
    </span>
  )
}
