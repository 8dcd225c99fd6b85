import {
  COUNT_AUDIENCES,
  type CountAudience,
  PLACEMENTS,
  type Placement,
  PLATFORMS,
  type Platform,
  TRACKED_COLLECTIONS,
  type TrackedCollection,
} from './events'
import { addDays, daysInRange, isDay, shanghaiDay } from '@/content/shanghaiTime'

/** Longest range one request may ask for (days, inclusive): a year and a month of slack for year-on-year views. */
export const MAX_RANGE_DAYS = 400
/** Days shown when the page opens without a range: the last week, today included. */
export const DEFAULT_RANGE_DAYS = 7

export type StatsQuery = {
  from: string
  to: string
  collection?: TrackedCollection
  audience?: CountAudience
  placement?: Placement
  platform?: Platform
}

type Messages = { zh: string; en: string }
export type StatsQueryProblem = { code: string; messages: Messages }

const oneOf = (values: readonly string[]) => values.join(' | ')
const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value)

const FILTERS = [
  ['collection', TRACKED_COLLECTIONS],
  ['audience', COUNT_AUDIENCES],
  ['placement', PLACEMENTS],
  ['platform', PLATFORMS],
] as const

/**
 * Reads the range and filters of a statistics request (`from`, `to` as Beijing days
 * 'YYYY-MM-DD'; `collection`, `audience`, `placement`, `platform`, empty meaning all). Without a
 * range: the last DEFAULT_RANGE_DAYS days up to today; with only `from`: up to today.
 */
export function parseStatsQuery(params: URLSearchParams, now = Date.now()): { ok: true; query: StatsQuery } | { ok: false; problem: StatsQueryProblem } {
  const today = shanghaiDay(now)
  const rawTo = params.get('to')?.trim() || today
  const rawFrom = params.get('from')?.trim() || addDays(isDay(rawTo) ? rawTo : today, -(DEFAULT_RANGE_DAYS - 1))
  for (const [name, value] of [['from', rawFrom], ['to', rawTo]] as const) {
    if (!isDay(value)) {
      return {
        ok: false,
        problem: { code: 'INVALID_DATE', messages: { zh: `${name} 须为 YYYY-MM-DD 格式的日期（北京时间）。`, en: `"${name}" must be a date written YYYY-MM-DD (Beijing time).` } },
      }
    }
  }
  if (rawFrom > rawTo) {
    return { ok: false, problem: { code: 'INVALID_RANGE', messages: { zh: '开始日期不能晚于结束日期。', en: '"from" must not be after "to".' } } }
  }
  if (daysInRange(rawFrom, rawTo) > MAX_RANGE_DAYS) {
    return {
      ok: false,
      problem: { code: 'RANGE_TOO_LONG', messages: { zh: `一次最多查询 ${MAX_RANGE_DAYS} 天。`, en: `A range may span at most ${MAX_RANGE_DAYS} days.` } },
    }
  }
  const query: StatsQuery = { from: rawFrom, to: rawTo }
  for (const [name, values] of FILTERS) {
    const value = params.get(name)?.trim()
    if (!value) continue
    if (!isOneOf<string>(values, value)) {
      return {
        ok: false,
        problem: { code: 'INVALID_FILTER', messages: { zh: `${name} 必须是 ${oneOf(values)} 之一。`, en: `"${name}" must be one of ${oneOf(values)}.` } },
      }
    }
    ;(query as Record<string, string>)[name] = value
  }
  return { ok: true, query }
}
