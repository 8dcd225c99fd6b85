import type { Payload } from 'payload'

/** A transaction still open after this long is released anyway, with an error in the log (ms). */
const LEAK_TIMEOUT = 20_000

type TransactionMethods = {
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  commitTransaction: (id: number | string | Promise<number | string>) => Promise<void>
  rollbackTransaction: (id: number | string | Promise<number | string>) => Promise<void>
}

/**
 * libsql's SQLite is synchronous: a second write transaction in the same process does not wait
 * for the first, it fails at once with SQLITE_BUSY (each transaction moves to a fresh connection
 * without a busy timeout, and a busy wait would block the only thread that could finish the
 * first). Payload runs jobs in parallel, each in a transaction, so writes collided. Queue them:
 * one write transaction at a time per process. Readers are not affected (WAL).
 */
export function serializeSqliteTransactions(payload: Payload, busyTimeoutMs = 5000): void {
  keepBusyTimeout(payload, busyTimeoutMs)
  const db = payload.db as unknown as TransactionMethods
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const holders = new Map<string, () => void>()
  let tail: Promise<void> = Promise.resolve()

  db.beginTransaction = async (options) => {
    let release!: () => void
    const turn = tail
    tail = new Promise<void>((resolve) => (release = resolve))
    await turn
    const timer = setTimeout(() => {
      payload.logger.error('an SQLite transaction stayed open for 20 s; releasing the write queue')
      release()
    }, LEAK_TIMEOUT)
    timer.unref()
    const done = () => {
      clearTimeout(timer)
      release()
    }
    try {
      const id = await begin(options)
      if (id === null || id === undefined) done()
      else holders.set(String(id), done)
      return id
    } catch (error) {
      done()
      throw error
    }
  }
  const finish = (method: (id: number | string | Promise<number | string>) => Promise<void>) => async (incoming: number | string | Promise<number | string>) => {
    const id = await incoming
    try {
      await method(id)
    } finally {
      holders.get(String(id))?.()
      holders.delete(String(id))
    }
  }
  db.commitTransaction = finish(commit)
  db.rollbackTransaction = finish(rollback)
}

type LibsqlClient = { transaction: (mode?: string) => Promise<unknown>; execute: (sql: string) => Promise<unknown> }

/**
 * libsql hands its connection to each transaction and opens a fresh one for what follows, without
 * the busy timeout db-sqlite set on the first. Another process writing (a second server, `npm run
 * seed` while the server runs) then makes every write fail at once with SQLITE_BUSY instead of
 * waiting its turn. Give each new connection the timeout as soon as it exists.
 */
function keepBusyTimeout(payload: Payload, busyTimeoutMs: number) {
  const client = (payload.db as unknown as { client?: LibsqlClient }).client
  if (!client) return
  const transaction = client.transaction.bind(client)
  client.transaction = async (mode) => {
    const tx = await transaction(mode)
    await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    return tx
  }
}
