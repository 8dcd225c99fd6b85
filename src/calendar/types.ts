import type { Audience } from '@/content/fields'
import type { PublishableCollection, WorkflowState } from '@/workflow/states'

export type CalendarEntryType = 'publish' | 'expire' | 'session'

/** One dated thing on the publishing calendar (the shape GET /api/calendar answers). */
export type CalendarEntry = {
  type: CalendarEntryType
  collection: PublishableCollection
  id: number | string
  title: string
  /** UTC ISO: the publish or expiry time, or a session's start. */
  at: string
  /** A session's end (UTC ISO). */
  end?: string
  /** A session's places. */
  quota?: number
  audience: Audience
  /** Notices only. */
  kind?: string
  departments: (number | string)[]
  state: WorkflowState
  /** In review: it will happen only if a reviewer approves it. */
  tentative: boolean
  /** A publish still approved, or an expiry still live, over a minute after its time: it did not happen. */
  overdue: boolean
  href: string
}

export type CalendarAnswer = { from: string; to: string; timeZone: 'Asia/Shanghai'; entries: CalendarEntry[] }

/** The hospital's time zone: calendar days start at 00:00 Beijing time. */
export const CALENDAR_TIME_ZONE = 'Asia/Shanghai'

/** Longest range one request may ask for, in days (a month view shows at most 42). */
export const MAX_CALENDAR_DAYS = 62
