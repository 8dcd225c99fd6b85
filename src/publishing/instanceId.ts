import { randomUUID } from 'node:crypto'
import os from 'node:os'

/** Names this server process in claims and logs: host, pid and a random suffix. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
