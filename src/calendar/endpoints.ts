import type { Endpoint } from 'payload'

/** The publishing calendar's data (filled in by the calendar work). */
export const calendarEndpoints: Endpoint[] = []
