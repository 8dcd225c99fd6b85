/** Keys whose values must never reach the audit log, at any depth: the log is read by reviewers too. */
const SECRET_KEY = /pass(word)?|token|secret|hash|salt|api[-_]?key|authorization|cookie|session/i

/** A copy of `value` with secret-looking keys removed, so a careless `details` cannot leak a credential. */
export function withoutSecrets(value: Record<string, unknown>): Record<string, unknown> {
  return strip(value) as Record<string, unknown>
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip)
  if (!value || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, item]) => [key, strip(item)]),
  )
}
