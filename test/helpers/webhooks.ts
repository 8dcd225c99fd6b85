import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { getPayload, type Payload, type Where } from 'payload'

import type { WebhookDelivery } from '@/payload-types'

import type { TestYixun } from './yixun'

export type ReceivedWebhook = { headers: Record<string, string>; body: string; status: number }

export type TestReceiver = {
  url: string
  port: number
  received: ReceivedWebhook[]
  /** Answers to give, in order, before falling back to 200. */
  answerWith: (...statuses: number[]) => void
  close: () => Promise<void>
}

/**
 * An app backend on loopback that records every POST and answers with the statuses it is told
 * (then 200). Pass `port` to come up on the port of a receiver that was down.
 */
export async function startReceiver({ port = 0 }: { port?: number } = {}): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = []
  const answers: number[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const status = answers.shift() ?? 200
      received.push({ headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), status })
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver failing on purpose')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/hooks/yixun`,
    port: actual,
    received,
    answerWith: (...statuses) => answers.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type WebhookApp = { id: number | string; secret: string }

/** An app client with a webhook; returns its id and the signing secret Yixun issued it. */
export async function createWebhookApp(
  payload: Payload,
  { name, feeds, webhookUrl, active = true }: { name: string; feeds: Array<'patient' | 'doctor'>; webhookUrl?: string; active?: boolean },
): Promise<WebhookApp> {
  const created = await payload.create({ collection: 'app-clients', data: { name, feeds, active, webhookUrl } })
  const stored = await payload.findByID({ collection: 'app-clients', id: created.id, overrideAccess: true, showHiddenFields: true })
  return { id: created.id, secret: stored.webhookSecret ?? '' }
}

export async function deliveries(payload: Payload, where: Where = {}): Promise<WebhookDelivery[]> {
  const { docs } = await payload.find({ collection: 'webhook-deliveries', where, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true })
  return docs
}

export const deliveriesOf = (payload: Payload, collection: string, id: number | string) =>
  deliveries(payload, { and: [{ collectionSlug: { equals: collection } }, { documentId: { equals: String(id) } }] })

export async function webhookJobs(payload: Payload) {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'deliverWebhook' } }, sort: 'createdAt', pagination: false, depth: 0 })
  return docs
}

/** Works the queue once, as the server's 10-second tick would. */
export const runQueue = (payload: Payload) => payload.jobs.run({ limit: 100, silent: true })

/** Makes every waiting webhook retry due now, instead of waiting out the backoff. */
export async function makeWebhookRetriesDue(payload: Payload) {
  await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'deliverWebhook' } }, { waitUntil: { exists: true } }] },
    data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
  })
}

/**
 * A server restart: the running instance is shut down and a new one opens the same database,
 * keeping nothing of the old one's memory. Tokens already issued stay valid (same secret).
 */
export async function restartYixun(yixun: TestYixun): Promise<void> {
  await yixun.payload.destroy().catch(() => {})
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  const { default: config } = await import('@payload-config')
  yixun.payload = await getPayload({ config })
}
