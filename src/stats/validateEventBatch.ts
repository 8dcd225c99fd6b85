import {
  COUNT_AUDIENCES,
  type CountAudience,
  EVENT_TYPES,
  type EventType,
  PLACEMENTS,
  type Placement,
  PLATFORMS,
  type Platform,
  TRACKED_COLLECTIONS,
  type TrackedCollection,
} from './events'
import { shanghaiDay } from '@/content/shanghaiTime'

/** Events per batch: enough for a day of one app session, small enough to store in one short transaction. */
export const MAX_BATCH = 500
/** An app's clock may run ahead this much (ms); later times are invented. */
export const MAX_CLOCK_AHEAD = 10 * 60 * 1000
/** Apps hold events while offline; older ones are not trusted (ms). Also bounds the days compaction revisits. */
export const MAX_EVENT_AGE = 7 * 24 * 3600 * 1000
/** Problems listed in one 422 answer; a batch that is wrong everywhere needs no 500 entries to be fixed. */
export const MAX_REPORTED_PROBLEMS = 50

/** ISO 8601 with a date, a time and a zone: a time without zone would be read in the server's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
/** An opaque id the app keeps per install: printable ASCII without spaces. */
const DEVICE_ID = /^[\x21-\x7e]{1,64}$/
/** A batch id the app chose, so that sending a batch again (after a lost answer) counts it once. */
const BATCH_ID = /^[A-Za-z0-9_-]{8,64}$/
/** Item ids: numbers on SQL engines, ObjectId text on MongoDB. */
const TEXT_ID = /^[A-Za-z0-9_-]{1,64}$/

export type ValidEvent = {
  index: number
  type: EventType
  collection: TrackedCollection
  id: number | string
  placement: Placement
  platform: Platform
  /** Calendar day of the event in Asia/Shanghai, 'YYYY-MM-DD'. */
  day: string
  /** The feed the event came from. */
  audience: CountAudience
}

export type BatchProblem = {
  code: 'INVALID_EVENT' | 'INVALID_BATCH'
  /** Position of the wrong event in `events`; absent when the batch as a whole is wrong. */
  index?: number
  field: string
  message: string
}

/** `duplicates`: indexes of events identical to an earlier one of the batch (counted once). */
export type BatchValidation = { ok: true; events: ValidEvent[]; duplicates: number[]; batchId?: string } | { ok: false; problems: BatchProblem[]; problemCount: number }

type Messages = { zh: string; en: string }

const oneOf = (values: readonly string[]) => values.join(' | ')

const MESSAGES = {
  notObject: { zh: '请求体必须是 JSON 对象 { "events": [...] }。', en: 'The body must be a JSON object { "events": [...] }.' },
  batchId: { zh: 'batchId 须为 8 到 64 位字母、数字、_ 或 -。', en: '"batchId" must be 8 to 64 letters, digits, "_" or "-".' },
  notArray: { zh: 'events 必须是数组。', en: '"events" must be an array.' },
  size: { zh: `每批 1 到 ${MAX_BATCH} 个事件。`, en: `A batch holds 1 to ${MAX_BATCH} events.` },
  event: { zh: '事件必须是 JSON 对象。', en: 'Each event must be a JSON object.' },
  type: { zh: `type 必须是 ${oneOf(EVENT_TYPES)} 之一。`, en: `"type" must be one of ${oneOf(EVENT_TYPES)}.` },
  collection: { zh: `collection 必须是 ${oneOf(TRACKED_COLLECTIONS)} 之一。`, en: `"collection" must be one of ${oneOf(TRACKED_COLLECTIONS)}.` },
  id: { zh: 'id 必须是非负整数或不超过 64 位的字母数字串。', en: '"id" must be a non-negative integer or up to 64 letters, digits, "_" or "-".' },
  placement: { zh: `placement 必须是 ${oneOf(PLACEMENTS)} 之一。`, en: `"placement" must be one of ${oneOf(PLACEMENTS)}.` },
  platform: { zh: `platform 必须是 ${oneOf(PLATFORMS)} 之一。`, en: `"platform" must be one of ${oneOf(PLATFORMS)}.` },
  at: { zh: 'at 必须是带时区的 ISO 8601 时间，如 2026-11-25T16:30:00Z。', en: '"at" must be an ISO 8601 time with a zone, e.g. 2026-11-25T16:30:00Z.' },
  future: { zh: 'at 晚于服务器时间 10 分钟以上，请检查设备时钟。', en: '"at" is more than 10 minutes in the future; check the device clock.' },
  old: { zh: 'at 早于 7 天前，过旧的事件不再统计。', en: '"at" is more than 7 days ago; events that old are no longer counted.' },
  deviceId: { zh: 'deviceId 必须是 1 到 64 个可打印 ASCII 字符（不含空格）。', en: '"deviceId" must be 1 to 64 printable ASCII characters without spaces.' },
  audience: { zh: `audience 必须是该应用可读取的信息流（${oneOf(COUNT_AUDIENCES)}）。`, en: `"audience" must be a feed this app reads (${oneOf(COUNT_AUDIENCES)}).` },
  audienceRequired: {
    zh: '该应用同时读取患者端和医生端信息流，每个事件须用 audience 注明来自哪个信息流。',
    en: 'This app reads both feeds: give each event an "audience" saying which feed it came from.',
  },
} satisfies Record<string, Messages>

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value)

