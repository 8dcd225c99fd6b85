/** What the apps report about an item they showed: it was seen, tapped, or closed. */
export const EVENT_TYPES = ['impression', 'click', 'dismiss'] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** Collections whose items the apps show. Events about a collection this installation lacks count nowhere. */
export const TRACKED_COLLECTIONS = ['notices', 'free-clinic-events', 'promo-videos', 'brochures'] as const
export type TrackedCollection = (typeof TRACKED_COLLECTIONS)[number]

/** Where in the app the item was shown: the notice placements, plus the item's own detail page. */
export const PLACEMENTS = ['banner', 'popup', 'ticker', 'list', 'detail'] as const
export type Placement = (typeof PLACEMENTS)[number]

export const PLATFORMS = ['ios', 'android', 'mini_program', 'web'] as const
export type Platform = (typeof PLATFORMS)[number]

/** The feed an app reads; counts are kept per feed, so an item for both apps is counted in each. */
export const COUNT_AUDIENCES = ['patient', 'doctor'] as const
export type CountAudience = (typeof COUNT_AUDIENCES)[number]

type Label = { zh: string; en: string }

export const COLLECTION_LABELS: Record<TrackedCollection, Label> = {
  notices: { zh: '首页公告', en: 'Notice' },
  'free-clinic-events': { zh: '义诊活动', en: 'Free-clinic event' },
  'promo-videos': { zh: '宣传视频', en: 'Promo video' },
  brochures: { zh: '宣传册', en: 'Brochure' },
}

export const PLACEMENT_LABELS: Record<Placement, Label> = {
  banner: { zh: '轮播横幅', en: 'Banner' },
  popup: { zh: '弹窗', en: 'Popup' },
  ticker: { zh: '滚动通知', en: 'Ticker' },
  list: { zh: '公告列表', en: 'List' },
  detail: { zh: '详情页', en: 'Detail page' },
}

export const PLATFORM_LABELS: Record<Platform, Label> = {
  ios: { zh: 'iOS', en: 'iOS' },
  android: { zh: 'Android', en: 'Android' },
  mini_program: { zh: '小程序', en: 'Mini-program' },
  web: { zh: '网页', en: 'Web' },
}

export const AUDIENCE_LABELS: Record<CountAudience, Label> = {
  patient: { zh: '患者端', en: 'Patient app' },
  doctor: { zh: '医生端', en: 'Doctor app' },
}

/** The `batch` of a row that holds a whole compacted (day, item, audience, placement, platform) bucket. */
export const COMPACTED = 'compacted'
