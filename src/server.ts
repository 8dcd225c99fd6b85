/**
 * Yixun's HTTP entry point: a small Node server in front of Next.js. It checks the environment
 * before anything loads, logs one structured line per request, and leaves routing to Next.
 * (Later, the app feeds are answered here from memory: Next's router costs too much on that path.)
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { type Duplex, Readable } from 'node:stream'

import next from 'next'
import { getPayload } from 'payload'

import { clientAddress } from './audit/clientAddress'
import { checkConfiguration, setting } from './config/settings'
import { databaseFailure, databaseUnavailableMessages, DatabaseUnavailableError } from './db/availability'
import { preflightDatabase } from './db/preflight'
import { redactUri, resolveDatabase, StartupConfigError } from './db/uri'
import { DOCS_HTML, redocBundle } from './feed/docsPage'
import { FeedService } from './feed/feedService'
import { startJobRunner } from './jobs/runner'
import { createLogger } from './log/logger'
import { handleVideoOutputRequest } from './media/videoOutputs'
import { allowedOrigins } from './security/allowedOrigins'
import { secureRequest } from './security/headers'

const logger = createLogger('http')

const REQUEST_ID = /^[\w.:-]{1,64}$/

const VIDEO_OUTPUTS = '/api/promo-videos/outputs/'

function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  return headers
}

/** Writes a fetch Response to Node's response as it is: headers (Content-Length included) and a streamed body. */
async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers))
  if (!response.body) {
    res.end()
    return
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
  res.once('close', () => body.destroy())
  body.pipe(res)
}

/** Logs an error a handler let through and answers 500, or 503 for a database outage (when no answer has started yet). */
function failed(res: ServerResponse, requestId: string, error: unknown, what: string): void {
  logger.error({ err: error, reqId: requestId }, what)
  const retryAfter = error instanceof DatabaseUnavailableError ? error.retryAfterSeconds : databaseFailure(error) ? 1 : 0
  if (!res.headersSent) res.writeHead(retryAfter ? 503 : 500, { 'Content-Type': 'application/json', ...(retryAfter ? { 'Retry-After': String(retryAfter) } : {}) })
  const entry = retryAfter ? { code: 'DATABASE_UNAVAILABLE', message: databaseUnavailableMessages(retryAfter).en } : { code: 'INTERNAL', message: 'Internal server error' }
  res.end(JSON.stringify({ errors: [{ ...entry, requestId }] }))
}

// A dropped database connection is the breaker's to handle (src/db/availability.ts), never a
// reason to die; anything else unexpected is logged with its stack before the process ends.
process.on('uncaughtException', (error) => {
  if (databaseFailure(error) === 'down') return void logger.warn({ err: error }, 'database connection lost')
  logger.fatal({ err: error }, 'uncaught exception')
  process.exit(1)
})
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'))

