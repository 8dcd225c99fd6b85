import type { Payload } from 'payload'

import type { CountAudience, Placement, Platform, TrackedCollection } from './events'
import type { Counts } from './readCounts'
import { sumCounts } from './readCounts'
import { addDays, shanghaiDay } from '@/content/shanghaiTime'
import type { StatsQuery } from './statsQuery'
import { MAX_EVENT_AGE } from './validateEventBatch'

type Dimensions = { collectionSlug: TrackedCollection; audience: CountAudience; placement: Placement; platform: Platform }
/** Counts of one day per collection and dimension (no item): the daily series and the breakdowns. */
export type DayRow = Counts & Dimensions & { day: string }
/** Counts of one item per dimension over a period: the item table. */
export type ItemRow = Counts & Dimensions & { itemId: string }

const GRAINS = {
  day: ['day', 'collectionSlug', 'audience', 'placement', 'platform'],
  item: ['collectionSlug', 'itemId', 'audience', 'placement', 'platform'],
} as const
type Grain = keyof typeof GRAINS
type GrainRow<G extends Grain> = G extends 'day' ? DayRow : ItemRow

/**
 * Sums of closed months, per Payload instance. A Beijing day is closed once no event can land on
 * it any more (the ingestion refuses events older than MAX_EVENT_AGE, and compaction only merges
 * rows, keeping their sums): its counts never change again, so a month's sums, read once, serve
 * every later request. Only the open days and the partial months at the ends of a range are read
 * from feed-event-counts each time. Measured by `npm run bench:stats`: a year of 1,000 items is
 * one full scan (1–3 s on SQLite here) the first time, then well under a second.
 */
const closedMonths = new WeakMap<Payload, Map<string, unknown[]>>()
/** Months kept per instance and grain: two years, a few MB at 1,000 items. */
const MAX_CACHED = 2 * 2 * 12

/** The first day that may still receive events (one spare day, as compaction does). */
export const firstOpenDay = (now: number) => addDays(shanghaiDay(now - MAX_EVENT_AGE), -1)

const monthEnd = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)

type Segment = { from: string; to: string; month?: string }

/** The range cut into whole closed months (cacheable) and the stretches between (read each time). */
export function segments(from: string, to: string, now: number): Segment[] {
  const open = firstOpenDay(now)
  const result: Segment[] = []
  let live: Segment | null = null
  for (let start = from; start <= to; ) {
    const month = start.slice(0, 7)
    const end = monthEnd(month) < to ? monthEnd(month) : to
    const whole = start === `${month}-01` && end === monthEnd(month)
    if (whole && end < open) {
      live = null
      result.push({ from: start, to: end, month })
    } else if (live) live.to = end
    else result.push((live = { from: start, to: end }))
    start = addDays(end, 1)
  }
  return result
}

const matches = (row: Dimensions, { collection, audience, placement, platform }: StatsQuery) =>
  (!collection || row.collectionSlug === collection) && (!audience || row.audience === audience) && (!placement || row.placement === placement) && (!platform || row.platform === platform)

async function closedMonth<G extends Grain>(payload: Payload, grain: G, segment: Segment): Promise<GrainRow<G>[]> {
  let cache = closedMonths.get(payload)
  if (!cache) closedMonths.set(payload, (cache = new Map()))
  const key = `${grain}:${segment.month}`
  const cached = cache.get(key)
  if (cached) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(key)
    cache.set(key, cached)
    return cached as GrainRow<G>[]
  }
  const rows = (await sumCounts(payload, { from: segment.from, to: segment.to }, GRAINS[grain])) as unknown as GrainRow<G>[]
  cache.set(key, rows)
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!)
  return rows
}

/**
 * Counts of the range and filters at one grain: per day (`day`) or per item (`item`, summed over
 * the range), each split by collection, audience, placement and platform. Several rows may share
 * a key when the range spans several segments; callers add them up.
 */
export async function rollup<G extends Grain>(payload: Payload, grain: G, query: StatsQuery, now = Date.now()): Promise<GrainRow<G>[]> {
  const parts: GrainRow<G>[][] = []
  for (const segment of segments(query.from, query.to, now)) {
    if (segment.month) parts.push((await closedMonth(payload, grain, segment)).filter((row) => matches(row, query)))
    else parts.push((await sumCounts(payload, { ...query, from: segment.from, to: segment.to }, GRAINS[grain])) as unknown as GrainRow<G>[])
  }
  return parts.flat()
}

/** Forgets the closed months read so far: after counts of past days were written by hand (a backfill, a test). */
export function forgetClosedMonths(payload: Payload): void {
  closedMonths.delete(payload)
}
