'use client'

import React, { useEffect, useMemo, useRef, useState } from 'react'

import { AUDIENCE_LABELS, COLLECTION_LABELS, COUNT_AUDIENCES, PLACEMENT_LABELS, PLACEMENTS, PLATFORM_LABELS, PLATFORMS, TRACKED_COLLECTIONS } from '../events'
import { addDays, shanghaiDay } from '@/content/shanghaiTime'
import { DEFAULT_RANGE_DAYS } from '../statsQuery'
import type { BreakdownEntry, StatsSummary } from '../summary'

type Lang = 'zh' | 'en'
type Label = { zh: string; en: string }

const TEXT = {
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  last7: { zh: '近7天', en: 'Last 7 days' },
  last30: { zh: '近30天', en: 'Last 30 days' },
  thisYear: { zh: '今年', en: 'This year' },
  all: { zh: '全部', en: 'All' },
  audience: { zh: '信息流', en: 'Feed' },
  placement: { zh: '展示位置', en: 'Placement' },
  platform: { zh: '平台', en: 'Platform' },
  collection: { zh: '内容类型', en: 'Content type' },
  impressions: { zh: '曝光', en: 'Impressions' },
  clicks: { zh: '点击', en: 'Clicks' },
  dismisses: { zh: '关闭', en: 'Dismissals' },
  ctr: { zh: '点击率', en: 'CTR' },
  daily: { zh: '每日曝光与点击', en: 'Impressions and clicks per day' },
  breakdowns: { zh: '分维度', en: 'By dimension' },
  items: { zh: '内容明细', en: 'Items' },
  itemsOf: { zh: '共 {n} 条内容有数据，显示前 {m} 条；完整数据请导出。', en: '{n} items have counts; the first {m} are shown. Export for all of them.' },
  title: { zh: '标题', en: 'Title' },
  topWeek: { zh: '本周热门（周一至今）', en: 'Top this week (Monday to today)' },
  office: { zh: '办公室指标', en: 'Office figures' },
  published: { zh: '上线内容数', en: 'Items that went live' },
  department: { zh: '科室', en: 'Department' },
  decisionHours: { zh: '提交到审核决定的平均时长', en: 'Average time from submission to decision' },
  hours: { zh: '小时', en: 'h' },
  decisions: { zh: '次审核', en: 'decisions' },
  onTime: { zh: '按时上线比例', en: 'Went live on time' },
  onTimeNote: { zh: '有计划发布时间的内容中，在计划时间后 {s} 秒内上线的比例', en: 'Of the items with a planned time: live within {s} s of it' },
  none: { zh: '无', en: 'none' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '所选范围内没有数据。', en: 'No counts in this range.' },
} satisfies Record<string, Label>

type Filters = { audience: string; placement: string; platform: string; collection: string }

