import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { bearerKey, hashApiKey } from '@/apps/apiKeys'
import { APP_KEY_MISSING, type AppRefusal, refuseAppClient } from '@/apps/authenticateApp'
import { databaseFailure } from '@/db/availability'
import { setting } from '@/config/settings'

import { type Audience, buildFeed, type FeedContent, type FeedNotice, PLACEMENTS, type Placement } from './buildFeed'
import { openApiDocument } from './openapi'

export type FeedRequest = { method: string; path: string; query: URLSearchParams; headers: { authorization?: string; ifNoneMatch?: string; acceptEncoding?: string } }
export type FeedResponse = { status: number; headers: Record<string, string>; body: Buffer }

type Rendered = { json: Buffer; gzip: Buffer; etag: string }
type Client = { id: string; feeds: string[]; active: boolean }

/** Collections whose main documents make up the feeds (drafts never touch them). */
const WATCHED = ['notices', 'free-clinic-events', 'promo-videos', 'brochures', 'video-transcodes', 'media', 'departments', 'app-clients'] as const

const PLATFORMS = ['ios', 'android', 'mini_program'] as const
const DEPARTMENT_CODE = /^[A-Z][A-Z0-9-]{1,31}$/
const APP_VERSION = /^\d+(\.\d+){0,2}$/
/** Filtered answers kept per snapshot; more distinct filter sets than this are rendered again. */
const RENDER_CACHE = 256

const compareVersions = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)]
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0)
  return 0
}

function render(body: unknown): Rendered {
  const json = Buffer.from(JSON.stringify(body))
  return { json, gzip: gzipSync(json, { level: 6 }), etag: `"${createHash('sha1').update(json).digest('base64url')}"` }
}

const problem = (status: number, code: string, message: string, headers: Record<string, string> = {}): FeedResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  body: Buffer.from(JSON.stringify({ errors: [{ code, message }] })),
})

/** RFC 6750: a 401 says which Bearer problem it was. */
const WWW_AUTHENTICATE: Partial<Record<AppRefusal['code'], string>> = {
  APP_KEY_MISSING: 'Bearer',
  APP_KEY_INVALID: 'Bearer error="invalid_token"',
  APP_KEY_REVOKED: 'Bearer error="invalid_token"',
}

const refused = ({ status, code, message }: AppRefusal): FeedResponse => {
  const challenge = WWW_AUTHENTICATE[code]
  return problem(status, code, message, challenge ? { 'WWW-Authenticate': challenge } : {})
}

/**
 * The app feeds, answered from memory. Each feed is rebuilt only when live content changes: a
 * poll of the watched collections' latest main-document write (which sees only committed data,
 * and every instance sees it) or a display window opening or closing.
 */
export class FeedService {
  private feeds = new Map<Audience, { content: FeedContent; full: Rendered; filtered: Map<string, Rendered> }>()
  private clients = new Map<string, Client>()
  private token = ''
  private poller: NodeJS.Timeout | null = null
  private boundary: NodeJS.Timeout | null = null
  private refreshing: Promise<void> | null = null
  private forceAgain = false
  private again: Promise<void> | null = null
  private readonly limiter: RateLimiterMemory
  private readonly openApi = render(openApiDocument())

  constructor(
    private readonly payload: Payload,
    private readonly options: { pollMs?: number; requestsPerMinute?: number } = {},
  ) {
    this.limiter = new RateLimiterMemory({ points: options.requestsPerMinute ?? setting('FEED_RATE_LIMIT_PER_MINUTE'), duration: 60 })
  }

  async start(): Promise<void> {
    await this.refresh(true)
    this.poller = setInterval(() => void this.refresh(false), this.options.pollMs ?? setting('FEED_POLL_MS'))
    this.poller.unref()
  }

  stop(): void {
    if (this.poller) clearInterval(this.poller)
    if (this.boundary) clearTimeout(this.boundary)
  }

  /** Rebuilds when something live changed since the last build (or always, when forced). */
  refresh(force = false): Promise<void> {
    if (this.refreshing) {
      // The refresh under way may have looked before a commit this caller knows of: look again
      // once it is done (callers waiting meanwhile share that second look). A forced rebuild (a
      // window boundary) stays forced.
      if (force) this.forceAgain = true
      this.again ??= this.refreshing.then(() => {
        this.again = null
        return this.refresh(this.forceAgain)
      })
      return this.again
    }
    this.forceAgain = false
    this.refreshing = (async () => {
      try {
        const token = await this.changeToken()
        if (!force && token === this.token) return
        await this.rebuild()
        this.token = token
      } catch (error) {
        // A database outage is logged once by the breaker (src/db/availability.ts), not every poll.
        if (databaseFailure(error) === 'down') return
        this.payload.logger.error({ err: error }, 'feed refresh failed; still serving the last snapshot')
      } finally {
        this.refreshing = null
      }
    })()
    return this.refreshing
  }

