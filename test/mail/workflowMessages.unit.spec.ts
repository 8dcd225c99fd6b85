import { describe, expect, it } from 'vitest'

import { escapeHtml, itemLink, workflowMessage } from '@/mail/workflowMessages'
import { reviewsDepartments } from '@/mail/workflowRecipients'

const link = itemLink('https://yixun.hospital.example/', 'notices', 42)

describe('workflow mail wording', () => {
  it('links to the item in the admin, with or without a configured server URL', () => {
    expect(link).toBe('https://yixun.hospital.example/admin/collections/notices/42')
    expect(itemLink('', 'free-clinic-events', 'abc/1')).toBe('http://localhost:3000/admin/collections/free-clinic-events/abc%2F1')
  })

  it('puts Chinese first and English after, in text and HTML', () => {
    const mail = workflowMessage({ collection: 'notices', title: '停诊通知', action: 'approve', actorName: '李静', comment: '同意', link })
    expect(mail.subject).toBe('【医讯】已批准：停诊通知')
    const lines = mail.text.split('\n')
    expect(lines[0]).toBe('李静 批准了您提交的通知公告「停诊通知」。')
    expect(lines[1]).toBe('李静 approved your notice "停诊通知".')
    expect(mail.text).toContain('同意')
    expect(mail.html).toContain(`href="${link}"`)
  })

  it('always shows the reason line of a rejection, and leaves out an empty comment otherwise', () => {
    const rejected = workflowMessage({ collection: 'notices', title: '停诊通知', action: 'reject', actorName: '李静', link })
    expect(rejected.text).toContain('驳回理由 / Reason')
    const approved = workflowMessage({ collection: 'notices', title: '停诊通知', action: 'approve', actorName: '李静', comment: '  ', link })
    expect(approved.text).not.toContain('审核意见')
  })

  it('keeps a subject on one line and of reasonable length', () => {
    const mail = workflowMessage({ collection: 'notices', title: `第一行\r\nBcc: x@evil.example\n${'长'.repeat(100)}`, action: 'submit', actorName: '张晓雨', link })
    expect(mail.subject).not.toMatch(/[\r\n]/)
    expect(mail.subject.length).toBeLessThan(80)
    expect(mail.subject.endsWith('…')).toBe(true)
  })

  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    const mail = workflowMessage({ collection: 'notices', title: '<b>标题</b>', action: 'submit', actorName: '<i>张</i>', comment: '"/><script>', link })
    expect(mail.html).not.toMatch(/<b>|<i>|<script/)
  })
})

describe('which reviewers review an item', () => {
  it('counts a reviewer without departments, or an item without departments, as concerned', () => {
    expect(reviewsDepartments({ departments: [] }, [1])).toBe(true)
    expect(reviewsDepartments({ departments: null }, [1])).toBe(true)
    expect(reviewsDepartments({ departments: [2] }, [])).toBe(true)
  })

  it('matches department ids whether numbers or strings', () => {
    expect(reviewsDepartments({ departments: [2, 3] }, ['3'])).toBe(true)
    expect(reviewsDepartments({ departments: [2, 3] }, [4])).toBe(false)
  })
})
