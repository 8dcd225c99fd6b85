const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The hospital's calendar day ('YYYY-MM-DD', Beijing time) of an instant: reports follow the hospital's day, not UTC's. */
export function shanghaiDay(at: Date | number): string {
  return shanghaiDate.format(at)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The day `days` after (or before, when negative) a 'YYYY-MM-DD' day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** How many days from `from` to `to`, both counted ('2026-11-01'..'2026-11-01' is 1). */
export const daysInRange = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/** 00:00 Beijing time of a 'YYYY-MM-DD' day, as an instant (Beijing is UTC+8 all year). */
export const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`)

/** The Beijing calendar day that contains `now`: [start, end), as instants. */
export function shanghaiDaySpan(now: Date = new Date()): { start: Date; end: Date } {
  const day = shanghaiDay(now)
  return { start: shanghaiMidnight(day), end: shanghaiMidnight(addDays(day, 1)) }
}

const shanghaiClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** 'YYYY-MM-DD HH:mm:ss' in Beijing time, for messages to people. */
export function shanghaiDateTime(at: Date | number | string): string {
  return shanghaiClock.format(new Date(at))
}
