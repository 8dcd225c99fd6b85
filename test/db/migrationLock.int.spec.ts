import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { describe, expect, inject, it } from 'vitest'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

import { testEngine } from '../helpers/database'
import { adminQuery, withDatabase } from '../helpers/postgres'

const engine = testEngine()
const migrationName = (engine === 'postgres' ? postgresMigrations : sqliteMigrations)[0].name

/** An empty database of this engine (dropped with the run's others on PostgreSQL). */
async function emptyDatabase(): Promise<{ uri: string; sql: (statement: string) => Promise<unknown[]> }> {
  if (engine === 'postgres') {
    const name = `yixun_t_${inject('runId')}_empty_${randomBytes(3).toString('hex')}`
    await adminQuery(`create database ${name}`)
    const uri = withDatabase(inject('databaseTemplate'), name)
    const pg = (await import('pg')).default
    return {
      uri,
      sql: async (statement) => {
        const client = new pg.Client({ connectionString: uri })
        await client.connect()
        try {
          return (await client.query(statement)).rows
        } finally {
          await client.end()
        }
      },
    }
  }
  const uri = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-migrate-')), 'yixun.db')}`
  return {
    uri,
    sql: async (statement) => {
      const client = createClient({ url: uri })
      try {
        return (await client.execute(statement)).rows
      } finally {
        client.close()
      }
    },
  }
}

/** The migrate-on-boot path of every instance (getPayload → prepareDatabase), as its own process. */
function startInstance(databaseUri: string): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/setup/migrateTemplate.ts'], {
      env: { ...process.env, DATABASE_URI: databaseUri, NODE_ENV: 'test', DISABLE_LOGGING: 'false', LOG_FORMAT: 'json', PAYLOAD_SECRET: 'yixun-test-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('exit', (code) => resolve({ code, lines: output.split('\n').filter(Boolean) }))
  })
}

describe('migrations on boot', () => {
  it('let two instances started at the same instant on one empty database both start', async () => {
    const database = await emptyDatabase()
    const [first, second] = await Promise.all([startInstance(database.uri), startInstance(database.uri)])
    expect([first.code, second.code], [...first.lines, ...second.lines].join('\n').slice(-2000)).toEqual([0, 0])
    // One of them migrated; the other waited for the lock and found nothing left to do.
    expect(await database.sql(`select name from payload_migrations where name = '${migrationName}'`)).toHaveLength(1)
  }, 480_000)

  it('end a start whose migration fails with one short line saying why (not the migration SQL)', async () => {
    const database = await emptyDatabase()
    // Something already occupies a name the first migration creates.
    await database.sql(engine === 'postgres' ? `create type enum_notices_platforms as enum ('x')` : 'create table notices (id integer)')
    const { code, lines } = await startInstance(database.uri)
    expect(code).toBe(1)
    const reason = lines.filter((line) => line.includes(`database migration ${migrationName} failed`))
    expect(reason, lines.join('\n').slice(-2000)).toHaveLength(1)
    expect(reason[0]).toMatch(engine === 'postgres' ? /type \\"enum_notices_platforms\\" already exists/ : /table `?notices`? already exists/)
    for (const line of lines) expect(line.length).toBeLessThan(2000)
  }, 480_000)
})
