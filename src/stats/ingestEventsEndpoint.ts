import type { Endpoint, PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { authenticateApp } from '@/apps/authenticateApp'
import { setting } from '@/config/settings'

import { queueCompaction } from './queueCompaction'
import { type CountableEvent, countByBucket, recordEventCounts } from './recordEventCounts'
import { itemKey, resolveItems } from './resolveItems'
import { MAX_BATCH, validateEventBatch } from './validateEventBatch'

/** Largest body accepted (bytes): 500 events of ~250 bytes each, with room to spare. */
export const MAX_BODY_BYTES = 256 * 1024

type Messages = { zh: string; en: string }

/** Batches per app key per minute on this instance (`FEED_EVENTS_RATE_LIMIT_PER_MINUTE`), read when used. */
const batchesPerMinute = () => setting('FEED_EVENTS_RATE_LIMIT_PER_MINUTE')
const limiters = new Map<number, RateLimiterMemory>()
const limiterFor = (points: number) => {
  let limiter = limiters.get(points)
  if (!limiter) limiters.set(points, (limiter = new RateLimiterMemory({ points, duration: 60 })))
  return limiter
}

const say = (req: PayloadRequest, messages: Messages) => (req.i18n?.language?.startsWith('en') ? messages.en : messages.zh)

const refuse = (req: PayloadRequest, status: number, code: string, messages: Messages, headers?: HeadersInit) =>
  Response.json({ errors: [{ code, message: say(req, messages) }] }, { status, headers })

/** The body as text, or null once it passes `limit` bytes (read no further than that). */
async function readCapped(req: PayloadRequest, limit: number): Promise<string | null> {
  if (!req.body) return (await req.text?.()) ?? ''
  const reader = req.body.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    parts.push(value)
  }
  return Buffer.concat(parts).toString('utf8')
}

const TOO_LARGE: Messages = { zh: `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB。`, en: `The body may not exceed ${MAX_BODY_BYTES / 1024} KB.` }

/**
 * POST /api/feed/events — impressions, clicks and dismissals from the apps, in batches of up to
 * 500, authenticated by the app key. A batch is checked whole before anything is stored: one bad
 * event → 422 naming every wrong index and field, and nothing of the batch counts. Events about
 * items the app cannot have shown (unknown, never live, or for the other app's audience) are
 * counted nowhere and their indexes come back as `ignored`, as do repeats of an identical event
 * (same type, item, placement, platform, device, feed and time). Answers 202 {accepted, ignored}; a
 * batch sent again with the same `batchId` is counted once (202 {…, duplicate: true}).
 */
export const ingestEventsEndpoint: Endpoint = {
  path: '/feed/events',
  method: 'post',
  handler: async (req) => {
    const auth = await authenticateApp(req.payload, req.headers.get('authorization'))
    if (!auth.ok) return Response.json({ errors: [{ code: auth.code, message: auth.message }] }, { status: auth.status })
    // Every batch costs a transaction: one key (a leaked one too) cannot flood the database.
    try {
      await limiterFor(batchesPerMinute()).consume(String(auth.client.id))
    } catch (rejection) {
      const retryAfter = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) : 1
      return refuse(req, 429, 'RATE_LIMITED', { zh: `此应用密钥请求过于频繁，请 ${retryAfter} 秒后重试。`, en: `Too many batches for this app key; retry in ${retryAfter} s.` }, { 'Retry-After': String(retryAfter) })
    }

    const contentType = req.headers.get('content-type')
    if (contentType && !/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
      return refuse(req, 415, 'UNSUPPORTED_MEDIA_TYPE', { zh: '请以 application/json 发送。', en: 'Send the batch as application/json.' })
    }
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return refuse(req, 413, 'BODY_TOO_LARGE', TOO_LARGE)
    const text = await readCapped(req, MAX_BODY_BYTES)
    if (text === null) return refuse(req, 413, 'BODY_TOO_LARGE', TOO_LARGE)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return refuse(req, 400, 'INVALID_JSON', {
        zh: `请求体不是合法的 JSON，应为 {"events": [...]}（最多 ${MAX_BATCH} 个事件）。`,
        en: `The body is not valid JSON; send {"events": [...]} with up to ${MAX_BATCH} events.`,
      })
    }

    const checked = validateEventBatch(body, { now: Date.now(), feeds: auth.client.feeds ?? [], language: req.i18n?.language })
    if (!checked.ok) return Response.json({ errors: checked.problems, errorCount: checked.problemCount }, { status: 422 })

    const unavailable = (error: unknown) => {
      req.payload.logger.error({ err: error, app: auth.client.id, events: checked.events.length }, 'feed events could not be stored')
      return refuse(req, 503, 'EVENTS_NOT_STORED', { zh: '统计暂时无法保存，请稍后重发此批次。', en: 'The counts could not be stored; send the batch again later.' }, { 'Retry-After': '60' })
    }

    let known: Awaited<ReturnType<typeof resolveItems>>
    try {
      known = await resolveItems(req.payload, checked.events)
    } catch (error) {
      return unavailable(error)
    }
    const counted: CountableEvent[] = []
    const ignored: number[] = [...checked.duplicates]
    for (const event of checked.events) {
      const item = known.get(itemKey(event.collection, event.id))
      // An app reports only on what its own feed showed: an item for the other audience is unknown to it.
      if (item && (item.audience === 'both' || item.audience === event.audience)) counted.push({ ...event, itemId: item.itemId })
      else ignored.push(event.index)
    }
    ignored.sort((a, b) => a - b)
    if (counted.length === 0) return Response.json({ accepted: 0, ignored }, { status: 202 })

    // Scoped to the app: one app's batch ids cannot collide with another's.
    const batch = checked.batchId ? `${auth.client.id}:${checked.batchId}` : undefined
    let stored: Awaited<ReturnType<typeof recordEventCounts>>
    try {
      stored = await recordEventCounts(req, countByBucket(counted), batch)
    } catch (error) {
      return unavailable(error)
    }
    if (stored.outcome === 'duplicate') return Response.json({ accepted: counted.length, ignored, duplicate: true }, { status: 202 })
    await queueCompaction(req.payload).catch((error) => req.payload.logger.warn({ err: error }, 'could not queue feed event compaction'))
    return Response.json({ accepted: counted.length, ignored }, { status: 202 })
  },
}
