import { createServer, type Server } from 'node:http'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium, screenshotPath } from '../helpers/browser'
import { adminQuery, postgresAdminUri, withDatabase } from '../helpers/postgres'
import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * Two production servers on one PostgreSQL database, as a hospital would run them behind a load
 * balancer: scheduled items go live once, the feed serves them over HTTP, webhooks fire once.
 */
const database = `yixun_e2e_pair_${process.pid}`
const databaseUri = withDatabase(postgresAdminUri(), database)
let servers: RunningServer[] = []
let payload: Payload
let receiver: Server
const received: Array<{ id: string; body: { data: { id: string } } }> = []

beforeAll(async () => {
  await adminQuery(`drop database if exists ${database} with (force)`)
  await adminQuery(`create database ${database}`)
  // The first instance migrates the empty database; the second starts once that is done.
  servers.push(await startProductionServer({ DATABASE_URI: databaseUri }))
  servers.push(await startProductionServer({ DATABASE_URI: databaseUri }))

  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), body: JSON.parse(body) })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))

  process.env.DATABASE_URI = databaseUri
  process.env.DISABLE_LOGGING = 'true'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  payload = await getPayload({ config })
})

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  receiver?.close()
  await adminQuery(`drop database if exists ${database} with (force)`).catch(() => {})
})

describe('two instances on one PostgreSQL database', () => {
  it('publish each scheduled item exactly once, into the feed and to the webhook', async () => {
    const { fillLiveContent } = await import('../../scripts/bench-content')
    const firstAt = Date.now() + 12_000
    const count = 8
    const { ids, appKey } = await fillLiveContent(payload, { notices: count, events: 0, publishAt: (i) => new Date(firstAt + i * 300).toISOString() })
    await payload.create({ collection: 'app-clients', data: { name: 'webhook receiver', feeds: ['patient'], active: true, webhookUrl: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks` } })

    // Both instances serve the feed; wait until each shows every item.
    const deadline = firstAt + count * 300 + 15_000
    const idsSeen = async (server: RunningServer) => {
      const response = await fetch(`${server.url}/api/feed/patient`, { headers: { authorization: `Bearer ${appKey}` } })
      // A new app key reaches each server's memory within a poll; until then the answer is 401.
      const body = (await response.json()) as { notices?: Record<string, Array<{ id: string }>> }
      return new Set(Object.values(body.notices ?? {}).flat().map((n) => n.id))
    }
    let complete = false
    while (!complete && Date.now() < deadline) {
      const seen = await Promise.all(servers.map(idsSeen))
      complete = seen.every((set) => ids.every((id) => set.has(String(id))))
      if (!complete) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(complete).toBe(true)

    const { docs: publishes } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'publish' } }, limit: 0, pagination: false, depth: 0 })
    for (const id of ids) expect(publishes.filter((entry) => entry.documentId === String(id))).toHaveLength(1)

    // Webhooks go out from the queue within a few ticks; one per item, whichever instance sent it.
    const hookDeadline = Date.now() + 15_000
    while (received.length < count && Date.now() < hookDeadline) await new Promise((resolve) => setTimeout(resolve, 250))
    const perItem = new Map<string, number>()
    for (const hook of received) perItem.set(hook.body.data.id, (perItem.get(hook.body.data.id) ?? 0) + 1)
    for (const id of ids) expect(perItem.get(String(id)), `webhooks for ${id}`).toBe(1)
  })

  it('serves the OpenAPI document and a readable docs page', async () => {
    const document = await (await fetch(`${servers[0].url}/api/feed/openapi.json`)).json()
    expect(document.openapi).toBe('3.1.0')
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      await page.goto(`${servers[1].url}/api/feed/docs`)
      await page.getByText('医讯 Yixun app API').first().waitFor({ timeout: 30_000 })
      await page.screenshot({ path: screenshotPath('feed-api-docs'), fullPage: false })
    } finally {
      await browser.close()
    }
  })
})
