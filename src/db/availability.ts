import { AsyncLocalStorage } from 'node:async_hooks'

import type { Payload, PayloadRequest } from 'payload'

import { YixunError } from '@/errors'

/** The first pause after the database stopped answering, and the longest (ms). */
export const FIRST_BACKOFF = 1000
export const MAX_BACKOFF = 8000

/** Node's socket errors and node-postgres's words for a connection that never came or broke. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
const CONNECTION_LOST = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i
/**
 * PostgreSQL SQLSTATEs that refuse the connection itself: connection exceptions (08…), rejected
 * credentials (28…), the database gone (3D000), the server shutting down or starting (57P01–57P03).
 */
const POSTGRES_DOWN = /^(08...|28...|3D000|57P0[123])$/

/**
 * Why a database call failed, when the database rather than the request is to blame: `down`
 * (no connection, or it broke) or `busy` (SQLite's file lock outwaited busyTimeout). Drizzle and
 * Payload wrap the driver's error, so the whole `cause` chain is read.
 */
export function databaseFailure(error: unknown): 'down' | 'busy' | null {
  // GraphQL keeps the resolver's error as `originalError`.
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause ?? (e as { originalError?: unknown }).originalError, depth++) {
    if (e instanceof DatabaseUnavailableError) return 'down'
    const code = String((e as { code?: unknown }).code ?? '')
    if (NETWORK_CODES.has(code) || POSTGRES_DOWN.test(code) || CONNECTION_LOST.test(e.message)) return 'down'
    if (/^SQLITE_(CANTOPEN|IOERR)/.test(code)) return 'down'
    if (/^SQLITE_BUSY/.test(code) || /database is locked/.test(e.message)) return 'busy'
  }
  return null
}

export const databaseUnavailableMessages = (seconds: number) => ({
  zh: `数据库暂时无法访问，请 ${seconds} 秒后重试；您的登录状态和数据不受影响。`,
  en: `The database cannot be reached for the moment; retry in ${seconds} s. Your sign-in and your data are unaffected.`,
})

/** 503 DATABASE_UNAVAILABLE: the request was fine, the database did not answer; retry later. */
export class DatabaseUnavailableError extends YixunError {
  constructor(
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super('DATABASE_UNAVAILABLE', 503, databaseUnavailableMessages(retryAfterSeconds))
    this.cause = cause
  }
}

/**
 * A circuit breaker in front of the database. node-postgres opens a new connection for every
 * query while the server is gone (the feed poll, the job runner and each request: thousands of
 * attempts a minute). After a failure, calls fail at once for a pause that doubles up to
 * MAX_BACKOFF; one call per pause goes through as a probe, and its success closes the breaker.
 */
export class DatabaseBreaker {
  private backoff = 0
  private probeAt = 0
  private probing = false

  constructor(
    private readonly now: () => number = Date.now,
    /** Told when the database stops answering and when it answers again (one log line each). */
    private readonly onChange: (down: boolean) => void = () => {},
  ) {}

  get open(): boolean {
    return this.backoff > 0
  }

  /** Whole seconds until the next probe (what Retry-After says). */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.probeAt - this.now()) / 1000))
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const probe = this.open && !this.probing && this.now() >= this.probeAt
    if (this.open && !probe) throw new DatabaseUnavailableError(this.retryAfterSeconds())
    if (probe) this.probing = true
    try {
      const result = await call()
      this.close()
      return result
    } catch (error) {
      const failure = databaseFailure(error)
      // Calls already under way when the breaker opened fail too; only a probe lengthens the pause.
      if (failure === 'down' && (probe || !this.open)) {
        if (!this.open) this.onChange(true)
        this.backoff = probe ? Math.min(this.backoff * 2, MAX_BACKOFF) : FIRST_BACKOFF
        this.probeAt = this.now() + this.backoff
      } else if (failure === null) {
        this.close() // the database answered, if only to refuse the query
      }
      throw failure && !(error instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(failure === 'down' ? this.retryAfterSeconds() : 1, error) : error
    } finally {
      if (probe) this.probing = false
    }
  }

  private close(): void {
    if (!this.open) return
    this.backoff = 0
    this.onChange(false)
  }
}

/** Marks a request whose signed-in user could not be loaded for want of a database. */
const FAILED = Symbol.for('yixun.databaseFailed')

/** Seconds to wait, when loading this request's signed-in user found the database unavailable. */
export const databaseFailedDuring = (req: PayloadRequest | undefined): number | undefined =>
  req ? (req as unknown as Record<symbol, number | undefined>)[FAILED] : undefined

export const markDatabaseFailed = (req: PayloadRequest, retryAfterSeconds: number): void => {
  ;(req as unknown as Record<symbol, number>)[FAILED] = retryAfterSeconds
}

/** Collects the database failures of the calls made inside `watchDatabase`, whatever swallows them. */
const watched = new AsyncLocalStorage<{ retryAfterSeconds?: number }>()

export async function watchDatabase<T>(work: () => Promise<T>): Promise<{ result: T; retryAfterSeconds?: number }> {
  const seen: { retryAfterSeconds?: number } = {}
  const result = await watched.run(seen, work)
  return { result, retryAfterSeconds: seen.retryAfterSeconds }
}

/**
 * Every adapter call that may need a connection. Commit and rollback are left out: they finish a
 * transaction on a connection already held, and must run to hand it back to the pool.
 */
const GUARDED = [
  'beginTransaction', 'count', 'countGlobalVersions', 'countVersions', 'create', 'createGlobal', 'createGlobalVersion', 'createVersion',
  'deleteMany', 'deleteOne', 'deleteVersions', 'find', 'findDistinct', 'findGlobal', 'findGlobalVersions', 'findOne', 'findVersions',
  'queryDrafts', 'updateGlobal', 'updateGlobalVersion', 'updateJobs', 'updateMany', 'updateOne', 'updateVersion', 'upsert',
] as const

/**
 * Puts the breaker in front of Payload's database adapter, the one path every read and write
 * takes (REST, GraphQL, login, Yixun's endpoints, the job runner and the feed poll). A failure
 * is also reported to `watchDatabase` (see src/auth/databaseAwareJwt.ts).
 */
export function guardDatabase(payload: Payload): DatabaseBreaker {
  const breaker = new DatabaseBreaker(Date.now, (down) =>
    down
      ? payload.logger.error(`database unreachable: answering 503 and retrying once every ${FIRST_BACKOFF / 1000}–${MAX_BACKOFF / 1000} s`)
      : payload.logger.info('database reachable again'),
  )
  const db = payload.db as unknown as Record<string, unknown>
  for (const name of GUARDED) {
    const original = db[name]
    if (typeof original !== 'function') continue
    db[name] = async function guarded(this: unknown, ...args: unknown[]) {
      try {
        return await breaker.run(() => original.apply(this ?? db, args))
      } catch (error) {
        const seen = watched.getStore()
        if (seen && error instanceof DatabaseUnavailableError) seen.retryAfterSeconds = error.retryAfterSeconds
        throw error
      }
    }
  }
  return breaker
}
