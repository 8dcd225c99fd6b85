import type { PayloadRequest } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'
import { INSTANCE_ID } from '@/publishing/instanceId'
import { preservingContext } from '@/webhooks/outbox'

import type { PublishableCollection } from './states'

type Id = number | string

/** MongoDB reports two transactions writing the same key as a write conflict, not a duplicate. */
const isWriteConflict = (error: unknown) =>
  (error as { code?: number })?.code === 112 || Boolean((error as { errorLabels?: string[] })?.errorLabels?.includes('TransientTransactionError'))

/** The same instant reads back in different notations on different engines. */
function versionMarker(updatedAt: unknown): string {
  const time = new Date(updatedAt as string)
  return Number.isNaN(time.getTime()) ? String(updatedAt) : time.toISOString()
}

/**
 * Every change to a publishable item — a save or a workflow step — first claims the version it
 * starts from, a unique `version:<collection>:<id>:<updatedAt>` row in schedule-claims, so two
 * changes made from the same version cannot both commit. On PostgreSQL the second insert waits for
 * the first transaction and then fails; SQLite runs one write transaction at a time, so the second
 * change reads the first's result. It must be the transaction's first write: a change waiting for
 * its claim then holds no row the winner still needs (no deadlock). The claim belongs to the
 * transaction, so a change that rolls back releases it. Without a transaction (MongoDB without a
 * replica set) a claim would outlive a failed change and block the item for good: none is taken.
 * False when another change got there first.
 */
export async function claimVersion(req: PayloadRequest, collection: PublishableCollection, id: Id, versionUpdatedAt: unknown): Promise<boolean> {
  if (!req.transactionID) return true
  const key = `version:${collection}:${id}:${versionMarker(versionUpdatedAt)}`
  try {
    return await preservingContext(req, () => claimOnce(req.payload, key, INSTANCE_ID, req))
  } catch (error) {
    if (isWriteConflict(error)) return false
    throw error
  }
}
