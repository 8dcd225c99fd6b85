import { REST_POST } from '@payloadcms/next/routes'

import type { TestYixun } from '../helpers/yixun'
import { act, createAs, eventData, noticeData } from '../helpers/content'

type Id = number | string

/** A new app client reading these feeds; returns its key (shown once, at creation). */
export async function appKey(yixun: TestYixun, feeds: Array<'patient' | 'doctor'>, name = `App ${feeds.join('+')} ${Math.random().toString(36).slice(2, 8)}`) {
  const created = (await yixun.payload.create({ collection: 'app-clients', data: { name, feeds, active: true } })) as unknown as { id: Id; apiKey: string }
  return { id: created.id, key: created.apiKey }
}

/** A notice that went through review and is live now. */
export async function liveNotice(yixun: TestYixun, overrides: Record<string, unknown> = {}): Promise<Id> {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  const approved = await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
  if (approved.body.state !== 'published') throw new Error(`notice not live: ${JSON.stringify(approved.body)}`)
  return notice.id
}

/** A free-clinic event that is live now (announced on no homepage, to keep the notices out of it). */
export async function liveEvent(yixun: TestYixun, overrides: Record<string, unknown> = {}): Promise<Id> {
  const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { announceOnHomepage: false, ...overrides }))
  await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
  await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')
  return event.id
}

/** A notice saved as a draft only: it never reached an app. */
export async function draftNotice(yixun: TestYixun, overrides: Record<string, unknown> = {}): Promise<Id> {
  return (await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))).id
}

/** One well-formed event; anything can be overridden (undefined removes the field). */
export function feedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: 'impression',
    collection: 'notices',
    id: 1,
    placement: 'list',
    platform: 'ios',
    at: new Date(Date.now() - 60_000).toISOString(),
    deviceId: 'device-7f3a9c2e-0001',
    ...overrides,
  }
  for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key]
  return event
}

/** `count` events alike but for the device (identical events in one batch count once). */
export const repeat = (count: number, overrides: Record<string, unknown>) =>
  Array.from({ length: count }, (_, i) => feedEvent({ deviceId: `device-7f3a9c2e-${String(i).padStart(4, '0')}`, ...overrides }))

/** POST /api/feed/events with an app key and a JSON body. */
export async function postEvents(yixun: TestYixun, key: string | null, body: unknown, headers: Record<string, string> = {}) {
  const response = await yixun.rest.post('feed/events', { headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers }, body })
  return { status: response.status, body: await response.json() }
}

/** The same with a body sent exactly as given (not JSON-encoded), through Payload's REST route. */
export async function postRaw(key: string, body: string, headers: Record<string, string> = {}) {
  const { default: config } = await import('@payload-config')
  const request = new Request('http://localhost:3000/api/feed/events', {
    method: 'POST',
    headers: { 'Accept-Language': 'en', Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
    body,
  })
  const response = await REST_POST(config)(request, { params: Promise.resolve({ slug: ['feed', 'events'] }) })
  return { status: response.status, body: await response.json() }
}

export async function storedRows(yixun: TestYixun) {
  return (await yixun.payload.count({ collection: 'feed-event-counts' })).totalDocs
}
