import { type AfterErrorHook, mergeHeaders } from 'payload'

import { databaseFailedDuring, databaseFailure, databaseUnavailableMessages, DatabaseUnavailableError } from '@/db/availability'
import { YixunError } from '@/errors'

/** Stable codes for Payload's own 4xx errors, by error class, then by status. */
const CODE_BY_NAME: Record<string, string> = { ValidationError: 'VALIDATION_FAILED', QueryError: 'INVALID_QUERY', AuthenticationError: 'INVALID_CREDENTIALS', LockedAuth: 'ACCOUNT_LOCKED' }
const CODE_BY_STATUS: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'INVALID_INPUT', 429: 'RATE_LIMITED' }

const MULTIPART_ERROR = /^(Malformed part header|Malformed content type|Unexpected end of (form|file)|Multipart: Boundary not found)/

/**
 * Payload answers 403 whenever access is denied, signed in or not. A client without credentials
 * must be told to sign in (401), not that it lacks permission; apps key on that difference.
 * Every 4xx carries a stable code at the top of each error entry (ours, or one for Payload's own).
 */
export const shapeErrorResponse: AfterErrorHook = ({ error, req, result }) => {
  const status = (error as { status?: number }).status
  const english = req.i18n?.language?.startsWith('en')
  // Payload JSON.parses the body and the `where`/`data` parameters unguarded: a typo is the client's, not a 500.
  if (error instanceof SyntaxError || (status === 400 && error.message === 'Invalid JSON')) {
    const message = english ? 'The request body or its where/data parameter is not valid JSON.' : '请求体或 where/data 参数不是合法的 JSON。'
    return { status: 400, response: { errors: [{ code: 'INVALID_JSON', message }] } }
  }
  // busboy's words for a multipart body it cannot parse (a control character in a part header, a cut-off form): Payload answers 500.
  if (MULTIPART_ERROR.test(error.message)) {
    const message = english ? 'The multipart form cannot be read (malformed part header or truncated form).' : '无法解析 multipart 表单（分段头格式错误或表单不完整）。'
    return { status: 400, response: { errors: [{ code: 'INVALID_MULTIPART', message }] } }
  }
  if (status === 403 && !req.user && !(error instanceof YixunError)) {
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
  const code = error instanceof YixunError ? error.code : status && status >= 400 && status < 500 ? (CODE_BY_NAME[error.name] ?? CODE_BY_STATUS[status] ?? 'BAD_REQUEST') : undefined
  if (code && result?.errors) return { response: { ...result, errors: result.errors.map((entry) => ({ code, ...entry })) } }
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
