import type { Access, CollectionConfig } from 'payload'

import { canReadStats } from '@/stats/canReadStats'
import {
  AUDIENCE_LABELS,
  COLLECTION_LABELS,
  COUNT_AUDIENCES,
  PLACEMENT_LABELS,
  PLACEMENTS,
  PLATFORM_LABELS,
  PLATFORMS,
  TRACKED_COLLECTIONS,
} from '@/stats/events'

/** Rows are written only by event ingestion and compaction (Local API); counts are not edited by hand. */
const nobody: Access = () => false

const count = (name: string, label: { zh: string; en: string }) =>
  ({ name, type: 'number', required: true, defaultValue: 0, min: 0, label, admin: { step: 1 } }) as const

/**
 * Daily impression/click/dismiss counts per item, audience (the app's feed), placement and platform.
 *
 * Several rows may hold counts for the same bucket: each accepted batch appends its own rows (the
 * Local API has no atomic increment, and two batches updating one row would lose counts), and
 * compaction later folds a bucket's rows into one row with `batch: 'compacted'`. Readers sum
 * (src/stats/readCounts.ts). The unique index keeps one compacted row per bucket, which is what
 * makes two compactions running at once safe (src/stats/compactEventCounts.ts).
 */
export const FeedEventCounts: CollectionConfig<'feed-event-counts'> = {
  slug: 'feed-event-counts',
  labels: { singular: { zh: '曝光点击统计', en: 'Event count' }, plural: { zh: '曝光点击统计', en: 'Event counts' } },
  admin: {
    group: { zh: '统计', en: 'Statistics' },
    useAsTitle: 'day',
    defaultColumns: ['day', 'collectionSlug', 'itemId', 'audience', 'placement', 'platform', 'impressions', 'clicks', 'dismisses'],
    description: {
      zh: '应用上报的每日曝光、点击和关闭次数（北京时间按天）。同一组合可能有多行，合计即为当日数字。',
      en: 'Daily impressions, clicks and dismissals reported by the apps (days in Beijing time). A combination may have several rows; their sum is the day’s figure.',
    },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-day',
  access: { read: canReadStats, create: nobody, update: nobody, delete: nobody },
  // Millions of rows: no timestamps (and their indexes), no locking, no duplicating.
  timestamps: false,
  lockDocuments: false,
  disableDuplicate: true,
  indexes: [
    // Day ranges (reports over all items, compaction of recent days) and one compacted row per bucket.
    { fields: ['day', 'collectionSlug', 'itemId', 'audience', 'placement', 'platform', 'batch'], unique: true },
    // One item's days (the item report).
    { fields: ['collectionSlug', 'itemId', 'day'] },
  ],
  fields: [
    { name: 'day', type: 'text', required: true, label: { zh: '日期（北京时间）', en: 'Day (Beijing time)' }, admin: { description: 'YYYY-MM-DD' } },
    {
      name: 'collectionSlug',
      type: 'select',
      required: true,
      label: { zh: '内容类型', en: 'Content type' },
      options: TRACKED_COLLECTIONS.map((value) => ({ value, label: COLLECTION_LABELS[value] })),
    },
    // Text: ids are numbers on SQL and strings on MongoDB.
    { name: 'itemId', type: 'text', required: true, label: { zh: '内容 ID', en: 'Item ID' } },
    {
      name: 'audience',
      type: 'select',
      required: true,
      label: { zh: '信息流', en: 'Feed' },
      options: COUNT_AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
    },
    {
      name: 'placement',
      type: 'select',
      required: true,
      label: { zh: '展示位置', en: 'Placement' },
      options: PLACEMENTS.map((value) => ({ value, label: PLACEMENT_LABELS[value] })),
    },
    {
      name: 'platform',
      type: 'select',
      required: true,
      label: { zh: '平台', en: 'Platform' },
      options: PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] })),
    },
    count('impressions', { zh: '曝光', en: 'Impressions' }),
    count('clicks', { zh: '点击', en: 'Clicks' }),
    count('dismisses', { zh: '关闭', en: 'Dismissals' }),
    {
      name: 'batch',
      type: 'text',
      required: true,
      label: { zh: '来源批次', en: 'Batch' },
      admin: { description: { zh: '上报批次编号；合并后为 compacted。', en: 'The reporting batch; "compacted" once merged.' } },
    },
    {
      // Compaction leaves a batch's rows alone for a while, so that a resent batch is still recognised.
      name: 'receivedAt',
      type: 'date',
      label: { zh: '接收时间', en: 'Received at' },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' }, description: { zh: '合并后的行为空。', en: 'Empty on compacted rows.' } },
    },
  ],
}