/**
 * Checks a whole batch before anything is stored: either every event is well formed (and each
 * gets its Shanghai day and feed), or the answer lists what is wrong, by index and field.
 */
export function validateEventBatch(
  body: unknown,
  { now, feeds, language }: { now: number; feeds: readonly string[]; language?: string },
): BatchValidation {
  const say = (messages: Messages) => (language?.startsWith('en') ? messages.en : messages.zh)
  const batchProblem = (messages: Messages): BatchValidation => ({
    ok: false,
    problems: [{ code: 'INVALID_BATCH', field: 'events', message: say(messages) }],
    problemCount: 1,
  })

  if (!isRecord(body)) return batchProblem(MESSAGES.notObject)
  const { events, batchId } = body
  if (batchId !== undefined && (typeof batchId !== 'string' || !BATCH_ID.test(batchId))) {
    return { ok: false, problems: [{ code: 'INVALID_BATCH', field: 'batchId', message: say(MESSAGES.batchId) }], problemCount: 1 }
  }
  if (!Array.isArray(events)) return batchProblem(MESSAGES.notArray)
  if (events.length < 1 || events.length > MAX_BATCH) return batchProblem(MESSAGES.size)

  const appFeeds = COUNT_AUDIENCES.filter((feed) => feeds.includes(feed))
  const problems: BatchProblem[] = []
  let problemCount = 0
  const problem = (index: number, field: string, messages: Messages) => {
    problemCount++
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ code: 'INVALID_EVENT', index, field, message: say(messages) })
  }

  const valid: ValidEvent[] = []
  const duplicates: number[] = []
  const seen = new Set<string>()
  events.forEach((event, index) => {
    const before = problemCount
    if (!isRecord(event)) return problem(index, 'event', MESSAGES.event)
    if (!isOneOf(EVENT_TYPES, event.type)) problem(index, 'type', MESSAGES.type)
    if (!isOneOf(TRACKED_COLLECTIONS, event.collection)) problem(index, 'collection', MESSAGES.collection)
    const id = event.id
    if (!((typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) || (typeof id === 'string' && TEXT_ID.test(id)))) problem(index, 'id', MESSAGES.id)
    if (!isOneOf(PLACEMENTS, event.placement)) problem(index, 'placement', MESSAGES.placement)
    if (!isOneOf(PLATFORMS, event.platform)) problem(index, 'platform', MESSAGES.platform)

    const at = typeof event.at === 'string' && ISO_INSTANT.test(event.at) ? Date.parse(event.at) : Number.NaN
    if (Number.isNaN(at)) problem(index, 'at', MESSAGES.at)
    else if (at > now + MAX_CLOCK_AHEAD) problem(index, 'at', MESSAGES.future)
    else if (at < now - MAX_EVENT_AGE) problem(index, 'at', MESSAGES.old)

    if (typeof event.deviceId !== 'string' || !DEVICE_ID.test(event.deviceId)) problem(index, 'deviceId', MESSAGES.deviceId)

    let audience: CountAudience | undefined
    if (event.audience === undefined || event.audience === null) {
      if (appFeeds.length === 1) audience = appFeeds[0]
      else problem(index, 'audience', MESSAGES.audienceRequired)
    } else if (isOneOf(appFeeds, event.audience)) audience = event.audience
    else problem(index, 'audience', MESSAGES.audience)

    if (problemCount === before) {
      // One device cannot see, click or dismiss the same item at the same placement twice in one
      // instant: an identical event (type, item, placement, platform, device, feed and time to the
      // millisecond) is a repeat of the first — an app retrying inside its own batch — and counts once.
      const key = JSON.stringify([event.type, event.collection, String(id), event.placement, event.platform, event.deviceId, at, audience])
      if (seen.has(key)) return void duplicates.push(index)
      seen.add(key)
      valid.push({
        index,
        type: event.type as EventType,
        collection: event.collection as TrackedCollection,
        id: id as number | string,
        placement: event.placement as Placement,
        platform: event.platform as Platform,
        day: shanghaiDay(at),
        audience: audience!,
      })
    }
  })

  return problemCount > 0 ? { ok: false, problems, problemCount } : { ok: true, events: valid, duplicates, batchId: batchId as string | undefined }
}
