import { escapeHtml } from './workflowMessages'

/** How long a reset link works (ms): long enough to reach a desk, short enough to be useless later. */
export const RESET_LINK_LIFETIME = 60 * 60 * 1000

/**
 * The admin's own reset page. Built from SERVER_URL, never from the request's Host header: a
 * forged Host would otherwise send the victim a link to the attacker's site carrying the token.
 */
export function resetLink(serverURL: string | undefined, token: string): string {
  const base = (serverURL || 'http://localhost:3000').replace(/\/+$/, '')
  return `${base}/admin/reset/${encodeURIComponent(token)}`
}

/** Chinese first, then English, like every mail of Yixun. */
export function passwordResetMessage(link: string): { subject: string; text: string; html: string } {
  const zh = '有人（希望是您本人）申请重置您的医讯账号密码。请在 1 小时内打开下面的链接设置新密码；如果不是您本人操作，请忽略此邮件，您的密码不会改变。'
  const en = 'Someone (hopefully you) asked to reset the password of your Yixun account. Open the link below within one hour to choose a new one; if it was not you, ignore this mail and your password stays as it is.'
  const text = [zh, en, '', `重置密码 / Reset password: ${link}`, '', '—', '此邮件由医讯系统自动发送，请勿直接回复。', 'Sent automatically by Yixun; please do not reply.'].join('\n')
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN"><body style="font-family: sans-serif; line-height: 1.6">',
    `<p>${escapeHtml(zh)}<br><span lang="en" style="color: #555">${escapeHtml(en)}</span></p>`,
    `<p><a href="${escapeHtml(link)}">重置密码 / Reset password</a>: ${escapeHtml(link)}</p>`,
    '</body></html>',
  ].join('\n')
  return { subject: '【医讯】重置密码 / Reset your password', text, html }
}
