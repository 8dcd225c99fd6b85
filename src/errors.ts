import { APIError } from 'payload'

type Messages = { zh: string; en: string }

/**
 * An error the apps and the admin can act on: a stable `code` to key on (message text follows the
 * caller's language, Chinese by default) and an HTTP status that tells the truth.
 */
export class YixunError extends APIError {
  readonly code: string

  /** `field` names the form field at fault: the admin then shows the message under that field. */
  constructor(code: string, status: number, messages: Messages, language?: string, field?: string) {
    const message = language?.startsWith('en') ? messages.en : messages.zh
    super(message, status, { code, ...(field ? { errors: [{ path: field, message }] } : {}) }, true)
    this.code = code
  }
}
