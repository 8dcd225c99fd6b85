import type { Endpoint } from 'payload'

import pkg from '../../package.json'

const ENGINE_BY_ADAPTER: Record<string, string> = { sqlite: 'sqlite', postgres: 'postgres', mongoose: 'mongodb' }

/** A database that has not answered in this time counts as down (ms). */
const DATABASE_TIMEOUT = 3000

/** GET /api/health — for load balancers and the on-call engineer. No auth; reveals no data. */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = performance.now()
    let databaseError: string | undefined
    try {
      await Promise.race([
        req.payload.count({ collection: 'departments', overrideAccess: true }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT} ms`)), DATABASE_TIMEOUT).unref()),
      ])
    } catch (error) {
      databaseError = error instanceof Error ? error.message : String(error)
      req.payload.logger.error({ err: error }, 'health check: database did not answer')
    }
    const ok = databaseError === undefined
    return Response.json(
      {
        status: ok ? 'ok' : 'unavailable',
        version: pkg.version,
        engine: ENGINE_BY_ADAPTER[req.payload.db.name] ?? req.payload.db.name,
        database: { ok, latencyMs: Math.round(performance.now() - started), ...(ok ? {} : { error: 'database did not answer' }) },
      },
      { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