  private async changeToken(): Promise<string> {
    const parts = await Promise.all(
      WATCHED.map(async (collection) => {
        const { docs, totalDocs } = await this.payload.find({ collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, select: { updatedAt: true } as never })
        return `${collection}:${totalDocs}:${(docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
      }),
    )
    return parts.join('|')
  }

  private async rebuild(): Promise<void> {
    const now = Date.now()
    const [patient, doctor, clients] = await Promise.all([
      buildFeed(this.payload, 'patient', now),
      buildFeed(this.payload, 'doctor', now),
      this.payload.find({ collection: 'app-clients', pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true, select: { apiKeyHash: true, feeds: true, active: true } }),
    ])
    this.feeds.set('patient', { content: patient.content, full: render(patient.content), filtered: new Map() })
    this.feeds.set('doctor', { content: doctor.content, full: render(doctor.content), filtered: new Map() })
    this.clients = new Map(
      clients.docs.filter((c) => c.apiKeyHash).map((c) => [c.apiKeyHash as string, { id: String(c.id), feeds: (c.feeds ?? []) as string[], active: Boolean(c.active) }]),
    )
    // A display window opens or closes without any write: rebuild at that moment.
    if (this.boundary) clearTimeout(this.boundary)
    const next = [patient.nextChangeAt, doctor.nextChangeAt].filter((t): t is number => t !== null).sort((a, b) => a - b)[0]
    if (next !== undefined) {
      this.boundary = setTimeout(() => void this.refresh(true), Math.min(Math.max(next - Date.now() + 5, 0), 2 ** 31 - 1))
      this.boundary.unref()
    }
  }

  /** Whether this service answers the path (everything else goes to Next). */
  static handles(method: string, path: string): boolean {
    return (method === 'GET' || method === 'HEAD') && /^\/api\/feed\/(patient|doctor|openapi\.json)\/?$/.test(path)
  }

  async handle(request: FeedRequest): Promise<FeedResponse> {
    const name = request.path.replace(/^\/api\/feed\//, '').replace(/\/$/, '')
    if (name === 'openapi.json') return this.respond(request, this.openApi, 'public, max-age=300')
    const audience = name as Audience

    const key = bearerKey(request.headers.authorization)
    const client = key ? this.clients.get(hashApiKey(key)) : undefined
    const refusal = key ? refuseAppClient(client, audience) : APP_KEY_MISSING
    if (refusal || !client) return refused(refusal ?? APP_KEY_MISSING)

    try {
      await this.limiter.consume(client.id)
    } catch (rejection) {
      const retryAfter = rejection instanceof RateLimiterRes ? Math.ceil(rejection.msBeforeNext / 1000) : 1
      return problem(429, 'RATE_LIMITED', `Too many requests for this app key; retry in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) })
    }

    const feed = this.feeds.get(audience)
    if (!feed) return problem(503, 'FEED_NOT_READY', 'The feed is being built; retry in a second.', { 'Retry-After': '1' })

    const filters = this.parseFilters(request.query)
    if ('error' in filters) return problem(400, 'INVALID_FILTER', filters.error)
    if (!filters.key) return this.respond(request, feed.full)
    let rendered = feed.filtered.get(filters.key)
    if (!rendered) {
      if (feed.filtered.size >= RENDER_CACHE) feed.filtered.clear()
      rendered = render(this.filter(feed.content, filters))
      feed.filtered.set(filters.key, rendered)
    }
    return this.respond(request, rendered)
  }

  private respond({ method, headers }: FeedRequest, rendered: Rendered, cacheControl = 'private, no-cache'): FeedResponse {
    const common = { ETag: rendered.etag, 'Cache-Control': cacheControl, Vary: 'Authorization, Accept-Encoding' }
    const candidates = headers.ifNoneMatch?.split(',').map((tag) => tag.trim().replace(/^W\//, ''))
    if (candidates?.includes(rendered.etag) || candidates?.includes('*')) return { status: 304, headers: common, body: Buffer.alloc(0) }
    const gzip = /\bgzip\b/.test(headers.acceptEncoding ?? '')
    const body = gzip ? rendered.gzip : rendered.json
    return {
      status: 200,
      headers: { ...common, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) },
      body: method === 'HEAD' ? Buffer.alloc(0) : body,
    }
  }

  private parseFilters(query: URLSearchParams): { key: string; placement?: Placement; department?: string; platform?: string; appVersion?: string } | { error: string } {
    const placement = query.get('placement') ?? undefined
    const department = query.get('department') ?? undefined
    const platform = query.get('platform') ?? undefined
    const appVersion = query.get('appVersion') ?? undefined
    if (placement && !PLACEMENTS.includes(placement as Placement)) return { error: `placement must be one of ${PLACEMENTS.join(', ')}.` }
    if (department && !DEPARTMENT_CODE.test(department)) return { error: 'department must be a department code such as CARD.' }
    if (platform && !PLATFORMS.includes(platform as (typeof PLATFORMS)[number])) return { error: `platform must be one of ${PLATFORMS.join(', ')}.` }
    if (appVersion && !APP_VERSION.test(appVersion)) return { error: 'appVersion must look like 5.2 or 5.2.1.' }
    const key = [placement, department, platform, appVersion].some(Boolean) ? JSON.stringify([placement, department, platform, appVersion]) : ''
    return { key, placement: placement as Placement | undefined, department, platform, appVersion }
  }

  private filter(content: FeedContent, f: { placement?: Placement; department?: string; platform?: string; appVersion?: string }): FeedContent {
    const forDepartment = (departments: { code: string }[], hospitalWideCounts: boolean) =>
      !f.department || (hospitalWideCounts && departments.length === 0) || departments.some((d) => d.code === f.department)
    const targeted = (n: FeedNotice) =>
      forDepartment(n.departments, true) &&
      (!f.platform || n.platforms.length === 0 || n.platforms.includes(f.platform)) &&
      (!f.appVersion || !n.minAppVersion || compareVersions(f.appVersion, n.minAppVersion) >= 0)
    const notices = Object.fromEntries(
      PLACEMENTS.map((placement) => [placement, !f.placement || f.placement === placement ? content.notices[placement].filter(targeted) : []]),
    ) as Record<Placement, FeedNotice[]>
    return {
      ...content,
      notices,
      events: content.events.filter((e) => forDepartment(e.departments, false)),
      videos: content.videos.filter((v) => forDepartment(v.departments, true)),
      brochures: content.brochures.filter((b) => forDepartment(b.departments, true)),
    }
  }
}
