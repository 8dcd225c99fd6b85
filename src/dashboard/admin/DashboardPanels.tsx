'use client'

import { Button } from '@payloadcms/ui'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import type { Dashboard } from '../dashboardFor'
import type { Lockout } from '../lockouts'
import type { Problem } from '../problems'
import type { DashboardItem, PersonRef } from '../whatNeedsMe'

import './Dashboard.scss'

type Lang = 'zh' | 'en'

const TEXT = {
  heading: { zh: '需要我处理的事', en: 'What needs me' },
  unavailable: { zh: '工作台暂时无法读取，请稍后刷新页面。', en: 'The dashboard could not be read; refresh the page in a moment.' },
  reviewQueue: { zh: '待我审核', en: 'Waiting for my review' },
  drafts: { zh: '我的草稿', en: 'My drafts' },
  rejected: { zh: '被驳回（含审核意见）', en: 'Rejected (with the reviewer’s comment)' },
  waiting: { zh: '等待审核', en: 'Waiting for review' },
  wentLive: { zh: '今日上线', en: 'Went live today' },
  expired: { zh: '今日下线', en: 'Expired today' },
  problems: { zh: '需要处理的问题', en: 'Problems that need a person' },
  empty: { zh: '暂无', en: 'Nothing here' },
  noProblems: { zh: '暂无，一切正常', en: 'None — all is well' },
  submittedBy: { zh: '提交人', en: 'Submitted by' },
  submittedAt: { zh: '提交于', en: 'Submitted' },
  decidedBy: { zh: '审核人', en: 'Reviewer' },
  savedAt: { zh: '最后保存', en: 'Last saved' },
  comment: { zh: '审核意见', en: 'Comment' },
  noComment: { zh: '（未填写）', en: '(none given)' },
  attempts: { zh: '已尝试', en: 'Attempts' },
  retry: { zh: '重试', en: 'Retry' },
  retrying: { zh: '正在重试…', en: 'Retrying…' },
  transcodes: { zh: '视频转码失败', en: 'Failed video transcodes' },
  webhooks: { zh: 'Webhook 推送失败', en: 'Failing webhook deliveries' },
  mail: { zh: '邮件发送失败', en: 'Mail that could not be sent' },
  lockouts: { zh: '登录锁定', en: 'Sign-in lockouts' },
  unlock: { zh: '解除锁定', en: 'Unlock' },
  unlocking: { zh: '正在解除…', en: 'Unlocking…' },
  schedule: { zh: '定时发布/下线失败', en: 'Scheduled publishes and expiries that failed' },
}

/** A lockout is shown like a problem; its action lifts the lock instead of retrying. */
type ShownProblem = Problem | Lockout


const KINDS: Record<DashboardItem['collection'], { zh: string; en: string }> = {
  notices: { zh: '公告', en: 'Notice' },
  'free-clinic-events': { zh: '义诊', en: 'Free clinic' },
  'promo-videos': { zh: '视频', en: 'Video' },
  brochures: { zh: '宣传册', en: 'Brochure' },
}

