import type { PayloadRequest } from 'payload'

import type { PublishableCollection } from '@/workflow/states'

export type LiveChangeType = 'published' | 'updated' | 'withdrawn' | 'expired'

export type LiveChange = {
  type: LiveChangeType
  collection: PublishableCollection
  id: number | string
  /** Audience of the item: which apps care ('both' = patient and doctor apps). */
  audience: 'patient' | 'doctor' | 'both'
}

/**
 * Called by the workflow whenever what an app shows changes: an item went live, its live version
 * was replaced, it was withdrawn or it expired. Records one delivery per interested app client
 * (durably, in the caller's transaction) and queues its sending. STUB: the webhooks work fills it in.
 */
export async function announceLiveChange(_req: PayloadRequest, _change: LiveChange): Promise<void> {}
