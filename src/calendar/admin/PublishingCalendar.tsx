'use client'

import { useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { languageOf } from '@/admin/language'

import { isDay, shanghaiDay } from '@/content/shanghaiTime'

import { beijingDay, beijingTime as hhmm, type CalendarView as View, stepAnchor, visibleDays } from '../calendarDays'
import type { CalendarEntry, CalendarEntryType } from '../types'
import './PublishingCalendar.scss'

export type Label = { zh: string; en: string }
type Option = { value: string; label: Label }
type Lang = keyof Label

const TEXT = {
  title: { zh: '发布日历', en: 'Publishing calendar' },
  intro: { zh: '按北京时间显示每条内容的上线、下线时间和义诊场次。', en: 'Every publish, expiry and free-clinic session, in Beijing time.' },
  month: { zh: '月', en: 'Month' },
  week: { zh: '周', en: 'Week' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  today: { zh: '今天', en: 'Today' },
  department: { zh: '科室', en: 'Department' },
  kind: { zh: '公告类型', en: 'Notice kind' },
  collection: { zh: '内容类型', en: 'Content' },
  all: { zh: '全部', en: 'All' },
  loading: { zh: '加载中…', en: 'Loading…' },
  failed: { zh: '日历加载失败：', en: 'The calendar could not load: ' },
  empty: { zh: '这段时间没有安排。', en: 'Nothing scheduled in this period.' },
  tentative: { zh: '待审核（暂定）', en: 'In review (tentative)' },
  overdue: { zh: '已过时间仍未执行', en: 'Overdue: did not happen' },
  timeZone: { zh: '北京时间', en: 'Beijing time' },
}

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
}

const TYPE_LABELS: Record<CalendarEntryType, Label & { icon: string }> = {
  publish: { zh: '上线', en: 'Goes live', icon: '▲' },
  expire: { zh: '下线', en: 'Goes offline', icon: '▼' },
  session: { zh: '义诊场次', en: 'Clinic session', icon: '●' },
}

const AUDIENCES: { value: CalendarEntry['audience']; label: Label }[] = [
  { value: 'patient', label: { zh: '患者端', en: 'Patient app' } },
  { value: 'doctor', label: { zh: '医生端', en: 'Doctor app' } },
  { value: 'both', label: { zh: '双端', en: 'Both apps' } },
]

function periodTitle(view: View, days: string[], anchor: string, lang: Lang) {
  const [year, month] = anchor.split('-').map(Number)
  if (view === 'month') return lang === 'zh' ? `${year}年${month}月` : new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const short = (day: string) => (lang === 'zh' ? `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日` : day.slice(5))
  return `${days[0].slice(0, 4)} ${short(days[0])} – ${short(days[6])}`
}

type Filters = { department: string; kind: string; collection: string }

function readUrl(search: URLSearchParams | null): { view: View; anchor: string; filters: Filters } {
  const date = search?.get('date') ?? ''
  return {
    view: search?.get('view') === 'week' ? 'week' : 'month',
    anchor: isDay(date) ? date : shanghaiDay(new Date()),
    filters: { department: search?.get('department') ?? '', kind: search?.get('kind') ?? '', collection: search?.get('collection') ?? '' },
  }
}

type Props = { apiRoute: string; departments: { id: number | string; label: Label }[]; kinds: Option[]; collections: Option[] }

/**
 * Month and week views of GET /api/calendar. The view, the date and the filters live in the URL
 * (?view=week&date=2026-11-26&department=3), so a link shows a colleague the same page.
 */
export const PublishingCalendar: React.FC<Props> = ({ apiRoute, departments, kinds, collections }) => {
  const { i18n } = useTranslation()
  const lang: Lang = languageOf(i18n.language)
  const search = useSearchParams()
  const initial = useMemo(() => readUrl(search), []) // eslint-disable-line react-hooks/exhaustive-deps
  const [view, setView] = useState<View>(initial.view)
  const [anchor, setAnchor] = useState(initial.anchor)
  const [filters, setFilters] = useState<Filters>(initial.filters)
  const [entries, setEntries] = useState<CalendarEntry[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const days = useMemo(() => visibleDays(view, anchor), [view, anchor])
  const today = shanghaiDay(new Date())

  useEffect(() => {
    const params = new URLSearchParams({ view, date: anchor })
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
    window.history.replaceState(window.history.state, '', `?${params}`)
  }, [view, anchor, filters])

  useEffect(() => {
    const controller = new AbortController()
    const params = new URLSearchParams({ from: days[0], to: days[days.length - 1] })
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
    setLoading(true)
    setError(null)
    fetch(`${apiRoute}/calendar?${params}`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
        setEntries(body.entries as CalendarEntry[])
      })
      .catch((failure: Error) => {
        if (failure.name !== 'AbortError') {
          setEntries([])
          setError(failure.message)
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false)
      })
    return () => controller.abort()
  }, [apiRoute, days, filters])

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarEntry[]>()
    for (const entry of entries) {
      const day = beijingDay(entry.at)
      map.set(day, [...(map.get(day) ?? []), entry])
    }
    return map
  }, [entries])

  const step = useCallback((direction: 1 | -1) => setAnchor((current) => stepAnchor(view, current, direction)), [view])
  const setFilter = (key: keyof Filters) => (event: React.ChangeEvent<HTMLSelectElement>) => setFilters((current) => ({ ...current, [key]: event.target.value }))

  const select = (key: keyof Filters, label: Label, options: Option[]) => (
    <label className="yixun-calendar__filter">
      <span>{label[lang]}</span>
      <select value={filters[key]} onChange={setFilter(key)} data-testid={`calendar-filter-${key}`}>
        <option value="">{TEXT.all[lang]}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label[lang]}
          </option>
        ))}
      </select>
    </label>
  )

  const entryLink = (entry: CalendarEntry, withTime: boolean) => {
    const type = TYPE_LABELS[entry.type]
    const time = entry.type === 'session' && entry.end ? `${hhmm(entry.at)}–${hhmm(entry.end)}` : hhmm(entry.at)
    const audience = AUDIENCES.find((option) => option.value === entry.audience)?.label[lang] ?? entry.audience
    return (
      <a
        key={`${entry.collection}:${entry.id}:${entry.type}:${entry.at}`}
        href={entry.href}
        className={`yixun-calendar__entry yixun-calendar__entry--${entry.audience} yixun-calendar__entry--${entry.type}${entry.tentative ? ' yixun-calendar__entry--tentative' : ''}${entry.overdue ? ' yixun-calendar__entry--overdue' : ''}`}
        title={`${time} ${type[lang]} · ${audience}${entry.tentative ? ` · ${TEXT.tentative[lang]}` : ''}${entry.overdue ? ` · ${TEXT.overdue[lang]}` : ''}\n${entry.title}`}
        data-testid="calendar-entry"
        data-collection={entry.collection}
        data-id={String(entry.id)}
        data-type={entry.type}
        data-tentative={entry.tentative ? 'true' : undefined}
        data-overdue={entry.overdue ? 'true' : undefined}
      >
        <span className="yixun-calendar__entry-time">{withTime ? time : hhmm(entry.at)}</span>
        <span className="yixun-calendar__entry-type">
          {type.icon} {type[lang]}
        </span>
        <span className="yixun-calendar__entry-title">{entry.title}</span>
      </a>
    )
  }

  return (
    <div className="yixun-calendar">
      <header className="yixun-calendar__header">
        <h1>{TEXT.title[lang]}</h1>
        <p className="yixun-calendar__intro">{TEXT.intro[lang]}</p>
      </header>

      <div className="yixun-calendar__toolbar">
        <div className="yixun-calendar__nav">
          <div className="yixun-calendar__toggle" role="group">
            {(['month', 'week'] as View[]).map((option) => (
              <button key={option} type="button" aria-pressed={view === option} className={view === option ? 'is-active' : ''} onClick={() => setView(option)} data-testid={`calendar-view-${option}`}>
                {TEXT[option][lang]}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => step(-1)} aria-label={TEXT.previous[lang]} data-testid="calendar-previous">
            ‹
          </button>
          <button type="button" onClick={() => setAnchor(today)} data-testid="calendar-today">
            {TEXT.today[lang]}
          </button>
          <button type="button" onClick={() => step(1)} aria-label={TEXT.next[lang]} data-testid="calendar-next">
            ›
          </button>
          <h2 className="yixun-calendar__period">{periodTitle(view, days, anchor, lang)}</h2>
          <span className="yixun-calendar__zone">{TEXT.timeZone[lang]}</span>
        </div>
        <div className="yixun-calendar__filters">
          {select(
            'department',
            TEXT.department,
            departments.map((department) => ({ value: String(department.id), label: department.label })),
          )}
          {select('kind', TEXT.kind, kinds)}
          {select('collection', TEXT.collection, collections)}
        </div>
      </div>

      <div className="yixun-calendar__legend">
        {AUDIENCES.map((audience) => (
          <span key={audience.value} className={`yixun-calendar__swatch yixun-calendar__entry--${audience.value}`}>
            {audience.label[lang]}
          </span>
        ))}
        <span className="yixun-calendar__swatch yixun-calendar__entry--tentative">{TEXT.tentative[lang]}</span>
        <span className="yixun-calendar__swatch yixun-calendar__entry--overdue">{TEXT.overdue[lang]}</span>
        {(Object.keys(TYPE_LABELS) as CalendarEntryType[]).map((type) => (
          <span key={type} className="yixun-calendar__legend-type">
            {TYPE_LABELS[type].icon} {TYPE_LABELS[type][lang]}
          </span>
        ))}
      </div>

      {error ? <p className="yixun-calendar__message yixun-calendar__message--error">{TEXT.failed[lang] + error}</p> : null}
      {!error && !loading && entries.length === 0 ? <p className="yixun-calendar__message">{TEXT.empty[lang]}</p> : null}

      <div className={`yixun-calendar__grid yixun-calendar__grid--${view}`} data-testid="calendar" data-view={view} data-from={days[0]} data-to={days[days.length - 1]} aria-busy={loading}>
        {WEEKDAYS[lang].map((weekday) => (
          <div key={weekday} className="yixun-calendar__weekday">
            {weekday}
          </div>
        ))}
        {days.map((day) => {
          const outside = view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7)
          return (
            <div
              key={day}
              className={`yixun-calendar__day${outside ? ' yixun-calendar__day--outside' : ''}${day === today ? ' yixun-calendar__day--today' : ''}`}
              data-testid="calendar-day"
              data-date={day}
            >
              <div className="yixun-calendar__date">{view === 'week' ? (lang === 'zh' ? `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日` : day.slice(5)) : Number(day.slice(8))}</div>
              {(byDay.get(day) ?? []).map((entry) => entryLink(entry, view === 'week'))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