/** Dates and times in Beijing time, whatever the browser's zone (the server renders the same text). */
function formatTime(value: string | null, lang: Lang, timeOnly = false): string {
  if (!value) return '—'
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    ...(timeOnly ? {} : { year: 'numeric', month: '2-digit', day: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(value))
}

const personName = (person: PersonRef | null) => person?.name || person?.email || '—'

type Detail = 'queue' | 'draft' | 'rejected' | 'waiting' | 'today'

function ItemRow({ item, detail, lang }: { item: DashboardItem; detail: Detail; lang: Lang }) {
  return (
    <li className="yixun-dashboard__item" data-testid="dashboard-item" data-collection={item.collection} data-id={String(item.id)}>
      <div className="yixun-dashboard__item-head">
        <span className="yixun-dashboard__kind">{KINDS[item.collection]?.[lang] ?? item.collection}</span>
        <Link className="yixun-dashboard__title" href={item.href}>
          {item.title}
        </Link>
        {detail === 'today' && <time className="yixun-dashboard__time">{formatTime(item.at, lang, true)}</time>}
      </div>
      {(detail === 'queue' || detail === 'waiting') && (
        <div className="yixun-dashboard__meta">
          {detail === 'queue' && (
            <span>
              {TEXT.submittedBy[lang]}：{personName(item.submittedBy)} ·{' '}
            </span>
          )}
          {TEXT.submittedAt[lang]} {formatTime(item.submittedAt ?? item.at, lang)}
        </div>
      )}
      {detail === 'draft' && (
        <div className="yixun-dashboard__meta">
          {TEXT.savedAt[lang]} {formatTime(item.at, lang)}
        </div>
      )}
      {detail === 'rejected' && (
        <>
          <div className="yixun-dashboard__meta">
            {TEXT.decidedBy[lang]}：{personName(item.decidedBy)} · {formatTime(item.decidedAt ?? item.at, lang)}
          </div>
          <blockquote className="yixun-dashboard__comment" data-testid="dashboard-comment">
            <strong>{TEXT.comment[lang]}：</strong>
            {item.decisionComment || TEXT.noComment[lang]}
          </blockquote>
        </>
      )}
    </li>
  )
}

function Card({ testId, title, count, children }: { testId: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section className="yixun-dashboard__card" data-testid={testId}>
      <h3 className="yixun-dashboard__card-title">
        {title}
        <span className="yixun-dashboard__count">{count}</span>
      </h3>
      {children}
    </section>
  )
}

function ItemCard({ testId, title, items, detail, lang }: { testId: string; title: string; items: DashboardItem[]; detail: Detail; lang: Lang }) {
  return (
    <Card testId={testId} title={title} count={items.length}>
      {items.length === 0 ? (
        <p className="yixun-dashboard__empty">{TEXT.empty[lang]}</p>
      ) : (
        <ul className="yixun-dashboard__list">
          {items.map((item) => (
            <ItemRow key={`${item.collection}/${item.id}`} item={item} detail={detail} lang={lang} />
          ))}
        </ul>
      )}
    </Card>
  )
}

/** Calls the problem's retry endpoint, then re-reads the page's server data. */
function RetryButton({ problem, lang }: { problem: ShownProblem; lang: Lang }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const retry = async () => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(problem.retry.url, { method: problem.retry.method, credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      if (!response.ok) {
        const body = await response.json().catch(() => null)
        setError(body?.errors?.[0]?.message ?? `${response.status} ${response.statusText}`)
        return
      }
      router.refresh()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="yixun-dashboard__retry">
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={() => void retry()} extraButtonProps={{ 'data-testid': 'dashboard-retry' }}>
        {problem.kind === 'lockout' ? (busy ? TEXT.unlocking[lang] : TEXT.unlock[lang]) : busy ? TEXT.retrying[lang] : TEXT.retry[lang]}
      </Button>
      {error && (
        <p className="yixun-dashboard__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

function ProblemRow({ problem, lang }: { problem: ShownProblem; lang: Lang }) {
  return (
    <li className="yixun-dashboard__item" data-testid="dashboard-item" data-collection={problem.collection} data-id={String(problem.id)} data-kind={problem.kind}>
      <div className="yixun-dashboard__item-head">
        {problem.href ? (
          <Link className="yixun-dashboard__title" href={problem.href}>
            {problem.title}
          </Link>
        ) : (
          <span className="yixun-dashboard__title">{problem.title}</span>
        )}
      </div>
      <p className="yixun-dashboard__reason">{problem.reason[lang]}</p>
      <div className="yixun-dashboard__meta">
        {formatTime(problem.at, lang)} · {TEXT.attempts[lang]} {problem.attempts}
        {problem.detail && <code className="yixun-dashboard__detail">{problem.detail}</code>}
      </div>
      <RetryButton problem={problem} lang={lang} />
    </li>
  )
}

function ProblemsCard({ data, lang }: { data: Dashboard; lang: Lang }) {
  const groups = (
    [
      { key: 'transcodes', shown: data.sections.transcodes, problems: data.problems.transcodes },
      { key: 'webhooks', shown: data.sections.webhooks, problems: data.problems.webhooks },
      { key: 'mail', shown: data.sections.mail, problems: data.problems.mail },
      { key: 'lockouts', shown: data.sections.lockouts, problems: data.problems.lockouts },
      { key: 'schedule', shown: data.sections.schedule, problems: data.problems.schedule },
    ] as const
  ).filter((group) => group.shown)
  if (groups.length === 0) return null
  const count = groups.reduce((total, group) => total + group.problems.length, 0)
  return (
    <Card testId="dashboard-problems" title={TEXT.problems[lang]} count={count}>
      {count === 0 ? (
        <p className="yixun-dashboard__empty">{TEXT.noProblems[lang]}</p>
      ) : (
        groups
          .filter((group) => group.problems.length > 0)
          .map((group) => (
            <div key={group.key} className="yixun-dashboard__group">
              <h4 className="yixun-dashboard__group-title">{TEXT[group.key][lang]}</h4>
              <ul className="yixun-dashboard__list">
                {group.problems.map((problem) => (
                  <ProblemRow key={`${problem.collection}/${problem.id}`} problem={problem} lang={lang} />
                ))}
              </ul>
            </div>
          ))
      )}
    </Card>
  )
}

/** The dashboard's cards: only the sections the signed-in person's roles call for. */
export function DashboardPanels({ data, lang }: { data: Dashboard | null; lang: Lang }) {
  return (
    <div className="yixun-dashboard" data-testid="dashboard">
      <h2 className="yixun-dashboard__heading">{TEXT.heading[lang]}</h2>
      {!data ? (
        <p className="yixun-dashboard__error" role="alert">
          {TEXT.unavailable[lang]}
        </p>
      ) : (
        <div className="yixun-dashboard__grid">
          {data.sections.reviewQueue && <ItemCard testId="dashboard-review-queue" title={TEXT.reviewQueue[lang]} items={data.reviewQueue} detail="queue" lang={lang} />}
          {data.sections.mine && (
            <>
              <ItemCard testId="dashboard-my-rejected" title={TEXT.rejected[lang]} items={data.mine.rejected} detail="rejected" lang={lang} />
              <ItemCard testId="dashboard-my-drafts" title={TEXT.drafts[lang]} items={data.mine.drafts} detail="draft" lang={lang} />
              <ItemCard testId="dashboard-my-waiting" title={TEXT.waiting[lang]} items={data.mine.waiting} detail="waiting" lang={lang} />
            </>
          )}
          <ItemCard testId="dashboard-live-today" title={TEXT.wentLive[lang]} items={data.today.wentLive} detail="today" lang={lang} />
          <ItemCard testId="dashboard-expired-today" title={TEXT.expired[lang]} items={data.today.expired} detail="today" lang={lang} />
          <ProblemsCard data={data} lang={lang} />
        </div>
      )}
    </div>
  )
}
