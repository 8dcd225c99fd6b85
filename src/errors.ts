import { APIError } from 'payload'

type Messages = { zh: string; en: string }

/**
 * An error the apps and the admin can act on: a stable `code` to key on (message text follows the
 * caller's language, Chinese by default) and an HTTP status that tells the truth.
 */
export class YixunError extends APIError {
  readonly code: string

  constructor(code: string, status: number, messages: Messages, language?: string) {
    const message = language?.startsWith('en') ? messages.en : messages.zh
    super(message, status, { code }, true)
    this.code = code
  }
}
