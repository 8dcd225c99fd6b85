import type { Payload } from 'payload'

import { documentId } from '@/content/ids'

import type { TrackedCollection } from './events'

export type ItemRef = { collectionSlug: TrackedCollection; itemId: string }

/** Ids that can name a document on this engine (counts may hold any text the apps sent). */
const isStorableId = (payload: Payload, id: string) => (payload.db.defaultIDType === 'number' ? /^\d{1,15}$/.test(id) : /^[a-f0-9]{24}$/i.test(id))

export const itemRefKey = ({ collectionSlug, itemId }: ItemRef) => `${collectionSlug}:${itemId}`

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
    const storable = [...ids].filter((id) => isStorableId(payload, id))
    if (storable.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: storable.map((id) => documentId(payload, id)) } },
      select: { title: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs as Array<{ id: number | string; title?: string | null }>) titles.set(itemRefKey({ collectionSlug: collection, itemId: String(doc.id) }), doc.title ?? '')
  }
  return titles
}
