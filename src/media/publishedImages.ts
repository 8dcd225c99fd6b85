import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { type Id, refId } from '@/content/ids'

/**
 * Ids of the images (`media`) that published content shows: upload fields pointing at `media`
 * and upload nodes in rich text, at any depth, in every collection with drafts. Read from the
 * live (published) documents only, never from drafts. Asked for each file request without a
 * staff session (one small query per such collection): a withdrawal takes effect at once.
 */
export async function publishedImageIds(payload: Payload): Promise<Id[]> {
  const found = new Set<string>()
  const ids: Id[] = []
  const add = (value: unknown) => {
    const id = refId(value)
    if ((typeof id === 'number' || typeof id === 'string') && !found.has(String(id))) {
      found.add(String(id))
      ids.push(id)
    }
  }
  for (const collection of Object.values(payload.collections)) {
    const { config } = collection
    const drafts = typeof config.versions === 'object' && config.versions?.drafts
    if (!drafts || !refersToImages(config.flattenedFields)) continue
    const { docs } = await payload.find({
      collection: config.slug as CollectionSlug,
      where: { _status: { equals: 'published' } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) walkFields(config.flattenedFields, doc as unknown as Record<string, unknown>, add)
  }
  return ids
}

export function refersToImages(fields: FlattenedField[]): boolean {
  return fields.some((field) => {
    if (field.type === 'upload') return field.relationTo === 'media' || (Array.isArray(field.relationTo) && field.relationTo.includes('media'))
    if (field.type === 'richText') return true
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) return refersToImages(field.flattenedFields)
    if (field.type === 'blocks') return (field.blocks ?? []).some((block) => refersToImages(block.flattenedFields ?? []))
    return false
  })
}

export function walkFields(fields: FlattenedField[], data: Record<string, unknown> | null | undefined, add: (value: unknown) => void): void {
  if (!data) return
  for (const field of fields) {
    const value = data[field.name]
    if (value === undefined || value === null) continue
    if (field.type === 'upload') {
      const polymorphic = Array.isArray(field.relationTo)
      for (const item of Array.isArray(value) ? value : [value]) {
        if (!polymorphic) add(item)
        else if ((item as { relationTo?: string }).relationTo === 'media') add((item as { value: unknown }).value)
      }
    } else if (field.type === 'richText') {
      walkLexical(value, add)
    } else if (field.type === 'group' || field.type === 'tab') {
      walkFields(field.flattenedFields, value as Record<string, unknown>, add)
    } else if (field.type === 'array' && Array.isArray(value)) {
      for (const row of value) walkFields(field.flattenedFields, row as Record<string, unknown>, add)
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      for (const row of value as Array<Record<string, unknown>>) {
        const block = field.blocks?.find((candidate) => candidate.slug === row.blockType)
        if (block) walkFields(block.flattenedFields ?? [], row, add)
      }
    }
  }
}

/** Upload nodes of a Lexical document: `{ type: 'upload', relationTo: 'media', value }`. */
function walkLexical(node: unknown, add: (value: unknown) => void, depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 200) return
  const record = node as Record<string, unknown>
  if (record.type === 'upload' && record.relationTo === 'media') add(record.value)
  for (const child of Object.values(record)) {
    if (Array.isArray(child)) for (const item of child) walkLexical(item, add, depth + 1)
    else if (child && typeof child === 'object') walkLexical(child, add, depth + 1)
  }
}
