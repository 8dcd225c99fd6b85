/** Child process of the global setup: migrates the template database named by DATABASE_URI, then exits. */
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
if (payload.db.name === 'sqlite') {
  // Fold the write-ahead log into the file so a plain copy of it is complete.
  await (payload.db as unknown as { client: { execute(sql: string): Promise<unknown> } }).client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
}
process.exit(0)
