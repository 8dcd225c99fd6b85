'use client'

import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { languageOf } from '@/admin/language'

import { WORKFLOW_ACTION_LABELS, type WorkflowAction, type WorkflowState } from '../states'

type Links = { preview: { patient: string; doctor: string }; diff: string | null }
type Status = { state: WorkflowState; stateLabel: { zh: string; en: string }; live: boolean; allowedActions: WorkflowAction[]; links?: Links }

const TEXT = {
  title: { zh: '审核流程', en: 'Review' },
  live: { zh: '有版本正在 App 中展示', en: 'A version is live in the apps' },
  notLive: { zh: '未在 App 中展示', en: 'Not live in the apps' },
  comment: { zh: '审核意见（驳回时必填）', en: 'Comment (required to reject)' },
  saveFirst: { zh: '保存后即可提交审核。', en: 'Save the item to start its review.' },
  none: { zh: '您当前没有可执行的操作。', en: 'There is nothing for you to do here now.' },
  preview: { zh: '预览', en: 'Preview' },
  previewPatient: { zh: '患者端', en: 'Patient app' },
  previewDoctor: { zh: '医生端', en: 'Doctor app' },
  newTab: { zh: '（新标签页打开）', en: '(opens in a new tab)' },
  diff: { zh: '查看与线上版本的差异', en: 'Compare with the live version' },
}

/**
 * The review panel in the edit view's sidebar: the state, links to look before deciding (the
 * phone previews of both apps, and the diff against the live version while a change to it is in
 * review), and a button for each action the signed-in user may take now (the server decides;
 * this only asks it).
 */
export const WorkflowPanel: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = languageOf(i18n.language)
  const [status, setStatus] = useState<Status | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const url = id ? `/api/${collectionSlug}/${id}/workflow` : null

  const load = useCallback(async () => {
    if (!url) return
    const response = await fetch(url, { credentials: 'include' })
    if (response.ok) setStatus(await response.json())
  }, [url])

  useEffect(() => {
    void load()
  }, [load])

  const perform = async (action: WorkflowAction) => {
    if (!url) return
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, comment: comment.trim() || undefined }),
      })
      const body = await response.json()
      if (!response.ok) {
        setError(body?.errors?.[0]?.message ?? response.statusText)
        return
      }
      setComment('')
      // A full reload: the edit form holds the old review fields, and saving it would resend them.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  if (!id) return <p className="field-description">{TEXT.saveFirst[lang]}</p>

  return (
    <div className="yixun-workflow" data-testid="workflow-panel" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{TEXT.title[lang]}</h4>
      {status && (
        <p data-testid="workflow-state" style={{ margin: '0 0 calc(var(--base) / 2)' }}>
          <strong>{status.stateLabel[lang]}</strong> · {status.live ? TEXT.live[lang] : TEXT.notLive[lang]}
        </p>
      )}
      {status?.links && (
        <div className="yixun-workflow__look" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'calc(var(--base) / 2)', margin: '0 0 calc(var(--base) / 2)' }}>
          <span>{TEXT.preview[lang]}：</span>
          <a href={status.links.preview.patient} target="_blank" rel="noopener" data-testid="workflow-preview-patient" title={TEXT.newTab[lang]}>
            {TEXT.previewPatient[lang]} ↗
          </a>
          <a href={status.links.preview.doctor} target="_blank" rel="noopener" data-testid="workflow-preview-doctor" title={TEXT.newTab[lang]}>
            {TEXT.previewDoctor[lang]} ↗
          </a>
          {status.links.diff && (
            <a href={status.links.diff} data-testid="workflow-diff" style={{ flexBasis: '100%' }}>
              {TEXT.diff[lang]}
            </a>
          )}
        </div>
      )}
      {status && status.allowedActions.length > 0 ? (
        <>
          <textarea
            aria-label={TEXT.comment[lang]}
            placeholder={TEXT.comment[lang]}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={3}
            style={{ width: '100%', marginBottom: 'calc(var(--base) / 2)' }}
            data-testid="workflow-comment"
          />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)' }}>
            {status.allowedActions.map((action) => (
              <Button key={action} buttonStyle={action === 'reject' || action === 'withdraw' ? 'secondary' : 'primary'} size="small" disabled={busy} onClick={() => perform(action)} id={`workflow-${action}`}>
                {WORKFLOW_ACTION_LABELS[action][lang]}
              </Button>
            ))}
          </div>
        </>
      ) : (
        status && <p className="field-description">{TEXT.none[lang]}</p>
      )}
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }} data-testid="workflow-error">
          {error}
        </p>
      )}
    </div>
  )
}
