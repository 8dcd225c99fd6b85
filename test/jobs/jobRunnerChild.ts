/**
 * Child process of deadWorker.int.spec.ts: a Yixun instance that works the jobs queue (same
 * DATABASE_URI as the test) and stops dead at the point YIXUN_CHILD_HOLD names, printing
 * `holding`, so the test can SIGKILL it there:
 * - publish / expire: the task's transaction has made every write (claim, new version, audit,
 *   webhook outbox) and is about to commit;
 * - mail-claimed: the mail server accepted the message and its claim is recorded, but the queue
 *   has not marked the job done.
 */
import { getPayload, type Payload } from 'payload'

const hold = process.env.YIXUN_CHILD_HOLD ?? ''
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })

const holdHere = (): Promise<never> => {
  console.log(`holding ${hold}`)
  return new Promise(() => {})
}

type Db = {
  create: (args: { collection: string; data: { key?: string }; req?: { transactionID?: unknown } }) => Promise<unknown>
  commitTransaction: (id: unknown) => Promise<void>
}
if (hold === 'publish' || hold === 'expire') {
  const db = payload.db as unknown as Db
  const create = db.create.bind(db)
  const commit = db.commitTransaction.bind(db)
  const held = new Set<string>()
  db.create = async (args) => {
    const result = await create(args)
    if (args.collection === 'schedule-claims' && String(args.data.key).startsWith(`${hold}:`)) held.add(String(await args.req?.transactionID))
    return result
  }
  db.commitTransaction = async (id) => (held.has(String(await id)) ? holdHere() : commit(id))
}
if (hold === 'mail-claimed') {
  const create = payload.create.bind(payload) as Payload['create']
  payload.create = (async (args: Parameters<Payload['create']>[0]) => {
    const result = await create(args)
    if (args.collection === 'schedule-claims' && String((args.data as { key?: string }).key).startsWith('mail:')) await holdHere()
    return result
  }) as Payload['create']
}

const { startJobRunner } = await import('../../src/jobs/runner')
startJobRunner(payload)
console.log('ready')
