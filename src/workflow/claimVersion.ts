import type { PayloadRequest } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'
import { INSTANCE_ID } from '@/publishing/instanceId'
import { preservingContext } from '@/webhooks/outbox'

import type { PublishableCollection } from './states'

type Id = number | string

/** MongoDB reports two transactions writing the same key as a write conflict, not a duplicate. */
const isWriteConflict = (error: unknown) =>
  (error as { code?: number })?.code === 112 || Boolean((error as { errorLabels?: string[] })?.errorLabels?.includes('TransientTransactionError'))

/**
 * Names the item's newest version (its id; the document's updatedAt for an item saved before it had
 * versions). Read it BEFORE reading the item: whatever is read afterwards is then that version or a
 * newer one, and a newer one means its writer claimed this marker first, so our claim fails.
 */
export async function latestVersionMarker(req: PayloadRequest, collection: PublishableCollection, id: Id): Promise<string> {
  const { docs } = await req.payload.db.findVersions({
    collection,
    // The newest by id, not by updatedAt: versions written in the same millisecond, or by instances
    // whose clocks disagree, may all keep `latest` (db-postgres/db-sqlite compare updatedAt), and
    // an older version picked by time would name a marker its successor already claimed. Every
    // writer must name the same one.
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: ['-id'],
    limit: 1,
    pagination: false,
    req,
  })
  // The id alone could repeat: SQLite hands a deleted row's id to the next row, so a new item could
  // inherit a deleted one's claims. Id and time together name one version.
  if (docs[0]) return `v${docs[0].id}:${String((docs[0] as { updatedAt?: unknown }).updatedAt ?? '')}`
  const doc = await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })
  return `u${String((doc as { updatedAt?: unknown } | null)?.updatedAt ?? '')}`
}

/**
 * Every change to a publishable item — a save or a workflow step — first claims the version it
 * starts from (latestVersionMarker), a unique `version:<collection>:<id>:<marker>` row in
 * schedule-claims, so two changes made from the same version cannot both commit. On PostgreSQL the
 * second insert waits for the first transaction and then fails; SQLite runs one write transaction
 * at a time (across processes too: BEGIN IMMEDIATE), so the second change reads the first's result. It must be the transaction's first write: a change waiting for
 * its claim then holds no row the winner still needs (no deadlock). The claim belongs to the
 * transaction, so a change that rolls back releases it. Without a transaction (MongoDB without a
 * replica set) a claim would outlive a failed change and block the item for good: none is taken.
 * False when another change got there first.
 */
export async function claimVersion(req: PayloadRequest, collection: PublishableCollection, id: Id, marker: string): Promise<boolean> {
  if (!req.transactionID) return true
  const key = `version:${collection}:${id}:${marker}`
  try {
    return await preservingContext(req, () => claimOnce(req.payload, key, INSTANCE_ID, req))
  } catch (error) {
    if (isWriteConflict(error)) return false
    throw error
  }
}