const today = () => shanghaiDay(Date.now())
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(2)}%`)

function queryString(from: string, to: string, filters: Filters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ from, to, ...extra })
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value)
  return params.toString()
}

/** One ECharts chart: loaded in the browser only, redrawn when its option changes, disposed on unmount. */
function Chart({ option, testId, height = 320 }: { option: Record<string, unknown>; testId: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<{ setOption: (option: unknown, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    let disposed = false
    const resize = () => chart.current?.resize()
    void import('echarts').then((echarts) => {
      if (disposed || !element.current) return
      chart.current = echarts.init(element.current)
      chart.current.setOption(latest.current, true)
      window.addEventListener('resize', resize)
    })
    return () => {
      disposed = true
      window.removeEventListener('resize', resize)
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  return <div data-testid={testId} ref={element} style={{ width: '100%', height }} />
}

function FilterSelect({ label, value, values, labels, lang, onChange, testId }: { label: Label; value: string; values: readonly string[]; labels: Record<string, Label>; lang: Lang; onChange: (value: string) => void; testId: string }) {
  return (
    <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
      <span>{label[lang]}</span>
      <select data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{TEXT.all[lang]}</option>
        {values.map((option) => (
          <option key={option} value={option}>
            {labels[option]?.[lang] ?? option}
          </option>
        ))}
      </select>
    </label>
  )
}

const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }
const numberCell: React.CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }

function ItemTable({ items, lang, testId }: { items: StatsSummary['items']; lang: Lang; testId: string }) {
  if (items.length === 0) return <p>{TEXT.empty[lang]}</p>
  return (
    <table data-testid={testId} style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={cell}>{TEXT.title[lang]}</th>
          <th style={cell}>{TEXT.collection[lang]}</th>
          <th style={numberCell}>{TEXT.impressions[lang]}</th>
          <th style={numberCell}>{TEXT.clicks[lang]}</th>
          <th style={numberCell}>{TEXT.ctr[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.collection}:${item.id}`} data-testid="stats-item-row">
            <td style={cell}>
              <a href={`/admin/collections/${item.collection}/${item.id}`}>{item.title || `#${item.id}`}</a>
            </td>
            <td style={cell}>{COLLECTION_LABELS[item.collection]?.[lang] ?? item.collection}</td>
            <td style={numberCell}>{item.impressions}</td>
            <td style={numberCell}>{item.clicks}</td>
            <td style={numberCell}>{percent(item.ctr)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function breakdownOption(entries: BreakdownEntry[], labels: Record<string, Label>, lang: Lang, title: Label) {
  return {
    title: { text: title[lang], left: 0, top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    // ECharts 6 puts the legend at the bottom by default, over the axis labels.
    legend: { top: 0, right: 0, data: [TEXT.impressions[lang], TEXT.clicks[lang]] },
    grid: { top: 60, left: 50, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: entries.map((entry) => labels[entry.key]?.[lang] ?? entry.key) },
    yAxis: { type: 'value' },
    series: [
      { name: TEXT.impressions[lang], type: 'bar', data: entries.map((entry) => entry.impressions) },
      { name: TEXT.clicks[lang], type: 'bar', data: entries.map((entry) => entry.clicks) },
    ],
  }
}

/**
 * The statistics page's body: range and filters, totals, charts (ECharts), the item table, this
 * week's top items, the office figures and the export links. Every number comes from
 * GET /api/stats/summary; the exports from GET /api/stats/export with the same range and filters.
 */
export function StatisticsDashboard({ lang }: { lang: Lang }) {
  const [from, setFrom] = useState(() => addDays(today(), -(DEFAULT_RANGE_DAYS - 1)))
  const [to, setTo] = useState(today)
  const [filters, setFilters] = useState<Filters>({ audience: '', placement: '', platform: '', collection: '' })
  const [summary, setSummary] = useState<StatsSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const query = queryString(from, to, filters)

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    setError(null)
    fetch(`/api/stats/summary?${query}`, { credentials: 'include', signal: controller.signal, headers: { 'Accept-Language': lang } })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
        setSummary(body)
      })
      .catch((failure: Error) => {
        if (failure.name !== 'AbortError') setError(failure.message)
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false)
      })
    return () => controller.abort()
  }, [query, lang])

  const setRange = (start: string, end: string) => {
    setFrom(start)
    setTo(end)
  }

  const dailyOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [TEXT.impressions[lang], TEXT.clicks[lang], TEXT.ctr[lang]] },
      grid: { top: 56, left: 60, right: 60, bottom: 30 },
      xAxis: { type: 'category', data: summary?.daily.map((day) => day.day) ?? [] },
      yAxis: [
        { type: 'value', name: `${TEXT.impressions[lang]} / ${TEXT.clicks[lang]}` },
        { type: 'value', name: TEXT.ctr[lang], axisLabel: { formatter: (value: number) => `${(value * 100).toFixed(0)}%` } },
      ],
      series: [
        { name: TEXT.impressions[lang], type: 'bar', data: summary?.daily.map((day) => day.impressions) ?? [] },
        { name: TEXT.clicks[lang], type: 'bar', data: summary?.daily.map((day) => day.clicks) ?? [] },
        { name: TEXT.ctr[lang], type: 'line', yAxisIndex: 1, data: summary?.daily.map((day) => Number(day.ctr.toFixed(4))) ?? [] },
      ],
    }),
    [summary, lang],
  )
  const audienceOption = useMemo(() => breakdownOption(summary?.breakdowns.audience ?? [], AUDIENCE_LABELS, lang, TEXT.audience), [summary, lang])
  const placementOption = useMemo(() => breakdownOption(summary?.breakdowns.placement ?? [], PLACEMENT_LABELS, lang, TEXT.placement), [summary, lang])
  const platformOption = useMemo(() => breakdownOption(summary?.breakdowns.platform ?? [], PLATFORM_LABELS, lang, TEXT.platform), [summary, lang])

  const year = today().slice(0, 4)
  const office = summary?.office

  return (
    <div className="yixun-statistics" data-testid="stats-dashboard" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--base)', paddingBottom: 'calc(var(--base) * 2)' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
          <span>{TEXT.from[lang]}</span>
          <input data-testid="stats-from" type="date" value={from} max={to} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
        <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
          <span>{TEXT.to[lang]}</span>
          <input data-testid="stats-to" type="date" value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} />
        </label>
        <button type="button" className="btn btn--style-secondary btn--size-small" data-testid="stats-range-7" onClick={() => setRange(addDays(today(), -6), today())}>
          {TEXT.last7[lang]}
        </button>
        <button type="button" className="btn btn--style-secondary btn--size-small" data-testid="stats-range-30" onClick={() => setRange(addDays(today(), -29), today())}>
          {TEXT.last30[lang]}
        </button>
        <button type="button" className="btn btn--style-secondary btn--size-small" data-testid="stats-range-year" onClick={() => setRange(`${year}-01-01`, today())}>
          {TEXT.thisYear[lang]}
        </button>
        <FilterSelect testId="stats-filter-audience" label={TEXT.audience} value={filters.audience} values={COUNT_AUDIENCES} labels={AUDIENCE_LABELS} lang={lang} onChange={(audience) => setFilters({ ...filters, audience })} />
        <FilterSelect testId="stats-filter-placement" label={TEXT.placement} value={filters.placement} values={PLACEMENTS} labels={PLACEMENT_LABELS} lang={lang} onChange={(placement) => setFilters({ ...filters, placement })} />
        <FilterSelect testId="stats-filter-platform" label={TEXT.platform} value={filters.platform} values={PLATFORMS} labels={PLATFORM_LABELS} lang={lang} onChange={(platform) => setFilters({ ...filters, platform })} />
        <FilterSelect testId="stats-filter-collection" label={TEXT.collection} value={filters.collection} values={TRACKED_COLLECTIONS} labels={COLLECTION_LABELS} lang={lang} onChange={(collection) => setFilters({ ...filters, collection })} />
        <a className="btn btn--style-primary btn--size-small" data-testid="stats-export-csv" href={`/api/stats/export?${queryString(from, to, filters, { format: 'csv' })}`} download>
          {TEXT.exportCsv[lang]}
        </a>
        <a className="btn btn--style-primary btn--size-small" data-testid="stats-export-xlsx" href={`/api/stats/export?${queryString(from, to, filters, { format: 'xlsx' })}`} download>
          {TEXT.exportXlsx[lang]}
        </a>
      </div>

      {error && (
        <p role="alert" data-testid="stats-error" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {loading && !summary && <p>{TEXT.loading[lang]}</p>}

      <div data-testid="stats-totals" aria-busy={loading} style={{ display: 'flex', gap: 'calc(var(--base) * 2)', flexWrap: 'wrap' }}>
        {(
          [
            ['impressions', 'stats-total-impressions', summary?.totals.impressions],
            ['clicks', 'stats-total-clicks', summary?.totals.clicks],
            ['dismisses', 'stats-total-dismisses', summary?.totals.dismisses],
          ] as const
        ).map(([key, testId, value]) => (
          <div key={key}>
            <div style={{ color: 'var(--theme-elevation-500)' }}>{TEXT[key][lang]}</div>
            <div data-testid={testId} style={{ fontSize: 28, fontWeight: 600 }}>
              {value ?? ''}
            </div>
          </div>
        ))}
        <div>
          <div style={{ color: 'var(--theme-elevation-500)' }}>{TEXT.ctr[lang]}</div>
          <div data-testid="stats-total-ctr" style={{ fontSize: 28, fontWeight: 600 }}>
            {summary ? percent(summary.totals.ctr) : ''}
          </div>
        </div>
      </div>

      <section>
        <h3>{TEXT.daily[lang]}</h3>
        <Chart testId="stats-chart-daily" option={dailyOption} />
      </section>

      <section>
        <h3>{TEXT.breakdowns[lang]}</h3>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 'var(--base)' }}>
          <Chart testId="stats-chart-audience" option={audienceOption} height={260} />
          <Chart testId="stats-chart-placement" option={placementOption} height={260} />
          <Chart testId="stats-chart-platform" option={platformOption} height={260} />
        </div>
      </section>

      <section>
        <h3>{TEXT.topWeek[lang]}</h3>
        {summary && <ItemTable items={summary.topThisWeek.items} lang={lang} testId="stats-top-week" />}
      </section>

      <section>
        <h3>{TEXT.items[lang]}</h3>
        {summary && summary.itemCount > summary.items.length && (
          <p>{TEXT.itemsOf[lang].replace('{n}', String(summary.itemCount)).replace('{m}', String(summary.items.length))}</p>
        )}
        {summary && <ItemTable items={summary.items} lang={lang} testId="stats-items" />}
      </section>

      {office && (
        <section data-testid="stats-office">
          <h3>{TEXT.office[lang]}</h3>
          <p>
            {TEXT.published[lang]}: <strong data-testid="stats-office-published">{office.publishedItems}</strong>
            {' · '}
            {TEXT.decisionHours[lang]}:{' '}
            <strong data-testid="stats-office-decision-hours">
              {office.averageDecisionHours === null ? TEXT.none[lang] : `${office.averageDecisionHours.toFixed(1)} ${TEXT.hours[lang]}`}
            </strong>{' '}
            ({office.decisions} {TEXT.decisions[lang]})
            {' · '}
            {TEXT.onTime[lang]}: <strong data-testid="stats-office-on-time">{percent(office.onTime.share)}</strong> ({office.onTime.onTime}/{office.onTime.planned})
          </p>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{TEXT.onTimeNote[lang].replace('{s}', String(office.onTime.toleranceSeconds))}</p>
          {office.publishedByDepartment.length > 0 && (
            <table data-testid="stats-office-departments" style={{ borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th style={cell}>{TEXT.department[lang]}</th>
                  <th style={numberCell}>{TEXT.published[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {office.publishedByDepartment.map((entry) => (
                  <tr key={entry.departmentId ?? 'whole'}>
                    <td style={cell}>{entry.name[lang]}</td>
                    <td style={numberCell}>{entry.items}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  )
}
