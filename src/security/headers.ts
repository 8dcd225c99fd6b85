import type { IncomingMessage, ServerResponse } from 'node:http'

import { allowedOrigins } from './allowedOrigins'
import { crossOriginRefusal, crossOriginWrite } from './crossOrigin'

/**
 * The page policy of every answer. Next.js and Payload's admin inline their bootstrap scripts and
 * styles (no nonce support without rendering every page dynamically), hence 'unsafe-inline' for
 * scripts and styles; everything else comes from Yixun itself. blob: for media and workers: hls.js
 * plays the preview's HLS from a MediaSource blob, and Redoc (/api/feed/docs) runs a blob worker.
 * frame-ancestors 'self': the admin's Live Preview frames /preview/…, nobody else may frame anything.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    // Next's development server evaluates modules and reloads over a WebSocket.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** One year, this host only (other hospital hosts under the same domain decide for themselves). */
export const HSTS = 'max-age=31536000'

/**
 * True when the client reached us over HTTPS: Yixun listens on plain HTTP behind the hospital's
 * TLS proxy, which must set X-Forwarded-Proto. A client claiming https on a plain connection gains
 * nothing: browsers ignore HSTS received over plain HTTP.
 */
const overHttps = (req: IncomingMessage) =>
  (req.socket as { encrypted?: boolean }).encrypted === true || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https'

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * Applied by src/server.ts to every request before anything answers it: sets the security headers
 * and refuses (403 CROSS_ORIGIN_REFUSED) a cookie-authenticated change sent from another site's
 * page. Returns false when it has answered the request itself.
 */
export function secureRequest(req: IncomingMessage, res: ServerResponse, { dev, allowed = allowedOrigins() }: { dev: boolean; allowed?: string[] }): boolean {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(dev))
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  if (overHttps(req)) res.setHeader('Strict-Transport-Security', HSTS)

  const refused = crossOriginWrite(
    {
      method: req.method ?? 'GET',
      origin: header(req.headers.origin),
      host: req.headers.host,
      forwardedHost: header(req.headers['x-forwarded-host']),
      cookie: req.headers.cookie,
      secFetchSite: header(req.headers['sec-fetch-site']),
    },
    allowed,
  )
  if (!refused) return true
  res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(crossOriginRefusal(header(req.headers['accept-language'])))
  return false
}
