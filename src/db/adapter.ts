import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

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
 * Runs once Payload has connected: keeps a database outage from crashing the server, then brings
 * an SQL schema up to date (on every boot: production, development, seed and tests alike).
 */
export async function prepareDatabase(payload: Payload, { engine }: DatabaseTarget): Promise<void> {
  if (engine === 'postgres') {
    // node-postgres emits 'error' on an idle pooled connection the server dropped (restart,
    // failover); with no listener that event kills the process. Log it; the pool reconnects.
    const { pool } = payload.db as unknown as { pool: { on(event: 'error', listener: (error: Error) => void): void } }
    pool.on('error', (error) => payload.logger.error({ err: error }, 'PostgreSQL dropped an idle connection'))
  }
  if (engine === 'sqlite') serializeSqliteTransactions(payload)
  if (engine === 'mongodb' || schemaPush() || process.env.PAYLOAD_MIGRATING === 'true') return
  await payload.db.migrate({ migrations: (engine === 'sqlite' ? sqliteMigrations : postgresMigrations) as unknown as Migration[] })
}
