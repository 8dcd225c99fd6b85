import type { Access } from 'payload'

/**
 * Staff read everything. Anyone else (the apps, their players) may fetch only the files of
 * published items, through /api/<collection>/file/<name>; the documents themselves stay
 * staff-only, as the apps get their data from the feed.
 */
export const publishedFileOrStaff: Access = ({ req: { user }, isReadingStaticFile }) => {
  if (user) return true
  return isReadingStaticFile ? { _status: { equals: 'published' } } : false
}
