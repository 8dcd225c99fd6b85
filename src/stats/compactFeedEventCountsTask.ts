import type { TaskConfig } from 'payload'

import { compactEventCounts } from './compactEventCounts'
import { isDay } from '@/content/shanghaiTime'

/**
 * Merges the batch rows of the days that still receive events (queued by ingestion, at most every
 * ten minutes; see queueCompaction). Safe to run late, twice or on two instances at once.
 * `days` (comma-separated 'YYYY-MM-DD') compacts other days, e.g. after the runner was down.
 */
export const compactFeedEventCountsTask: TaskConfig<'compactFeedEventCounts'> = {
  slug: 'compactFeedEventCounts',
  label: 'Compact feed event counts',
  inputSchema: [
    { name: 'days', type: 'text' },
    // Minutes a batch's rows are kept as they are (default 30); 0 compacts everything now.
    { name: 'holdMinutes', type: 'number', min: 0 },
  ],
  outputSchema: [
    { name: 'buckets', type: 'number' },
    { name: 'rowsSaved', type: 'number' },
    { name: 'conflicts', type: 'number' },
  ],
  // A lost race or a failed write is retried by the next scheduled run; nothing is lost meanwhile.
  retries: 0,
  handler: async ({ input, req }) => {
    const days = input.days
      ?.split(',')
      .map((day) => day.trim())
      .filter(isDay)
    const hold = typeof input.holdMinutes === 'number' ? input.holdMinutes * 60_000 : undefined
    const result = await compactEventCounts(req.payload, { days: days?.length ? days : undefined, hold })
    if (result.skipped) req.payload.logger.warn('feed event counts are not compacted: the database has no transactions (MongoDB needs a replica set)')
    return { output: { buckets: result.buckets, rowsSaved: result.rowsSaved, conflicts: result.conflicts } }
  },
}
