import type { Audience } from './links'

import type { Lang } from '@/admin/language'

export { type Lang, languageOf } from '@/admin/language'
type Text = { zh: string; en: string }


/** How each app looks: its name in the header and its colour. */
export const APP_LOOK: Record<Audience, { name: Text; colour: string; tint: string }> = {
  patient: { name: { zh: '医讯患者端', en: 'Yixun for patients' }, colour: '#0f9d8a', tint: '#e7f6f3' },
  doctor: { name: { zh: '医讯医生端', en: 'Yixun for doctors' }, colour: '#2f5fc4', tint: '#e9effb' },
}

export const AUDIENCE_LABELS: Record<Audience, Text> = {
  patient: { zh: '患者端', en: 'Patient app' },
  doctor: { zh: '医生端', en: 'Doctor app' },
}

export const PLACEMENT_LABELS: Record<string, Text> = {
  banner: { zh: '轮播横幅', en: 'Banner' },
  popup: { zh: '弹窗', en: 'Popup' },
  ticker: { zh: '滚动通知', en: 'Ticker' },
  list: { zh: '公告列表', en: 'List' },
}

export const KIND_LABELS: Record<string, Text> = {
  feature_launch: { zh: '新功能上线', en: 'New feature' },
  activity: { zh: '活动', en: 'Activity' },
  clinic_suspension: { zh: '停诊通知', en: 'Clinic suspension' },
  service_change: { zh: '服务调整', en: 'Service change' },
  general: { zh: '公告', en: 'Notice' },
}

export const POPUP_FREQUENCY_LABELS: Record<string, Text> = {
  once: { zh: '仅一次', en: 'Once' },
  daily: { zh: '每天一次', en: 'Once a day' },
  every_launch: { zh: '每次启动', en: 'Every launch' },
}

/** "This item is not shown in the doctor app" — when the item's audience leaves out the app on screen. */
export const notShownText = (audience: Audience, lang: Lang) =>
  lang === 'en' ? `This item will not be shown in the ${AUDIENCE_LABELS[audience].en.toLowerCase()}.` : `此内容不会在${AUDIENCE_LABELS[audience].zh}展示`

const FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
}

/** A moment in Beijing time, as the apps show it (they run in China whatever the staff PC's zone). */
export const beijingTime = (iso: string | null | undefined, lang: Lang) => (iso ? FORMATS[lang].format(new Date(iso)) : '')

/** "From … until …" for a display window; empty when it has neither end. */
export function displayWindowText(window: { start: string | null; end: string | null }, lang: Lang): string {
  const start = beijingTime(window.start, lang)
  const end = beijingTime(window.end, lang)
  if (!start && !end) return lang === 'en' ? 'Shown as soon as approved, until withdrawn' : '批准后立即展示，撤下前一直展示'
  if (lang === 'en') return [start && `from ${start}`, end && `until ${end}`].filter(Boolean).join(' ') + ' (Beijing time)'
  return [start && `${start} 起`, end && `至 ${end}`].filter(Boolean).join('，') + '（北京时间）'
}

/** Minutes and seconds of a video, e.g. 3:07. */
export const durationText = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`

/** Only links the apps can open are made clickable in the preview (https and the apps' own yixun:// routes). */
export const safeLink = (link: string | null | undefined) => (link && /^(https:\/\/|yixun:\/\/)/i.test(link) ? link : null)
