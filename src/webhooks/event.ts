import { randomUUID } from 'node:crypto'

import type { LiveChange, LiveChangeType } from './announceLiveChange'

/**
 * The JSON body of every webhook Yixun sends. Field names are a contract with the apps' backends:
 * add fields, never rename or remove them.
 *
 * ```json
 * {
 *   "id": "evt_5f0c2b1e8d7a4c3b9a1f6e2d4c8b7a90",
 *   "type": "content.published",
 *   "timestamp": "2026-11-20T08:00:00.000Z",
 *   "data": { "collection": "notices", "id": "42", "version": "317", "audience": "patient" }
 * }
 * ```
 *
 * - `id`: the event id, also sent as the `webhook-id` header; the same on every retry and
 *   redelivery, so receivers drop duplicates by it.
 * - `type`: `content.published` (went live), `content.updated` (its live version was replaced),
 *   `content.withdrawn` (taken down by a reviewer), `content.expired` (its display window ended).
 * - `timestamp`: when the change happened (ISO 8601, UTC), not when this attempt was made.
 * - `data.collection`: `notices` or `free-clinic-events` (more publishable collections may follow).
 * - `data.id`: the item's id, always a string (numbers on SQL databases, ObjectIds on MongoDB).
 * - `data.version`: id of the item's version after the change, a string; it changes whenever the
 *   item is saved, so an app can tell whether its cached copy is current.
 * - `data.audience`: `patient`, `doctor` or `both`.
 */
export type WebhookEvent = {
  id: string
  type: WebhookEventType
  timestamp: string
  data: { collection: string; id: string; version: string | null; audience: LiveChange['audience'] }
}

export type WebhookEventType = `content.${LiveChangeType}`

/** Event ids: `evt_` + 32 hex digits. Unique per change; every app and every retry sees the same one. */
export const newEventId = () => `evt_${randomUUID().replaceAll('-', '')}`

export function webhookEvent(change: LiveChange, { id, version, at }: { id: string; version: string | null; at: Date }): WebhookEvent {
  return {
    id,
    type: `content.${change.type}`,
    timestamp: at.toISOString(),
    data: { collection: change.collection, id: String(change.id), version, audience: change.audience },
  }
}
