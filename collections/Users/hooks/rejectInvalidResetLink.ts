import type { CollectionBeforeOperationHook } from 'payload'

import { YixunError } from '@/errors'

/**
 * Payload answers a used or expired link with 403, which Yixun turns into "sign in first" (401)
 * for anyone without a session: wrong advice for someone holding a stale link. Say what happened.
 */
export const rejectInvalidResetLink: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const token = typeof args.data?.token === 'string' ? args.data.token : ''
  const account = token
    ? await req.payload.db.findOne({
        collection: 'users',
        where: { and: [{ resetPasswordToken: { equals: token } }, { resetPasswordExpiration: { greater_than: new Date().toISOString() } }] },
        req,
      })
    : null
  if (!account) {
    throw new YixunError(
      'RESET_LINK_INVALID',
      400,
      {
        zh: '此重置密码链接已失效（已使用或超过 1 小时）。请在登录页点击“忘记密码”重新获取。',
        en: 'This reset link no longer works (already used or older than one hour). Ask for a new one with "Forgot password" on the sign-in page.',
      },
      req.i18n?.language,
    )
  }
  return args
}
