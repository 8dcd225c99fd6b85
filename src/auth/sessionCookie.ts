/**
 * Whether the session cookie carries `Secure` (browsers then send it over HTTPS only).
 * Payload's cookie is always HttpOnly; SameSite=Lax keeps it off cross-site POSTs and embeds
 * while a link from a mail (a reset link, a review link) still arrives signed in — Strict would
 * show the sign-in page to everyone following such a link.
 *
 * On when SERVER_URL is https:// (a deployment behind a TLS-terminating proxy sets it so), and in
 * production unless SERVER_URL explicitly says plain http:// (a test server on loopback).
 */
export function sessionCookieSecure(env: NodeJS.ProcessEnv = process.env): boolean {
  const serverURL = env.SERVER_URL?.trim() ?? ''
  if (serverURL.startsWith('https://')) return true
  return env.NODE_ENV === 'production' && !serverURL.startsWith('http://')
}