async function main() {
  const dev = process.env.NODE_ENV !== 'production'
  checkConfiguration()
  const port = setting('PORT')
  const hostname = setting('HOST')!
  const trustedProxyHops = setting('TRUST_PROXY_HOPS')
  const allowed = allowedOrigins()
  const database = resolveDatabase()
  await preflightDatabase(database)

  // This process's own Payload (Local API): it migrates the schema before anything else starts,
  // builds the app feeds and works the jobs queue. Next's bundle holds a second instance for
  // the admin and REST API (module state is not shared between the two).
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  const feed = new FeedService(payload)
  await feed.start()
  const runner = process.env.YIXUN_JOBS_AUTORUN === 'false' ? null : startJobRunner(payload, { afterRun: () => feed.refresh() })

  const server = createServer()
  // Next attaches its upgrade listener (development's hot reload) to `httpServer` on its first
  // request, and leaves upgrades it does not own hanging. It gets a stand-in: this server decides
  // what reaches it. (`app.getUpgradeHandler()` does not serve hot reload in Next 16.4.)
  const nextUpgrades = new EventEmitter()
  const app = next({ dev, hostname, port, httpServer: nextUpgrades as Server, turbopack: dev })
  const handle = app.getRequestHandler()
  await app.prepare()
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Only development's hot reload (/_next/hmr) speaks WebSocket; anything else gets a plain 400.
    if (dev && req.url?.startsWith('/_next/') && nextUpgrades.emit('upgrade', req, socket, head)) return
    socket.once('error', () => socket.destroy())
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 25\r\n\r\nWebSocket not served here')
  })

  server.on('request', (req, res) => {
    const started = process.hrtime.bigint()
    const incoming = req.headers['x-request-id']
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    req.headers['x-request-id'] = requestId
    // The client's address for the audit log and the sign-in lock; overwritten so a client cannot
    // claim another. X-Forwarded-For counts only through the proxies TRUST_PROXY_HOPS declares.
    req.headers['x-yixun-client-ip'] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxyHops)
    res.setHeader('X-Request-Id', requestId)
    // The query string can carry tokens; the path is enough to find a request.
    const path = (req.url ?? '/').split('?')[0]
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      const entry = { reqId: requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }
      if (res.statusCode >= 500) logger.error(entry, 'request')
      else logger.info(entry, 'request')
    })
    if (!secureRequest(req, res, { dev, allowed })) return
    // The app feeds are the hot path (every app launch): answered here from memory, not by Next.
    const method = req.method ?? 'GET'
    if (FeedService.handles(method, path)) {
      const url = new URL(req.url ?? '/', 'http://localhost')
      feed
        .handle({
          method,
          path,
          query: url.searchParams,
          headers: { authorization: req.headers.authorization, ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] as string | undefined },
        })
        .then(({ status, headers, body }) => {
          res.writeHead(status, headers)
          res.end(body)
        })
        .catch((error: unknown) => failed(res, requestId, error, 'feed request failed'))
      return
    }
    if (method === 'GET' && (path === '/api/feed/docs' || path === '/api/feed/docs/redoc.standalone.js')) {
      const script = path.endsWith('.js')
      res.writeHead(200, {
        'Content-Type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      })
      res.end(script ? redocBundle() : DOCS_HTML)
      return
    }

    // Video files for the players: answered here so ranges keep an exact Content-Length, which
    // Next 16 drops from route-handler responses (some players refuse chunked video).
    if (path.startsWith(VIDEO_OUTPUTS)) {
      handleVideoOutputRequest(payload, { method, path, headers: webHeaders(req) })
        .then((response) => (response ? sendResponse(res, response) : handle(req, res)))
        .catch((error: unknown) => failed(res, requestId, error, 'video output request failed'))
      return
    }

    handle(req, res).catch((error: unknown) => failed(res, requestId, error, 'unhandled error'))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, resolve)
  })

  // Payload starts (and migrates the schema) inside Next on its first request: make that happen now.
  const health = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-request-id': 'startup' } })
  const body = (await health.json().catch(() => ({}))) as { engine?: string; version?: string }
  // Development compiles each page and its scripts on first visit (minutes on two cores): compile
  // the login page before saying "ready", so the first person to open it sees it within seconds.
  if (dev) {
    const local = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-request-id': 'startup' } }).then((response) => response.text())
    const page = await local('/admin/login')
    await Promise.all([...page.matchAll(/src="(\/_next\/[^"]+\.js)"/g)].map(([, script]) => local(script)))
  }
  logger.info(
    { port, dev, engine: body.engine, version: body.version, database: redactUri(database.uri), healthStatus: health.status },
    `Yixun ready at http://localhost:${port}/admin`,
  )

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    feed.stop()
    void runner?.stop()
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof StartupConfigError) {
    console.error(`Yixun cannot start: ${error.message}`)
  } else {
    logger.fatal({ err: error }, 'start-up failed')
  }
  process.exit(1)
})
