import { webhookHeaders } from './signature'

/** An app backend that has not answered within this time (ms) counts as down for this attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000

/** Characters of a failing receiver's answer kept in the log: enough to see its error message. */
const MAX_ERROR_LENGTH = 300

export type AttemptResult = {
  ok: boolean
  /** HTTP status, or null when no answer came (refused, timed out, DNS). */
  statusCode: number | null
  durationMs: number
  error: string | null
}

/** Why fetch failed, in terms an admin can act on (fetch itself only says "fetch failed"). */
function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`
  return error instanceof Error ? error.message : String(error)
}

/**
 * One signed POST of the stored body. Only a 2xx answer counts as delivered; a redirect is a
 * failure (Standard Webhooks: receivers must answer at the URL they registered).
 */
export async function sendWebhook({ url, secret, eventId, body }: { url: string; secret: string; eventId: string; body: string }): Promise<AttemptResult> {
  const started = performance.now()
  const duration = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: webhookHeaders(secret, eventId, body),
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
    const text = await response.text().catch(() => '')
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, durationMs: duration(), error: null }
    const detail = text.trim().slice(0, MAX_ERROR_LENGTH)
    return { ok: false, statusCode: response.status, durationMs: duration(), error: `HTTP ${response.status}${detail ? `: ${detail}` : ''}` }
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: duration(), error: describeFailure(error) }
  }
}
