import type { SanitizedCollectionConfig } from 'payload'

type Doc = Record<string, unknown> | null | undefined

/** What people call the document (its `admin.useAsTitle` field), snapshotted because documents get renamed and deleted. */
export function documentTitle(collection: SanitizedCollectionConfig, ...docs: Doc[]): string | undefined {
  const field = collection.admin?.useAsTitle
  if (!field || field === 'id') return undefined
  for (const doc of docs) {
    const value = doc?.[field]
    if (value !== null && value !== undefined && value !== '') return String(value)
  }
  return undefined
}
