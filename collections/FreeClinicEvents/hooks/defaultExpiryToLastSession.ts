import type { CollectionBeforeChangeHook } from 'payload'

import { lastSessionEnd } from '@/workflow/homepageNotice'

/** An event leaves the apps when its last session ends, unless someone chose another time. */
export const defaultExpiryToLastSession: CollectionBeforeChangeHook = ({ data }) => {
  if (!data.expireAt) {
    const end = lastSessionEnd(data as never)
    if (end) {
      data.expireAt = end
      data.expireAt_tz = 'Asia/Shanghai'
    }
  }
  return data
}
