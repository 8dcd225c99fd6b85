import { describe, expect, it } from 'vitest'

import { DatabaseBreaker, databaseFailure, DatabaseUnavailableError, FIRST_BACKOFF, MAX_BACKOFF } from '@/db/availability'

const lost = () => Promise.reject(new Error('Connection terminated unexpectedly'))
const refused = () => Promise.reject(new Error('Failed query: select 1', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }) }))

describe('telling a database outage from a bad request', () => {
  it.each([
    ['a refused connection behind drizzle’s wrapper', new Error('Failed query', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }), 'down'],
    ['a dropped connection', new Error('Connection terminated unexpectedly'), 'down'],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect'), 'down'],
    ['a PostgreSQL shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'down'],
    ['a lost transaction at its start', new Error('Error: cannot begin transaction: Connection terminated unexpectedly'), 'down'],
    ['an SQLite file held by another writer', Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }), 'busy'],
    ['a unique violation', Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), null],
    ['a validation error', new Error('The following field is invalid: title'), null],
  ])('%s → %s', (_, error, expected) => {
    expect(databaseFailure(error)).toBe(expected)
  })
})

describe('the database breaker', () => {
  it('fails at once after a lost connection, probes once per pause that doubles to a cap, and closes on success', async () => {
    let now = 0
    const changes: boolean[] = []
    const breaker = new DatabaseBreaker(() => now, (down) => changes.push(down))
    let calls = 0
    const counted = (result: () => Promise<unknown>) => () => {
      calls++
      return result()
    }

    await expect(breaker.run(counted(refused))).rejects.toBeInstanceOf(DatabaseUnavailableError)
    expect(changes).toEqual([true])
    // Within the pause nothing reaches the database, and callers are told when to come back.
    await expect(breaker.run(counted(() => Promise.resolve(1)))).rejects.toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 1 })
    expect(calls).toBe(1)

    const pauses: number[] = []
    for (let probe = 0; probe < 6; probe++) {
      const before = now
      while (calls === probe + 1) {
        now += 100
        await breaker.run(counted(lost)).catch(() => {})
      }
      pauses.push(now - before)
    }
    expect(pauses).toEqual([FIRST_BACKOFF, 2 * FIRST_BACKOFF, 4 * FIRST_BACKOFF, MAX_BACKOFF, MAX_BACKOFF, MAX_BACKOFF])

    now += MAX_BACKOFF
    expect(await breaker.run(counted(() => Promise.resolve('ok')))).toBe('ok')
    expect(breaker.open).toBe(false)
    expect(changes).toEqual([true, false])
  })

  it('lets only one probe through while it is under way', async () => {
    let now = 0
    const breaker = new DatabaseBreaker(() => now)
    await breaker.run(lost).catch(() => {})
    now += FIRST_BACKOFF
    let finish!: () => void
    const probe = breaker.run(() => new Promise<void>((resolve) => (finish = resolve)))
    await expect(breaker.run(() => Promise.resolve())).rejects.toBeInstanceOf(DatabaseUnavailableError)
    finish()
    await probe
    expect(breaker.open).toBe(false)
  })

  it('is not tripped by a query the database answered with an error', async () => {
    const breaker = new DatabaseBreaker()
    const violation = Object.assign(new Error('duplicate key'), { code: '23505' })
    await expect(breaker.run(() => Promise.reject(violation))).rejects.toBe(violation)
    expect(breaker.open).toBe(false)
  })
})
