import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import pkg from '../package.json'

import { adminQuery } from './helpers/postgres'
import { startYixun, type TestYixun } from './helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun({ seeded: false })
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

/** Makes the database stop answering, the way an outage would. */
async function takeDatabaseDown() {
  if (yixun.engine === 'postgres') {
    const name = new URL(yixun.databaseUri).pathname.slice(1)
    await adminQuery(`drop database ${name} with (force)`)
  } else if (yixun.engine === 'sqlite') {
    ;(yixun.payload.db as unknown as { client: { close(): void } }).client.close()
  } else {
    await (yixun.payload.db as unknown as { connection: { close(force: boolean): Promise<void> } }).connection.close(true)
  }
}

describe('GET /api/health', () => {
  it('answers 200 with the engine, the version and a database that answered', async () => {
    const response = await yixun.rest.get('health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({
      status: 'ok',
      version: pkg.version,
      engine: yixun.engine,
      database: { ok: true },
    })
  })

  it('answers 503 when the database does not answer', async () => {
    await takeDatabaseDown()
    const response = await yixun.rest.get('health')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ status: 'unavailable', engine: yixun.engine, database: { ok: false } })
  })
})
