import { createClient } from '@libsql/client'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_BACKOFF } from '@/db/availability'
import { sqliteFilePath } from '@/db/uri'
import { FeedService } from '@/feed/feedService'

import { createApps } from '../helpers/apps'
import { freshDatabaseUri, testEngine } from '../helpers/database'
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy'
import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'
import { demoEmail } from '@/seed/users'

let yixun: TestYixun
let proxy: TcpProxy | undefined
let feed: FeedService
let appKey: string
const uncaught: unknown[] = []
const recordUncaught = (error: unknown) => uncaught.push(error)

beforeAll(async () => {
  let databaseUri = await freshDatabaseUri()
  if (testEngine() === 'postgres') {
    // The test owns the wire between Yixun and PostgreSQL: it can cut it and count connection attempts.
    const url = new URL(databaseUri)
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) })
    url.port = String(proxy.port)
    databaseUri = url.toString()
  }
  yixun = await startYixun({ databaseUri })
  appKey = (await createApps(yixun)).patient.key
  feed = new FeedService(yixun.payload, { pollMs: 50 })
  await feed.start()
  process.on('uncaughtException', recordUncaught)
})

afterAll(async () => {
  process.off('uncaughtException', recordUncaught)
  feed?.stop()
  proxy?.restore()
  await yixun?.payload.destroy().catch(() => {})
  await proxy?.close()
})

const patientFeed = () =>
  feed.handle({ method: 'GET', path: '/api/feed/patient', query: new URLSearchParams(), headers: { authorization: `Bearer ${appKey}` } })

const login = (role: 'admin' | 'editor') => yixun.rest.post('users/login', { body: { email: demoEmail(role), password: TEST_PASSWORD } })

async function expectOutageAnswer(response: Response) {
  expect(response.status).toBe(503)
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  const body = (await response.json()) as { errors: Array<{ code: string; message: string }> }
  expect(body.errors[0]).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/retry in \d+ s/) })
}

// A TCP proxy only makes sense in front of a database server; SQLite's outage is its lock, below.
describe.runIf(testEngine() === 'postgres')('PostgreSQL cut off through a TCP proxy', () => {
  it('answers signed-in callers and sign-ins 503 DATABASE_UNAVAILABLE with Retry-After, keeps the feeds, and recovers', async () => {
    const token = await yixun.tokenFor('admin')
    expect((await yixun.rest.get('notices', { token })).status).toBe(200)
    // A transaction holds a pooled connection when the database goes: node-postgres then emits
    // 'error' on a connection the pool is not listening to.
    const transaction = await yixun.payload.db.beginTransaction()

    proxy!.cut()

    await expectOutageAnswer(await yixun.rest.get('notices', { token }))
    await expectOutageAnswer(await yixun.rest.get('users/me', { token }))
    await expectOutageAnswer(await yixun.rest.patch('departments/1', { token, body: { name: '门诊部' } }))
    await expectOutageAnswer(await login('editor'))
    const graphql = await GRAPHQL_POST(yixun.payload.config)(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
        body: JSON.stringify({ query: '{ Notices { docs { id } } }' }),
      }),
    )
    expect(Number(graphql.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await graphql.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', statusCode: 503 })
    // The apps' feeds come from memory and do not notice.
    expect((await patientFeed()).status).toBe(200)

    await yixun.payload.db.rollbackTransaction(transaction!).catch(() => {})
    expect(uncaught).toEqual([])

    proxy!.restore()
    const restoredAt = Date.now()
    let status = 0
    while (status !== 200 && Date.now() - restoredAt < MAX_BACKOFF + 5000) {
      status = (await yixun.rest.get('notices', { token })).status
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(status).toBe(200)
    console.log(`[outage] PostgreSQL back: requests answered again after ${Date.now() - restoredAt} ms`)
    expect((await login('editor')).status).toBe(200)
  })

  it('tries to reconnect at a backed-off rate, not once per request', async () => {
    const token = await yixun.tokenFor('admin')
    proxy!.cut()
    // Calls under way when the wire went each fail on a connection of their own (at most the pool's size).
    const cutAt = proxy!.accepted()
    expect((await yixun.rest.get('notices', { token })).status).toBe(503)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const before = proxy!.accepted()
    console.log(`[outage] ${before - cutAt} connection attempts while the outage was being found`)
    // Four seconds of traffic: 20 signed-in requests every 100 ms, plus the feed poll every 50 ms.
    const started = Date.now()
    const answers: number[] = []
    while (Date.now() - started < 4000) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => yixun.rest.get('notices', { token })))
      answers.push(...batch.map((response) => response.status))
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const attempts = proxy!.accepted() - before
    console.log(`[outage] ${answers.length} requests in 4 s of outage made ${attempts} connection attempts`)
    expect(new Set(answers)).toEqual(new Set([503]))
    // One probe after 1 s, the next 2 s later (then 4, then every 8).
    expect(attempts).toBeLessThanOrEqual(3)
    proxy!.restore()
    expect(uncaught).toEqual([])
  })
})

describe.runIf(testEngine() === 'sqlite')('SQLite file locked by another process', () => {
  it('answers writes and sign-ins 503 DATABASE_UNAVAILABLE with Retry-After (not 500) until the lock is released', async () => {
    const token = await yixun.tokenFor('admin')
    const other = createClient({ url: `file:${sqliteFilePath(yixun.databaseUri)}` })
    await other.execute('BEGIN IMMEDIATE') // holds the write lock, as a stuck backup or second host would
    try {
      await expectOutageAnswer(await yixun.rest.patch('departments/1', { token, body: { name: '门诊部' } }))
      await expectOutageAnswer(await login('editor'))
      expect((await patientFeed()).status).toBe(200)
    } finally {
      await other.execute('ROLLBACK')
      other.close()
    }
    expect((await yixun.rest.patch('departments/1', { token, body: { name: '门诊部' } })).status).toBe(200)
    expect((await login('editor')).status).toBe(200)
  })
})
