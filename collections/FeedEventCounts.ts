import type { CollectionConfig } from 'payload'

/** Daily impression/click/dismiss counts per item, audience, placement and platform. STUB: the ingestion work fills it in. */
export const FeedEventCounts: CollectionConfig<'feed-event-counts'> = {
  slug: 'feed-event-counts',
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [{ name: 'day', type: 'text' }],
}
