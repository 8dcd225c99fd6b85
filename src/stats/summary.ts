import type { Payload } from 'payload'

import { COUNT_AUDIENCES, PLACEMENTS, PLATFORMS, TRACKED_COLLECTIONS, type TrackedCollection } from './events'
import { type ItemRef, itemRefKey, itemTitles } from './itemTitles'
import { type OfficeMetrics, officeMetrics } from './officeMetrics'
import { clickThroughRate, type Counts } from './readCounts'
import { rollup } from './rollups'
import { addDays, daysInRange, shanghaiDay } from '@/content/shanghaiTime'
import type { StatsQuery } from './statsQuery'

export type Figures = Counts & { ctr: number }
export type DayFigures = Figures & { day: string }
export type BreakdownEntry = Figures & { key: string }
export type ItemFigures = Figures & { collection: TrackedCollection; id: string; title: string | null }

export type StatsSummary = {
  range: { from: string; to: string; days: number }
  filters: Omit<StatsQuery, 'from' | 'to'>
  totals: Figures
  /** Every day of the range, oldest first, zeros included. */
  daily: DayFigures[]
  breakdowns: { audience: BreakdownEntry[]; placement: BreakdownEntry[]; platform: BreakdownEntry[]; collection: BreakdownEntry[] }
  /** Items with counts in the range, most impressions first (at most `itemLimit`). */
  items: ItemFigures[]
  itemCount: number
  /** This calendar week in Beijing (Monday to today), whatever the range; same filters. */
  topThisWeek: { from: string; to: string; items: ItemFigures[] }
  office: OfficeMetrics
}

/** Items listed by default in the summary; the export has all of them. */
export const DEFAULT_ITEM_LIMIT = 100
export const MAX_ITEM_LIMIT = 1000
/** Items in the "top this week" list. */
export const TOP_ITEMS = 10

const zero = (): Counts => ({ impressions: 0, clicks: 0, dismisses: 0 })
const add = (sum: Counts, row: Counts) => {
  sum.impressions += row.impressions
  sum.clicks += row.clicks
  sum.dismisses += row.dismisses
}
const withCtr = <T extends Counts>(counts: T): T & { ctr: number } => ({ ...counts, ctr: clickThroughRate(counts) })

/** Sums rows by a key, starting from `keys` (so that known values show even at zero). */
function sumBy<R extends Counts>(rows: R[], keyOf: (row: R) => string, keys: readonly string[] = []): Map<string, Counts> {
  const sums = new Map<string, Counts>(keys.map((key) => [key, zero()]))
  for (const row of rows) {
    const key = keyOf(row)
    if (!sums.has(key)) sums.set(key, zero())
    add(sums.get(key)!, row)
  }
  return sums
}

const breakdown = (sums: Map<string, Counts>): BreakdownEntry[] => [...sums].map(([key, counts]) => withCtr({ key, ...counts }))

/** Monday of the Beijing week that holds `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

type RankedItem = ItemRef & Counts

/** Items ranked by impressions (then clicks, then key), at most `limit`, and how many there were. */
async function rankedItems(payload: Payload, query: StatsQuery, limit: number, now: number): Promise<{ ranked: RankedItem[]; count: number }> {
  const sums = sumBy(await rollup(payload, 'item', query, now), (row) => itemRefKey(row))
  const ranked = [...sums]
    .map(([key, counts]) => ({ key, ...counts }))
    .sort((a, b) => b.impressions - a.impressions || b.clicks - a.clicks || (a.key < b.key ? -1 : 1))
    .slice(0, limit)
    .map(({ key, impressions, clicks, dismisses }) => {
      const collectionSlug = key.slice(0, key.indexOf(':')) as TrackedCollection
      return { collectionSlug, itemId: key.slice(key.indexOf(':') + 1), impressions, clicks, dismisses }
    })
  return { ranked, count: sums.size }
}

const withTitles = (ranked: RankedItem[], titles: Map<string, string>): ItemFigures[] =>
  ranked.map(({ collectionSlug, itemId, impressions, clicks, dismisses }) =>
    withCtr({ collection: collectionSlug, id: itemId, title: titles.get(itemRefKey({ collectionSlug, itemId })) ?? null, impressions, clicks, dismisses }),
  )

/**
 * Everything the statistics page shows for a range and filters. The counts are read at two
 * grains only (per day and per item, each split by dimension; see rollups.ts), never as the
 * item × day grid: the page needs sums, and the grid of a year is 365,000 rows.
 */
export async function statsSummary(payload: Payload, query: StatsQuery, { now = Date.now(), itemLimit = DEFAULT_ITEM_LIMIT } = {}): Promise<StatsSummary> {
  const { from, to, ...filters } = query
  const dayRows = await rollup(payload, 'day', query, now)

  const perDay = sumBy(dayRows, (row) => row.day)
  const days = daysInRange(from, to)
  const daily = Array.from({ length: days }, (_, i) => addDays(from, i)).map((day) => withCtr({ day, ...(perDay.get(day) ?? zero()) }))
  const totals = zero()
  for (const row of dayRows) add(totals, row)

  const { ranked, count } = await rankedItems(payload, query, Math.min(Math.max(1, itemLimit), MAX_ITEM_LIMIT), now)
  const today = shanghaiDay(now)
  const week = { from: weekStart(today), to: today }
  const { ranked: top } = await rankedItems(payload, { ...filters, ...week }, TOP_ITEMS, now)
  // One title lookup for both lists: this week's top items are mostly in the range's list too.
  const titles = await itemTitles(payload, [...ranked, ...top])

  return {
    range: { from, to, days },
    filters,
    totals: withCtr(totals),
    daily,
    breakdowns: {
      audience: breakdown(sumBy(dayRows, (row) => row.audience, filters.audience ? [filters.audience] : COUNT_AUDIENCES)),
      placement: breakdown(sumBy(dayRows, (row) => row.placement, filters.placement ? [filters.placement] : PLACEMENTS)),
      platform: breakdown(sumBy(dayRows, (row) => row.platform, filters.platform ? [filters.platform] : PLATFORMS)),
      collection: breakdown(sumBy(dayRows, (row) => row.collectionSlug, filters.collection ? [filters.collection] : TRACKED_COLLECTIONS)),
    },
    items: withTitles(ranked, titles),
    itemCount: count,
    topThisWeek: { ...week, items: withTitles(top, titles) },
    office: await officeMetrics(payload, { from, to, collection: filters.collection }),
  }
}
