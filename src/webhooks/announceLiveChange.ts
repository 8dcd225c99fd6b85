import type { PayloadRequest, Where } from 'payload'

import type { PublishableCollection } from '@/workflow/states'

import { newEventId, webhookEvent } from './event'
import { DELIVERIES, newScheduleToken, preservingContext, queueAttempt } from './outbox'

export type LiveChangeType = 'published' | 'updated' | 'withdrawn' | 'expired'

export type LiveChange = {
  type: LiveChangeType
  collection: PublishableCollection
  id: number | string
  /** Audience of the item: which apps care ('both' = patient and doctor apps). */
  audience: 'patient' | 'doctor' | 'both'
}

/** Set `req.context[SKIP_WEBHOOKS] = true` to change content without telling the apps (seeding, bulk imports). */
export const SKIP_WEBHOOKS = 'skipWebhooks'

/** Active apps with a webhook that read the feed of one of these audiences. */
const interestedApps = (audiences: string[]): Where => ({
  and: [{ active: { equals: true } }, { webhookUrl: { exists: true } }, { webhookUrl: { not_equals: '' } }, { feeds: { in: audiences } }],
})

/** Id of the item's newest version, which is what the apps now show (or stopped showing). */
async function latestVersion(req: PayloadRequest, change: LiveChange): Promise<string | null> {
  const { docs } = await req.payload.findVersions({
    collection: change.collection,
    // As Payload finds a document's newest version itself (getLatestCollectionVersion).
    where: { and: [{ parent: { equals: change.id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return docs[0] ? String(docs[0].id) : null
}

/**
 * Called by the workflow whenever what an app shows changes: an item went live, its live version
 * was replaced, it was withdrawn or it expired. Records one delivery per interested app client
 * in the caller's transaction — the outbox: if the change rolls back, so do its webhooks; if it
 * commits, the deliveries and their queued jobs are in the database before anything is sent.
 */
export async function announceLiveChange(req: PayloadRequest, change: LiveChange): Promise<void> {
  if (req.context?.[SKIP_WEBHOOKS]) return
  await preservingContext(req, async () => {
    const audiences = change.audience === 'both' ? ['patient', 'doctor'] : [change.audience]
    const { docs: apps } = await req.payload.find({
      collection: 'app-clients',
      where: interestedApps(audiences),
      pagination: false,
      depth: 0,
      select: { name: true },
      req,
      overrideAccess: true,
    })
    if (apps.length === 0) return

    const now = new Date()
    const event = webhookEvent(change, { id: newEventId(), version: await latestVersion(req, change), at: now })
    const body = JSON.stringify(event)
    for (const app of apps) {
      const scheduleToken = newScheduleToken()
      const delivery = await req.payload.create({
        collection: DELIVERIES,
        data: {
          eventId: event.id,
          eventType: change.type,
          client: app.id,
          collectionSlug: change.collection,
          documentId: event.data.id,
          documentVersion: event.data.version,
          body,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now.toISOString(),
          scheduleToken,
        },
        depth: 0,
        select: { eventId: true },
        req,
        overrideAccess: true,
      })
      await queueAttempt(req, delivery.id, scheduleToken)
    }
  })
}
