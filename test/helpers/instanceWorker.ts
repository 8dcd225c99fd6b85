/**
 * A second Yixun instance for tests, in a process of its own, on the database named by
 * DATABASE_URI (started by test/helpers/secondInstance.ts). Reads one JSON request per stdin line,
 * `{ id, at, method, path, token, body }`, sends it through Payload's REST handlers at the instant
 * `at` (epoch ms) and answers `@@yixun {id, status, body}` on stdout.
 */
import readline from 'node:readline'

import config from '@payload-config'
import { getPayload } from 'payload'

import { RestClient } from './rest'

type Command = { id: number; at: number; method: string; path: string; token?: string; body?: unknown }

const answer = (message: unknown) => process.stdout.write(`@@yixun ${JSON.stringify(message)}\n`)

const payload = await getPayload({ config })
const rest = new RestClient(config)
answer({ ready: true })

async function perform({ id, at, method, path, token, body }: Command) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))
  const response = await rest.request(method, path, { token, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: hand the text back as it is
  }
  answer({ id, status: response.status, body: parsed })
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line.trim()) void perform(JSON.parse(line) as Command).catch((error: Error) => answer({ id: (JSON.parse(line) as Command).id, status: 0, body: String(error?.stack ?? error) }))
}
await payload.destroy().catch(() => {})
process.exit(0)
