import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

import { guardDatabase } from './availability'
import { serializeSqliteTransactions } from './sqliteTransactions'
import { type DatabaseTarget, sqliteFilePath } from './uri'

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/**
 * Test-only escape hatch (YIXUN_SCHEMA_PUSH=true): build a test template by drizzle push while a
 * schema change has no migration yet. Never for a database that will later run migrations.
 */
const schemaPush = () => process.env.YIXUN_SCHEMA_PUSH === 'true'

/**
 * Schema changes reach every SQL database through committed migrations, never through drizzle's
 * dev-time push: a pushed database cannot later be started in production without an interactive
 * prompt, and the tests then exercise the same schema production runs.
 */
export function databaseAdapter({ engine, uri }: DatabaseTarget): DatabaseAdapterObj {
  switch (engine) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(sqliteFilePath(uri)), { recursive: true })
      return sqliteAdapter({
        client: { url: uri },
        push: schemaPush(),
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        // Several requests write at once (the admin, the jobs runner); wait rather than fail.
        busyTimeout: 5000,
        wal: true,
        // db-sqlite runs without transactions unless asked: a workflow step (state, audit entry,
        // queued mail) must commit or roll back as one.
        transactionOptions: {},
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: uri, connectionTimeoutMillis: 5000 },
        push: schemaPush(),
        migrationDir: path.join(migrationsRoot, 'postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url: uri, connectOptions: { serverSelectionTimeoutMS: 5000 } })
  }
}

/**
 * Runs once Payload has connected: keeps a database outage from crashing the server or flooding
 * the database with reconnects, then brings an SQL schema up to date (on every boot: production,
 * development, seed and tests alike).
 */
export async function prepareDatabase(payload: Payload, database: DatabaseTarget): Promise<void> {
  const { engine } = database
  if (engine === 'postgres') logLostConnections(payload)
  if (engine === 'sqlite') serializeSqliteTransactions(payload)
  guardDatabase(payload)
  if (engine === 'mongodb' || schemaPush() || process.env.PAYLOAD_MIGRATING === 'true') return
  const migrations = ((engine === 'sqlite' ? sqliteMigrations : postgresMigrations) as unknown as Migration[]).map(reportingBriefly)
  await withMigrationLock(database, () => payload.db.migrate({ migrations }))
}

type PgPool = { on(event: 'error', listener: (error: Error) => void): void; on(event: 'connect', listener: (client: PgPool) => void): void }

/**
 * node-postgres emits 'error' on a connection the server dropped. The pool listens only while a
 * connection is idle; one checked out for a transaction had no listener, so a database restart
 * killed the process with "uncaughtException: Connection terminated unexpectedly". Every
 * connection gets a listener of its own; the query or transaction using it fails on its own.
 */
function logLostConnections(payload: Payload): void {
  const { pool } = payload.db as unknown as { pool: PgPool }
  pool.on('connect', (client) => client.on('error', (error) => payload.logger.warn({ err: error }, 'PostgreSQL connection lost')))
  pool.on('error', () => {}) // already logged by the connection's own listener
}

/**
 * Instances started together on an empty database all find the migrations pending and run them
 * at once: all but one then fail ("type … already exists"). A PostgreSQL advisory lock, held on a
 * connection of its own, lets one migrate while the others wait and then find nothing to do.
 * SQLite is one host's file; a lock file next to it serialises that host's processes. MongoDB
 * has no migrations.
 */
async function withMigrationLock<T>({ engine, uri }: DatabaseTarget, migrate: () => Promise<T>): Promise<T> {
  if (engine === 'postgres') {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: uri })
    client.on('error', () => {}) // a lost lock connection fails the query below
    await client.connect()
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
      return await migrate()
    } finally {
      await client.end().catch(() => {}) // ending the session releases the lock
    }
  }
  return withLockFile(`${sqliteFilePath(uri)}.migrating`, migrate)
}

/** An arbitrary 64-bit key for pg_advisory_lock, shared by every Yixun instance. */
const MIGRATION_LOCK_KEY = '7201190913055301'

/** Waits for, takes and releases an exclusive lock file; one left by a dead process is taken over. */
async function withLockFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(file, 'utf8'))
      if (!isAlive(holder)) fs.rmSync(file, { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await work()
  } finally {
    fs.rmSync(file, { force: true })
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Payload logs a failed migration with drizzle's error, whose message holds the migration's
 * whole SQL (one 354 KB log line), and exits. Keep the reason and drop the SQL.
 */
function reportingBriefly(migration: Migration): Migration {
  return {
    ...migration,
    up: async (args) => {
      try {
        await migration.up(args)
      } catch (error) {
        let root: unknown = error
        while (root instanceof Error && root.cause) root = root.cause
        const reason = (root instanceof Error ? root.message : String(root)).split('\n')[0].slice(0, 300)
        const brief = new Error(`database migration ${migration.name} failed: ${reason}`)
        brief.stack = brief.message
        throw brief
      }
    },
  }
}
