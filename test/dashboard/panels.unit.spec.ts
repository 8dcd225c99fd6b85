import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'

import type { Dashboard } from '@/dashboard/dashboardFor'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))
// Payload's Button needs the admin's providers; a plain button with the same extra props stands in.
vi.mock('@payloadcms/ui', () => ({
  Button: ({ children, extraButtonProps, onClick, disabled }: { children: React.ReactNode; extraButtonProps?: Record<string, unknown>; onClick?: () => void; disabled?: boolean }) =>
    React.createElement('button', { type: 'button', onClick, disabled, ...extraButtonProps }, children),
}))

const { DashboardPanels } = await import('@/dashboard/admin/DashboardPanels')

const item = (overrides: Partial<Dashboard['reviewQueue'][number]> = {}): Dashboard['reviewQueue'][number] => ({
  collection: 'notices',
  id: 7,
  title: '互联网医院夜间门诊上线',
  state: 'in_review',
  submittedBy: { id: 3, name: '张晓雨（编辑）', email: 'editor@yixun.local' },
  // 16:05 UTC is 00:05 the next day in Beijing.
  submittedAt: '2026-11-25T16:05:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  at: '2026-11-25T16:05:00.000Z',
  href: '/admin/collections/notices/7',
  ...overrides,
})

function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    sections: { reviewQueue: true, mine: true, today: true, transcodes: true, webhooks: true, mail: true, schedule: true, lockouts: true },
    reviewQueue: [item()],
    mine: {
      drafts: [],
      rejected: [item({ id: 8, state: 'rejected', decisionComment: '标题请注明试运行', decidedBy: { id: 2, name: '李静（审核员）', email: null }, href: '/admin/collections/notices/8' })],
      waiting: [],
    },
    today: { wentLive: [], expired: [] },
    day: { start: '2026-11-25T16:00:00.000Z', end: '2026-11-26T16:00:00.000Z' },
    problems: {
      lockouts: [],
      transcodes: [],
      webhooks: [],
      schedule: [],
      mail: [
        {
          kind: 'mail',
          collection: 'payload-jobs',
          id: 41,
          title: '【医讯】待审核：停诊通知 → reviewer@yixun.local',
          reason: { zh: '连接不上邮件服务器（SMTP_URL），重试 5 次后放弃。', en: 'The mail server (SMTP_URL) could not be reached; gave up after 5 retries.' },
          detail: 'connect ECONNREFUSED 127.0.0.1:2525',
          attempts: 6,
          at: '2026-11-26T01:00:00.000Z',
          href: null,
          retry: { method: 'POST', url: '/api/dashboard/mail/41/retry' },
        },
      ],
    },
    ...overrides,
  }
}

const render = (data: Dashboard | null, lang: 'zh' | 'en' = 'zh') => renderToStaticMarkup(React.createElement(DashboardPanels, { data, lang }))

describe('the dashboard panels', () => {
  it('speak Chinese by default, with Beijing times and the hooks the browser test uses', () => {
    const html = render(dashboard())
    for (const testId of ['dashboard-review-queue', 'dashboard-my-drafts', 'dashboard-my-rejected', 'dashboard-my-waiting', 'dashboard-live-today', 'dashboard-expired-today', 'dashboard-problems']) {
      expect(html).toContain(`data-testid="${testId}"`)
    }
    expect(html).toContain('待我审核')
    expect(html).toContain('被驳回（含审核意见）')
    expect(html).toContain('暂无')
    expect(html).toMatch(/data-testid="dashboard-item" data-collection="notices" data-id="7"/)
    expect(html).toContain('href="/admin/collections/notices/7"')
    expect(html).toContain('张晓雨（编辑）')
    expect(html).toContain('2026/11/26 00:05')
    expect(html).toContain('标题请注明试运行')
    expect(html).toContain('data-testid="dashboard-retry"')
    expect(html).toContain('连接不上邮件服务器')
  })

  it('speak English when the admin is in English', () => {
    const html = render(dashboard(), 'en')
    expect(html).toContain('Waiting for my review')
    expect(html).toContain('26/11/2026, 00:05')
    expect(html).toContain('Retry')
  })

  it('show only the sections the roles call for', () => {
    const html = render(dashboard({ sections: { reviewQueue: false, mine: false, today: true, transcodes: false, webhooks: false, mail: false, schedule: false, lockouts: false } }))
    expect(html).not.toContain('dashboard-review-queue')
    expect(html).not.toContain('dashboard-my-drafts')
    expect(html).not.toContain('dashboard-problems')
    expect(html).toContain('dashboard-live-today')
  })

  it('say so when the data could not be read', () => {
    expect(render(null)).toContain('工作台暂时无法读取')
  })
})

describe('the sign-in lockouts panel', () => {
  it('lists a lockout with its address and an unlock button', () => {
    const base = dashboard()
    const html = render(
      dashboard({
        problems: {
          ...base.problems,
          lockouts: [
            {
              kind: 'lockout',
              collection: 'login-failures',
              id: 9,
              title: 'admin@yixun.local',
              ip: '203.0.113.9',
              reason: { zh: '来自 203.0.113.9 的登录连续失败 5 次', en: '5 failed sign-ins from 203.0.113.9' },
              detail: 'IP 203.0.113.9',
              attempts: 5,
              at: '2026-11-26T01:00:00.000Z',
              lockedUntil: '2026-11-26T01:15:00.000Z',
              href: null,
              retry: { method: 'POST', url: '/api/dashboard/lockouts/9/unlock' },
            },
          ],
        },
      }),
    )
    expect(html).toContain('登录锁定')
    expect(html).toContain('admin@yixun.local')
    expect(html).toContain('来自 203.0.113.9 的登录连续失败 5 次')
    expect(html).toContain('解除锁定')
  })
})
