import type { Endpoint, PayloadRequest } from 'payload'

import { languageOf } from '@/admin/language'

import { calendarEntries } from './calendarEntries'
import { parseCalendarQuery } from './calendarQuery'
import { type CalendarAnswer, CALENDAR_TIME_ZONE } from './types'

type Messages = { zh: string; en: string }

const refuse = (req: PayloadRequest, status: number, code: string, messages: Messages) =>
  Response.json({ errors: [{ code, message: messages[languageOf(req.i18n?.language)] }] }, { status })

/**
 * GET /api/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD[&department=<id>][&kind=<notice kind>][&collection=<slug>]
 * — the publishing calendar: publishes, expiries and free-clinic sessions on Beijing days
 * [from, to], at most 62 days, for signed-in staff (each reads what its collections allow).
 */
export const calendarEndpoints: Endpoint[] = [
  {
    path: '/calendar',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return refuse(req, 401, 'UNAUTHENTICATED', { zh: '请先登录。', en: 'Sign in first.' })
      const parsed = await parseCalendarQuery(req)
      if (!parsed.ok) return refuse(req, 400, parsed.code, parsed.messages)
      const entries = await calendarEntries(req, parsed.query)
      const answer: CalendarAnswer = { from: parsed.query.from, to: parsed.query.to, timeZone: CALENDAR_TIME_ZONE, entries }
      return Response.json(answer, { headers: { 'Cache-Control': 'private, no-store' } })
    },
  },
]
