/** Beijing time is UTC+8 all year (no daylight saving since 1991), so a Beijing day is a fixed span. */
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/** The Beijing calendar day that contains `now`: [start, end), as instants. */
export function shanghaiDay(now: Date = new Date()): { start: Date; end: Date } {
  const start = Math.floor((now.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
  return { start: new Date(start), end: new Date(start + DAY_MS) }
}
