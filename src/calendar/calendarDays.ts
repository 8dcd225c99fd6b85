import { addDays, shanghaiDay } from '@/content/shanghaiTime'

import { CALENDAR_TIME_ZONE } from './types'

export type CalendarView = 'month' | 'week'

// Beijing time whatever the browser's zone: the hospital schedules in Asia/Shanghai.
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: CALENDAR_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** HH:mm in Beijing time of a UTC ISO instant. */
export const beijingTime = (iso: string) => clock.format(new Date(iso))

/** The Beijing day ('YYYY-MM-DD') an entry belongs to. */
export const beijingDay = (iso: string) => shanghaiDay(new Date(iso))

/** Monday-first position (0–6) of a 'YYYY-MM-DD' day. */
export const weekdayIndex = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7

const mondayOf = (day: string) => addDays(day, -weekdayIndex(day))
const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`

/** The first day of the month `months` after (or before) the month of `day`. */
export function shiftMonth(day: string, months: number): string {
  const date = new Date(`${firstOfMonth(day)}T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.toISOString().slice(0, 10)
}

/** The days a view shows around `anchor`: whole weeks, Monday to Sunday (a month: 4 to 6 weeks). */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  const start = view === 'week' ? mondayOf(anchor) : mondayOf(firstOfMonth(anchor))
  const end = view === 'week' ? addDays(start, 6) : addDays(mondayOf(addDays(shiftMonth(anchor, 1), -1)), 6)
  const days: string[] = []
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day)
  return days
}

/** The anchor one page earlier or later. */
export const stepAnchor = (view: CalendarView, anchor: string, direction: 1 | -1) => (view === 'week' ? addDays(anchor, 7 * direction) : shiftMonth(anchor, direction))
