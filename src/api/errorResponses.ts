import type { AfterErrorHook } from 'payload'

import { YixunError } from '@/errors'

/**
 * Payload answers 403 whenever access is denied, signed in or not. A client without credentials
 * must be told to sign in (401), not that it lacks permission; apps key on that difference.
 * Our own errors also carry their stable code at the top of each error entry.
 */
export const shapeErrorResponse: AfterErrorHook = ({ error, req, result }) => {
  const status = (error as { status?: number }).status
  if (status === 403 && !req.user && !(error instanceof YixunError)) {
    const english = req.i18n?.language?.startsWith('en')
    return {
      status: 401,
      response: {
        errors: [
          {
            code: 'UNAUTHENTICATED',
            message: english ? 'Sign in first: this request needs a staff account or an API key.' : '请先登录：此请求需要员工账号或 API 密钥。',
          },
        ],
      },
    }
  }
  if (error instanceof YixunError && result?.errors) {
    return { response: { ...result, errors: result.errors.map((entry) => ({ code: error.code, ...entry })) } }
  }
}
