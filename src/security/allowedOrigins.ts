import { StartupConfigError } from '@/db/uri'

function originOf(value: string, variable: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new StartupConfigError(`${variable}: "${value}" is not a URL (e.g. https://yixun.hospital.cn)`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new StartupConfigError(`${variable}: "${value}" must start with https:// or http://`)
  return url.origin
}

/**
 * The origins whose pages may send the admin's signed-in requests: SERVER_URL's origin plus any in
 * ALLOWED_ORIGINS (comma-separated, e.g. a second host name of the same admin). Empty when neither
 * is set; then only a page of the host the request was sent to counts (see crossOriginWrite).
 */
export function allowedOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const origins = new Set<string>()
  if (env.SERVER_URL) origins.add(originOf(env.SERVER_URL, 'SERVER_URL'))
  for (const entry of (env.ALLOWED_ORIGINS ?? '').split(',')) {
    if (entry.trim()) origins.add(originOf(entry.trim(), 'ALLOWED_ORIGINS'))
  }
  return [...origins]
}
