import { describe, expect, it } from 'vitest'

import { richTextToPlainText, richTextToSafeHtml, sanitizeNoticeHtml } from '@/content/richText'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0 })
const link = (url: string, label: string) => ({
  type: 'link',
  fields: { url, linkType: 'custom', newTab: false },
  children: [text(label)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
})
const doc = (...children: unknown[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }) as never

describe('rich text for the apps', () => {
  it('keeps text structure and safe links', () => {
    const html = richTextToSafeHtml(doc(paragraph(text('复诊患者'), text('可在线续方', 1)), paragraph(link('https://hospital.example.cn/a', '详情'), link('yixun://consult', '去问诊'))))
    expect(html).toContain('复诊患者')
    expect(html).toContain('<strong>可在线续方</strong>')
    expect(html).toContain('href="https://hospital.example.cn/a"')
    expect(html).toContain('href="yixun://consult"')
    expect(html).toContain('rel="noopener noreferrer"')
  })

  it('drops javascript: and data: links from the body', () => {
    const html = richTextToSafeHtml(doc(paragraph(link('javascript:alert(1)', '点我'), link('data:text/html,<script>alert(1)</script>', '也点我'))))
    expect(html).not.toMatch(/javascript:|data:/i)
    expect(html).toContain('点我')
  })

  it('escapes markup typed as text', () => {
    const html = richTextToSafeHtml(doc(paragraph(text('<img src=x onerror=alert(1)><script>alert(2)</script>'))))
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it('cleans HTML from elsewhere of scripts, handlers and styles', () => {
    const html = sanitizeNoticeHtml('<p onclick="steal()" style="color:red">停诊<script>x()</script><a href="javascript:x()">链接</a><img src="http://plain.example/x.png"></p>')
    expect(html).toBe('<p>停诊<a rel="noopener noreferrer">链接</a><img /></p>')
  })

  it('gives plain text for tickers', () => {
    expect(richTextToPlainText(doc(paragraph(text('眼科 '), text('国庆停诊', 1))))).toBe('眼科 国庆停诊')
    expect(richTextToPlainText(null)).toBe('')
  })
})
