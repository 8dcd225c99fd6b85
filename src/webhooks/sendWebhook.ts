import http from 'node:http'
import https from 'node:https'

import { webhookHeaders } from './signature'
import { checkedLookup, literalAddressProblem, WebhookTargetError } from './webhookTarget'

/** An app backend that has not answered within this time (ms) counts as down for this attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000

export type AttemptResult = {
  ok: boolean
  /** HTTP status, or null when no answer came (refused, timed out, DNS, forbidden target). */
  statusCode: number | null
  durationMs: number
  error: string | null
}

/** Why no answer came, in terms an admin can act on. */
function describeFailure(error: unknown): string {
  if (error instanceof WebhookTargetError) return error.message
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
  const code = (error as { code?: string })?.code
  const message = error instanceof Error ? error.message : String(error)
  return code && !message.startsWith(code) ? `${code}: ${message}` : message
}

/** POSTs `body` and resolves with the answer's status; the answer's body is never read or kept. */
function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  const literal = literalAddressProblem(url)
  if (literal) return Promise.reject(literal)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: checkedLookup, agent: false, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.once('error', (error) => reject(error.cause instanceof WebhookTargetError ? error.cause : error))
    request.end(body)
  })
}

/**
 * One signed POST of the stored body. Only a 2xx answer counts as delivered; a redirect is a
 * failure (Standard Webhooks: receivers must answer at the URL they registered). Of a failed
 * answer only the status is recorded: a receiver's error page is not ours to store or show.
 */
export async function sendWebhook({ url, secret, eventId, body }: { url: string; secret: string; eventId: string; body: string }): Promise<AttemptResult> {
  const started = performance.now()
  const duration = () => Math.round(performance.now() - started)
  try {
    const status = await post(new URL(url), webhookHeaders(secret, eventId, body), body)
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, durationMs: duration(), error: null }
    return { ok: false, statusCode: status, durationMs: duration(), error: `HTTP ${status}` }
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: duration(), error: describeFailure(error) }
  }
}
