import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { FeedNotice } from '@/feed/buildFeed'
import type { PreviewData } from '@/preview/previewData'
import { AppPreview } from '@/preview/ui/AppPreview'

const notice = (overrides: Partial<FeedNotice> = {}): FeedNotice => ({
  id: '7',
  collection: 'notices',
  version: '2026-11-25T16:05:00.000Z',
  title: '互联网医院夜间门诊上线',
  summary: '每晚 18:00–22:00 在线问诊。',
  kind: 'feature_launch',
  placement: 'popup',
  priority: 50,
  pinned: false,
  displayWindow: { start: '2026-11-26T00:00:00.000Z', end: null },
  link: 'yixun://consult/night',
  image: null,
  departments: [],
  popupFrequency: 'daily',
  platforms: [],
  minAppVersion: null,
  bodyHtml: '<p>夜间门诊开通。</p>',
  bodyText: '夜间门诊开通。',
  ...overrides,
})

const data = (overrides: Partial<PreviewData> = {}): PreviewData => ({
  id: '7',
  collection: 'notices',
  audience: 'patient',
  itemAudience: 'patient',
  shownInApp: true,
  state: 'in_review',
  stateLabel: { zh: '待审核', en: 'In review' },
  item: { kind: 'notice', notice: notice() },
  ...overrides,
})

const render = (preview: PreviewData, lang: 'zh' | 'en' = 'zh') => renderToStaticMarkup(React.createElement(AppPreview, { data: preview, lang }))

describe('the phone preview page', () => {
  it('draws a popup notice in the patient app, with the hooks the browser test uses', () => {
    const html = render(data())
    expect(html).toContain('data-testid="app-preview"')
    expect(html).toContain('data-audience="patient"')
    expect(html).toContain('医讯患者端')
    expect(html).toContain('data-placement="popup"')
    expect(html).toMatch(/data-testid="preview-title"[^>]*>互联网医院夜间门诊上线</)
    expect(html).toContain('每天一次')
    expect(html).toContain('<p>夜间门诊开通。</p>')
    expect(html).toContain('href="/preview/notices/7?audience=doctor"')
    expect(html).not.toContain('preview-audience-note')
  })

  it('uses the doctor app’s look and says when the item is not for it', () => {
    const html = render(data({ audience: 'doctor', shownInApp: false }))
    expect(html).toContain('data-audience="doctor"')
    expect(html).toContain('医讯医生端')
    expect(html).toMatch(/data-testid="preview-audience-note"[^>]*>此内容不会在医生端展示</)
  })

  it('speaks English when the admin does', () => {
    const html = render(data({ audience: 'doctor', shownInApp: false }), 'en')
    expect(html).toContain('Yixun for doctors')
    expect(html).toContain('This item will not be shown in the doctor app.')
  })

  it('shows a video player on the transcode outputs, or why it cannot play yet', () => {
    const video = { id: '3', version: 'v', title: '冬季心血管健康科普', description: null, departments: [], displayWindow: { start: null, end: null }, collection: 'promo-videos' as const, tags: ['健康科普'] }
    const media = { hls: '/api/promo-videos/outputs/9/master.m3u8', mp4: '/api/promo-videos/outputs/9/video.mp4', poster: '/api/promo-videos/outputs/9/poster.jpg', posterSizes: [], durationSeconds: 62, width: 1280, height: 720 }
    const ready = render(data({ collection: 'promo-videos', item: { kind: 'video', video, media, transcode: { status: 'ready', label: { zh: '已就绪', en: 'Ready' } } } }))
    expect(ready).toMatch(/<video[^>]*data-testid="preview-video"/)
    expect(ready).toContain('data-hls="/api/promo-videos/outputs/9/master.m3u8"')
    expect(ready).toContain('poster="/api/promo-videos/outputs/9/poster.jpg"')
    expect(ready).toContain('1:02')
    const pending = render(data({ collection: 'promo-videos', item: { kind: 'video', video, media: null, transcode: { status: 'processing', label: { zh: '转码中', en: 'Processing' } } } }))
    expect(pending).not.toContain('<video')
    expect(pending).toContain('视频尚不能播放，转码状态：转码中')
  })

  it('lists an event’s sessions in Beijing time with their places', () => {
    const html = render(
      data({
        collection: 'free-clinic-events',
        item: {
          kind: 'event',
          event: {
            id: '4',
            collection: 'free-clinic-events',
            version: 'v',
            title: '心血管内科周六义诊',
            mode: 'onsite',
            address: '门诊大厅一楼',
            departments: [{ code: 'CARD', name: '心血管内科' }],
            doctors: [{ name: '李明', title: '主任医师', department: null }],
            sessions: [{ startsAt: '2026-11-28T01:00:00.000Z', endsAt: '2026-11-28T04:00:00.000Z', quota: 40 }],
            registrationLink: 'https://hospital.example.cn/clinic',
            poster: null,
            displayWindow: { start: null, end: null },
            descriptionHtml: '',
            descriptionText: '',
          },
        },
      }),
    )
    expect(html).toContain('data-testid="preview-sessions"')
    expect(html).toContain('2026/11/28 09:00 – 12:00')
    expect(html).toContain('40 名额')
    expect(html).toContain('立即报名')
  })
})
