/**
 * Yixun's HTTP entry point: a small Node server in front of Next.js. It checks the environment
 * before anything loads, logs one structured line per request, and leaves routing to Next.
 * (Later, the app feeds are answered here from memory: Next's router costs too much on that path.)
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

import next from 'next'
import { getPayload } from 'payload'

import { payloadSecret } from './config/secret'
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

/** Logs an error a handler let through and answers 500 (when no answer has started yet). */
function failed(res: ServerResponse, requestId: string, error: unknown, what: string): void {
  logger.error({ err: error, reqId: requestId }, what)
  if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ errors: [{ code: 'INTERNAL', message: 'Internal server error', requestId }] }))
}

async function main() {
  const dev = process.env.NODE_ENV !== 'production'
  const port = Number(process.env.PORT || 3000)
  const hostname = process.env.HOST || '0.0.0.0'
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupConfigError(`PORT: "${process.env.PORT}" is not a port number`)

  payloadSecret()
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
  const app = next({ dev, hostname, port, httpServer: server, turbopack: dev })
  const handle = app.getRequestHandler()
  await app.prepare()

  server.on('request', (req, res) => {
    const started = process.hrtime.bigint()
    const incoming = req.headers['x-request-id']
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    req.headers['x-request-id'] = requestId
    // The peer address for the audit log; overwritten so a client cannot claim another.
    req.headers['x-yixun-client-ip'] = req.socket.remoteAddress ?? ''
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
