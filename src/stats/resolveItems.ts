import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { refId } from '@/content/ids'

import type { TrackedCollection } from './events'

export type ItemAudience = 'patient' | 'doctor' | 'both'

/** An item the apps may have shown: its id as the database writes it, and the audience it was live for. */
export type KnownItem = { itemId: string; audience: ItemAudience }

/** How long an item's audience is trusted without asking the database again (ms). */
const CACHE_TTL = 60_000
const CACHE_LIMIT = 10_000

type Cached = { item: KnownItem; until: number }
/** Per Payload instance; only known items are kept, so an item that goes live is counted at once. */
const caches = new WeakMap<Payload, Map<string, Cached>>()

const cacheOf = (payload: Payload) => {
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new Map()))
  return cache
}

export const itemKey = (collection: string, id: number | string) => `${collection}:${String(id)}`

/** Ids this engine can hold; any other id names no item (and must not reach a query, which would fail). */
export function storableId(payload: Payload, id: number | string): number | string | null {
  if (payload.db.defaultIDType === 'number') {
    const value = typeof id === 'number' ? id : /^\d{1,16}$/.test(id) ? Number(id) : Number.NaN
    return Number.isSafeInteger(value) ? value : null
  }
  return typeof id === 'string' && /^[a-f0-9]{24}$/i.test(id) ? id : null
}

const audienceOf = (doc: { audience?: unknown } | undefined): ItemAudience =>
  doc?.audience === 'patient' || doc?.audience === 'doctor' ? doc.audience : 'both'


/**
 * Which of these items exist and were ever live, with the audience of their live (or last live)
 * version. Anything else (unknown ids, drafts that never went out, collections this installation
 * lacks) is absent from the answer: the apps cannot have shown it, so it is counted nowhere.
 */
export async function resolveItems(
  payload: Payload,
  refs: Array<{ collection: TrackedCollection; id: number | string }>,
  req?: PayloadRequest,
): Promise<Map<string, KnownItem>> {
  const cache = cacheOf(payload)
  const now = performance.now()
  const known = new Map<string, KnownItem>()
  const wanted = new Map<TrackedCollection, Map<string, number | string>>()

  for (const { collection, id } of refs) {
    const key = itemKey(collection, id)
    if (known.has(key)) continue
    const cached = cache.get(key)
    if (cached && cached.until > now) {
      known.set(key, cached.item)
      continue
    }
    if (!(collection in payload.collections)) continue
    const storable = storableId(payload, id)
    if (storable === null) continue
    if (!wanted.has(collection)) wanted.set(collection, new Map())
    wanted.get(collection)!.set(key, storable)
  }

  for (const [collection, keys] of wanted) {
    const slug = collection as CollectionSlug
    const ids = [...new Set(keys.values())]
    const hasDrafts = Boolean(payload.collections[slug].config.versions?.drafts)
    const { docs } = await payload.find({
      collection: slug,
      where: { id: { in: ids } },
      draft: false,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: hasDrafts ? { audience: true, _status: true } : { audience: true },
    } as never)
    const found = new Map<string, KnownItem>()
    const neverLiveYet: Array<number | string> = []
    for (const doc of docs as Array<{ id: number | string; audience?: unknown; _status?: unknown }>) {
      if (!hasDrafts || doc._status === 'published') found.set(String(doc.id), { itemId: String(doc.id), audience: audienceOf(doc) })
      else neverLiveYet.push(doc.id)
    }
    // Withdrawn or expired items were live: the apps may still report what they showed then.
    if (neverLiveYet.length > 0) {
      const where: Where = { and: [{ parent: { in: neverLiveYet } }, { 'version._status': { equals: 'published' } }] }
      const { docs: versions } = await payload.findVersions({ collection: slug, where, sort: '-updatedAt', depth: 0, pagination: false, overrideAccess: true, req } as never)
      for (const version of versions as Array<{ parent: unknown; version: { audience?: unknown } }>) {
        const id = String(refId(version.parent))
        if (!found.has(id)) found.set(id, { itemId: id, audience: audienceOf(version.version) })
      }
    }
    if (cache.size > CACHE_LIMIT) cache.clear()
    for (const [key, storable] of keys) {
      const item = found.get(String(storable))
      if (!item) continue
      known.set(key, item)
      cache.set(key, { item, until: now + CACHE_TTL })
    }
  }
  return known
}
