import { type AfterErrorHook, mergeHeaders } from 'payload'

import { databaseFailedDuring, databaseFailure, databaseUnavailableMessages, DatabaseUnavailableError } from '@/db/availability'
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

/**
 * A database outage is the server's fault, not the caller's: 503 DATABASE_UNAVAILABLE with
 * Retry-After — never a bare 500, and never the 401 (or 403) of a signed-in caller whose account
 * could not be loaded, which would make an app sign its user out. GraphQL keeps its 200 and
 * carries the code in the error's extensions. Runs after shapeErrorResponse and overrides it.
 */
export const answerDatabaseOutage: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const seconds = error instanceof DatabaseUnavailableError ? error.retryAfterSeconds : databaseFailedDuring(req) ?? (databaseFailure(error) ? 1 : undefined)
  if (seconds === undefined) return
  req.responseHeaders = mergeHeaders(req.responseHeaders ?? new Headers(), new Headers({ 'Retry-After': String(seconds) }))
  const messages = databaseUnavailableMessages(seconds)
  const message = req.i18n?.language?.startsWith('en') ? messages.en : messages.zh
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, code: 'DATABASE_UNAVAILABLE', statusCode: 503 } } }
  return { status: 503, response: { errors: [{ code: 'DATABASE_UNAVAILABLE', message }] } }
}
