import type { Payload } from 'payload'

import type { TrackedCollection } from './events'
import { itemKey, storableId } from './resolveItems'

export type ItemRef = { collectionSlug: TrackedCollection; itemId: string }

export const itemRefKey = ({ collectionSlug, itemId }: ItemRef) => itemKey(collectionSlug, itemId)

/**
 * Titles of counted items, by itemRefKey. Read from each item's main document (its live version
 * once published), whatever the reader's own access: whoever may read the statistics may know
 * what they are about. Deleted items have no title.
 */
export async function itemTitles(payload: Payload, items: ItemRef[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>()
  const byCollection = new Map<TrackedCollection, Set<string>>()
  for (const { collectionSlug, itemId } of items) {
    if (!byCollection.has(collectionSlug)) byCollection.set(collectionSlug, new Set())
    byCollection.get(collectionSlug)!.add(itemId)
  }
  for (const [collection, ids] of byCollection) {
    // Counts may hold any id the apps sent; one this engine cannot hold names no document.
    const storable = [...ids].map((id) => storableId(payload, id)).filter((id) => id !== null)
    if (storable.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: storable } },
      select: { title: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs as Array<{ id: number | string; title?: string | null }>) titles.set(itemRefKey({ collectionSlug: collection, itemId: String(doc.id) }), doc.title ?? '')
  }
  return titles
}
