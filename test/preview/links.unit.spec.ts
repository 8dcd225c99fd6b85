import { describe, expect, it } from 'vitest'

import { previewAudience, previewPath, shownInApp, versionDiffPath } from '@/preview/links'
import { beijingTime, displayWindowText, durationText, languageOf, notShownText, safeLink } from '@/preview/presentation'

describe('preview and diff links', () => {
  it('points at the preview page of one document for one app', () => {
    expect(previewPath('notices', 42, 'patient')).toBe('/preview/notices/42?audience=patient')
    expect(previewPath('free-clinic-events', '65f0a1', 'doctor')).toBe('/preview/free-clinic-events/65f0a1?audience=doctor')
  })

  it('shows the patient app unless the doctor app is asked for', () => {
    expect(previewAudience('doctor')).toBe('doctor')
    expect(previewAudience('patient')).toBe('patient')
    expect(previewAudience(undefined)).toBe('patient')
    expect(previewAudience('admin')).toBe('patient')
  })

  it('opens Payload’s version comparison of the version under review against the live one', () => {
    expect(versionDiffPath('/admin', 'notices', 7, 31, 29)).toBe('/admin/collections/notices/7/versions/31?versionFrom=29')
    expect(versionDiffPath('/cms/', 'brochures', 'a1', 'v2', 'v1')).toBe('/cms/collections/brochures/a1/versions/v2?versionFrom=v1')
  })

  it('knows which app shows an item', () => {
    expect(shownInApp('patient', 'patient')).toBe(true)
    expect(shownInApp('both', 'doctor')).toBe(true)
    expect(shownInApp('patient', 'doctor')).toBe(false)
    expect(shownInApp(undefined, 'patient')).toBe(false)
  })
})

describe('preview wording', () => {
  it('says in Chinese by default that an item will not appear in the app on screen', () => {
    expect(notShownText('doctor', 'zh')).toBe('此内容不会在医生端展示')
    expect(notShownText('patient', 'zh')).toBe('此内容不会在患者端展示')
    expect(notShownText('doctor', 'en')).toBe('This item will not be shown in the doctor app.')
    expect(languageOf('en')).toBe('en')
    expect(languageOf(undefined)).toBe('zh')
  })

  it('shows times in Beijing time, whatever the zone of the staff PC', () => {
    expect(beijingTime('2026-11-26T00:30:00.000Z', 'zh')).toBe('2026/11/26 08:30')
    expect(displayWindowText({ start: '2026-11-26T00:30:00.000Z', end: null }, 'zh')).toBe('2026/11/26 08:30 起（北京时间）')
    expect(displayWindowText({ start: null, end: null }, 'zh')).toBe('批准后立即展示，撤下前一直展示')
    expect(durationText(187)).toBe('3:07')
  })

  it('makes only links the apps can open clickable', () => {
    expect(safeLink('https://hospital.example.cn/a')).toBe('https://hospital.example.cn/a')
    expect(safeLink('yixun://consult/cardiology')).toBe('yixun://consult/cardiology')
    expect(safeLink('javascript:alert(1)')).toBeNull()
    expect(safeLink(null)).toBeNull()
  })
})
