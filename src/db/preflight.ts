import fs from 'node:fs'
import path from 'node:path'

import { type DatabaseTarget, redactUri, sqliteFilePath, StartupConfigError } from './uri'

/** How long start-up waits for a database server before giving up (ms). */
const CONNECT_TIMEOUT = 5000

/**
 * Proves the database can be reached before anything else starts, so a wrong or unreachable
 * DATABASE_URI ends start-up with one line instead of a stack trace from the first request.
 */
export async function preflightDatabase({ engine, uri }: DatabaseTarget): Promise<void> {
  try {
    if (engine === 'sqlite') {
      const dir = path.dirname(sqliteFilePath(uri))
      fs.mkdirSync(dir, { recursive: true })
      fs.accessSync(dir, fs.constants.W_OK)
    } else if (engine === 'postgres') {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: uri, connectionTimeoutMillis: CONNECT_TIMEOUT })
      try {
        await client.connect()
        await client.query('select 1')
      } finally {
        await client.end().catch(() => {})
      }
    } else {
      const { MongoClient } = await import('mongodb')
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: CONNECT_TIMEOUT })
      try {
        await client.connect()
        await client.db().command({ ping: 1 })
      } finally {
        await client.close().catch(() => {})
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error)
    throw new StartupConfigError(`DATABASE_URI: cannot use ${engine} database ${redactUri(uri)}: ${reason.split('\n')[0]}`)
  }
}
