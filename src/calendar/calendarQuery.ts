import type { Payload, PayloadRequest } from 'payload'

import { documentId } from '@/content/ids'
import { addDays, daysInRange, isDay, shanghaiMidnight } from '@/content/shanghaiTime'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'

import { MAX_CALENDAR_DAYS } from './types'

type Messages = { zh: string; en: string }

export type CalendarQuery = {
  from: string
  to: string
  /** [start, end) in UTC: from 00:00 Beijing time to the day after `to`, 00:00 Beijing time. */
  start: Date
  end: Date
  department?: number | string
  kind?: string
  collection?: PublishableCollection
}

export type CalendarQueryProblem = { code: string; messages: Messages }

/** The kinds a notice may have, as the Notices collection declares them (one source for the list). */
export function noticeKinds(payload: Payload): { value: string; label: unknown }[] {
  const field = payload.collections.notices.config.flattenedFields.find((candidate) => candidate.name === 'kind')
  const options = field && 'options' in field ? field.options : []
  return options.map((option) => (typeof option === 'string' ? { value: option, label: option } : { value: option.value, label: option.label }))
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const text = (value: unknown) => (typeof one(value) === 'string' && (one(value) as string).trim() !== '' ? (one(value) as string).trim() : undefined)

/**
 * Reads ?from=&to=&department=&kind=&collection= of GET /api/calendar. Returns the query, or the
 * first problem with a stable code (the endpoint answers it with 400).
 */
export async function parseCalendarQuery(req: PayloadRequest): Promise<{ ok: true; query: CalendarQuery } | ({ ok: false } & CalendarQueryProblem)> {
  const raw = (req.query ?? {}) as Record<string, unknown>
  const from = text(raw.from)
  const to = text(raw.to)
  if (!isDay(from) || !isDay(to)) {
    return {
      ok: false,
      code: 'INVALID_DATE',
      messages: { zh: 'from 和 to 须为 YYYY-MM-DD 格式的日期（北京时间）。', en: '"from" and "to" must be dates written YYYY-MM-DD (Beijing time).' },
    }
  }
  const days = daysInRange(from, to)
  if (days < 1) {
    return { ok: false, code: 'DATE_RANGE_REVERSED', messages: { zh: '开始日期不能晚于结束日期。', en: '"from" must not be after "to".' } }
  }
  if (days > MAX_CALENDAR_DAYS) {
    return {
      ok: false,
      code: 'DATE_RANGE_TOO_LONG',
      messages: { zh: `日期范围最长 ${MAX_CALENDAR_DAYS} 天。`, en: `The range may span at most ${MAX_CALENDAR_DAYS} days.` },
    }
  }

  const query: CalendarQuery = { from, to, start: shanghaiMidnight(from), end: shanghaiMidnight(addDays(to, 1)) }

  const collection = text(raw.collection)
  if (collection !== undefined) {
    if (!PUBLISHABLE_COLLECTIONS.includes(collection as PublishableCollection)) {
      return {
        ok: false,
        code: 'UNKNOWN_COLLECTION',
        messages: { zh: `collection 须为 ${PUBLISHABLE_COLLECTIONS.join(' / ')} 之一。`, en: `"collection" must be one of ${PUBLISHABLE_COLLECTIONS.join(', ')}.` },
      }
    }
    query.collection = collection as PublishableCollection
  }

  const kind = text(raw.kind)
  if (kind !== undefined) {
    const kinds = noticeKinds(req.payload).map((option) => option.value)
    if (!kinds.includes(kind)) {
      return { ok: false, code: 'UNKNOWN_KIND', messages: { zh: `kind 须为公告类型 ${kinds.join(' / ')} 之一。`, en: `"kind" must be a notice kind: ${kinds.join(', ')}.` } }
    }
    query.kind = kind
  }

  const department = text(raw.department)
  if (department !== undefined) {
    const id = documentId(req.payload, department)
    const valid = typeof id === 'string' || Number.isSafeInteger(id)
    const found = valid
      ? await req.payload.count({ collection: 'departments', where: { id: { equals: id } }, overrideAccess: false, user: req.user, req }).catch(() => ({ totalDocs: 0 }))
      : { totalDocs: 0 }
    if (found.totalDocs === 0) {
      return { ok: false, code: 'UNKNOWN_DEPARTMENT', messages: { zh: '找不到该科室。', en: 'No such department.' } }
    }
    query.department = id
  }

  return { ok: true, query }
}
