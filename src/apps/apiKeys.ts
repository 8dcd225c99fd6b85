import { createHash, randomBytes } from 'node:crypto'

/** App API keys: `yxk_` + 32 random bytes. High entropy, so a plain SHA-256 is a safe, fast hash to store. */
export const API_KEY_PREFIX = 'yxk_'

export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url')
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** What admins see to tell keys apart: the prefix and the first characters, never the key. */
export const apiKeyHint = (key: string) => `${key.slice(0, API_KEY_PREFIX.length + 6)}…`

/** Webhook secrets in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

/** Reads a key from `Authorization: Bearer <key>`; null when absent or malformed. */
export function bearerKey(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(yxk_[A-Za-z0-9_-]{20,100})\s*$/.exec(header ?? '')
  return match ? match[1] : null
}
