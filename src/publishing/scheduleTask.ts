import { commitTransaction, initTransaction, killTransaction, type TaskConfig } from 'payload'

import { documentId } from '@/content/ids'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'
import { expireItem, goLive, loadItem } from '@/workflow/transition'

import { claimOnce } from './claimOnce'
import { INSTANCE_ID } from './instanceId'

/** A job that became due this much before its time is early (clock skew between instances), in ms. */
const EARLY_TOLERANCE = 50

/**
 * Publishes an approved item at its publishAt, or takes a live one down at its expireAt. Queued
 * with waitUntil = that time. Safe to run late, twice or on several instances: it re-checks the
 * item (a later edit, withdrawal or new schedule makes it a no-op) and claims the action by a key
 * that names exactly this approval, so it happens once.
 */
export const scheduleTask: TaskConfig<'runSchedule'> = {
  slug: 'runSchedule',
  label: 'Scheduled publish / expiry',
  inputSchema: [
    { name: 'action', type: 'select', options: ['publish', 'expire'], required: true },
    { name: 'collection', type: 'select', options: [...PUBLISHABLE_COLLECTIONS], required: true },
    { name: 'id', type: 'text', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const collection = input.collection as PublishableCollection
    const id = documentId(req.payload, input.id)
    const now = Date.now()
    const ownTransaction = await initTransaction(req)
    const finish = async (outcome: string, commit: boolean) => {
      if (ownTransaction) await (commit ? commitTransaction(req) : killTransaction(req))
      return { output: { outcome } }
    }
    try {
      const item = await loadItem(req, collection, id)
      if (!item) return await finish('gone', true)
      const { working } = item
      const isDue = (time: unknown) => !time || new Date(time as string).getTime() <= now + EARLY_TOLERANCE

      if (input.action === 'publish') {
        if (working.workflowState !== 'approved' || !isDue(working.publishAt)) return await finish('not-approved-or-rescheduled', true)
        // A lost claim aborts the transaction on PostgreSQL; nothing was written, so roll back.
        if (!(await claimOnce(req.payload, `publish:${collection}:${id}:${working.decidedAt}`, INSTANCE_ID, req))) return await finish('claimed-elsewhere', false)
        await goLive(req, collection, id)
        return await finish('published', true)
      }
      // The live version's end decides, not a pending edit's: an edit that moves the end waits for
      // its own approval, and until then the approved window holds.
      const { main } = item
      if (!item.live || !main.expireAt || !isDue(main.expireAt)) return await finish('not-live-or-rescheduled', true)
      if (!(await claimOnce(req.payload, `expire:${collection}:${id}:${main.decidedAt}:${main.expireAt}`, INSTANCE_ID, req))) return await finish('claimed-elsewhere', false)
      await expireItem(req, collection, id)
      return await finish('expired', true)
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
  },
}
