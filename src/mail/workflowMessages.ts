import type { PublishableCollection, WorkflowAction } from '@/workflow/states'

/** Transitions that send mail; reopening is the submitter's own business and sends none. */
export type MailedAction = Exclude<WorkflowAction, 'reopen'>

export type WorkflowMessageInput = {
  collection: PublishableCollection
  title: string
  action: MailedAction
  actorName: string
  comment?: string | null
  /** Where the recipient opens the item in the admin (see `itemLink`). */
  link: string
}

export type WorkflowMessage = { subject: string; text: string; html: string }

// Exhaustive on purpose: a new publishable collection must say how mail names it.
const ITEM_KINDS: Record<PublishableCollection, { zh: string; en: string }> = {
  notices: { zh: '通知公告', en: 'notice' },
  'free-clinic-events': { zh: '义诊活动', en: 'free-clinic event' },
  'promo-videos': { zh: '宣传视频', en: 'promo video' },
  brochures: { zh: '宣传册', en: 'brochure' },
}

type Wording = {
  subjectPrefix: string
  zh: (actor: string, kind: string, title: string) => string
  en: (actor: string, kind: string, title: string) => string
  commentLabel: string
  /** A rejection without its reason leaves the submitter guessing, so its comment line always shows. */
  commentAlwaysShown: boolean
}

const WORDING: Record<MailedAction, Wording> = {
  submit: {
    subjectPrefix: '待审核',
    zh: (actor, kind, title) => `${actor} 提交了${kind}「${title}」，请您审核。`,
    en: (actor, kind, title) => `${actor} submitted the ${kind} "${title}" for your review.`,
    commentLabel: '提交说明 / Note',
    commentAlwaysShown: false,
  },
  approve: {
    subjectPrefix: '已批准',
    zh: (actor, kind, title) => `${actor} 批准了您提交的${kind}「${title}」。`,
    en: (actor, kind, title) => `${actor} approved your ${kind} "${title}".`,
    commentLabel: '审核意见 / Comment',
    commentAlwaysShown: false,
  },
  reject: {
    subjectPrefix: '已驳回',
    zh: (actor, kind, title) => `${actor} 驳回了您提交的${kind}「${title}」，请按审核意见修改后重新提交。`,
    en: (actor, kind, title) => `${actor} rejected your ${kind} "${title}". Please revise it as commented and submit it again.`,
    commentLabel: '驳回理由 / Reason',
    commentAlwaysShown: true,
  },
  withdraw: {
    subjectPrefix: '已撤下',
    zh: (actor, kind, title) => `${actor} 撤下了您提交的${kind}「${title}」。`,
    en: (actor, kind, title) => `${actor} withdrew your ${kind} "${title}".`,
    commentLabel: '撤下原因 / Reason',
    commentAlwaysShown: false,
  },
}

const NO_COMMENT = '（未填写）(none given)'
const UNTITLED = '（无标题）'
const FOOTER_ZH = '此邮件由医讯系统自动发送，请勿直接回复。'
const FOOTER_EN = 'Sent automatically by Yixun; please do not reply.'
/** Characters of the title kept in a subject line; mail clients cut longer subjects anyway. */
const SUBJECT_TITLE_MAX = 60

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Titles and comments are typed by staff: never let them become markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
}

/** The item in the admin, e.g. https://yixun.example/admin/collections/notices/42. */
export function itemLink(serverURL: string | undefined, collection: PublishableCollection, id: number | string): string {
  const base = (serverURL || 'http://localhost:3000').replace(/\/+$/, '')
  return `${base}/admin/collections/${collection}/${encodeURIComponent(String(id))}`
}

/** One line, so a title with line breaks cannot spill into the headers of the mail. */
function subjectTitle(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim() || UNTITLED
  return line.length > SUBJECT_TITLE_MAX ? `${line.slice(0, SUBJECT_TITLE_MAX)}…` : line
}

/** Chinese first (hospital staff read Chinese), then the same in English. */
export function workflowMessage({ collection, title, action, actorName, comment, link }: WorkflowMessageInput): WorkflowMessage {
  const wording = WORDING[action]
  const kind = ITEM_KINDS[collection]
  const shownTitle = title.trim() || UNTITLED
  const trimmedComment = comment?.trim()
  const commentText = trimmedComment || (wording.commentAlwaysShown ? NO_COMMENT : undefined)

  const zhLine = wording.zh(actorName, kind.zh, shownTitle)
  const enLine = wording.en(actorName, kind.en, shownTitle)
  const subject = `【医讯】${wording.subjectPrefix}：${subjectTitle(title)}`

  const text = [
    zhLine,
    enLine,
    ...(commentText ? ['', `${wording.commentLabel}：`, commentText] : []),
    '',
    `查看 / Open: ${link}`,
    '',
    '—',
    FOOTER_ZH,
    FOOTER_EN,
  ].join('\n')

  const esc = escapeHtml
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN"><body style="font-family: sans-serif; line-height: 1.6">',
    `<p>${esc(zhLine)}<br><span lang="en" style="color: #555">${esc(enLine)}</span></p>`,
    ...(commentText
      ? [
          `<p><strong>${esc(wording.commentLabel)}：</strong></p>`,
          `<blockquote style="white-space: pre-wrap; border-left: 3px solid #ccc; margin: 0; padding-left: 12px">${esc(commentText)}</blockquote>`,
        ]
      : []),
    `<p><a href="${esc(link)}">查看 / Open</a>: ${esc(link)}</p>`,
    `<p style="color: #888; font-size: 12px">${esc(FOOTER_ZH)}<br>${esc(FOOTER_EN)}</p>`,
    '</body></html>',
  ].join('\n')

  return { subject, text, html }
}
