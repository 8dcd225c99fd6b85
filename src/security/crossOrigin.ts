const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RequestFacts = {
  method: string
  origin?: string
  host?: string
  forwardedHost?: string
  cookie?: string
  secFetchSite?: string
}

function sameHost(origin: string, hosts: (string | undefined)[]): boolean {
  let host: string
  try {
    host = new URL(origin).host.toLowerCase()
  } catch {
    return false
  }
  return hosts.some((candidate) => candidate?.split(',')[0].trim().toLowerCase() === host)
}

/**
 * True when a browser page of another site tries to change something with the staff member's
 * session cookie (cross-site request forgery). Requests without cookies (app keys, `JWT`/`Bearer`
 * headers, scripts) carry no ambient authority and pass. With no allowed origins configured
 * (development), the page must come from the host the request was sent to (Host, or
 * X-Forwarded-Host from the TLS proxy: a page cannot set either header on another site's request).
 */
export function crossOriginWrite(request: RequestFacts, allowed: string[]): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.cookie) return false
  const { origin } = request
  // Browsers send Origin with every POST/PUT/PATCH/DELETE; without it only Sec-Fetch-Site tells.
  if (!origin) return request.secFetchSite === 'cross-site'
  if (allowed.length > 0) return !allowed.includes(origin)
  return !sameHost(origin, [request.host, request.forwardedHost])
}

/** 403 body for a refused cross-site write, in the caller's language. */
export function crossOriginRefusal(acceptLanguage: string | undefined): string {
  const english = acceptLanguage?.toLowerCase().startsWith('en')
  const message = english
    ? 'Refused: this change was sent from a page of another site. Make it in the Yixun admin itself.'
    : '已拒绝：此修改来自其他网站的页面。请在医讯管理后台中操作。'
  return JSON.stringify({ errors: [{ code: 'CROSS_ORIGIN_REFUSED', message }] })
}
