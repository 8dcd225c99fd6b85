import { APIError } from 'payload'

type Messages = { zh: string; en: string }

/**
 * An error the apps and the admin can act on: a stable `code` to key on (message text follows the
 * caller's language, Chinese by default) and an HTTP status that tells the truth.
 */
export class YixunError extends APIError {
  readonly code: string

  /**
   * `detail` is either the form field at fault (the admin then shows the message under that field)
   * or data that goes out beside the code in `errors[0].data`, for clients that act on more than a message.
   */
  constructor(code: string, status: number, messages: Messages, language?: string, detail?: string | Record<string, unknown>) {
    const message = language?.startsWith('en') ? messages.en : messages.zh
    const data = typeof detail === 'string' ? { errors: [{ path: detail, message }] } : detail
    super(message, status, { code, ...data }, true)
    this.code = code
  }
}
