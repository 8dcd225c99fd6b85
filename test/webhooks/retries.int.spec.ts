import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { requeueStalledDeliveries } from '@/webhooks/requeueStalledDeliveries'

import { act, createAs, noticeData } from '../helpers/content'
import { closedPort } from '../helpers/smtp'
import {
  createWebhookApp,
  deliveriesOf,
  makeWebhookRetriesDue,
  restartYixun,
  runQueue,
  startReceiver,
  type TestReceiver,
  type WebhookApp,
  webhookJobs,
} from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

const SECOND = 1000

let yixun: TestYixun
let backend: TestReceiver | undefined

beforeAll(async () => {
  yixun = await startYixun()
})

beforeEach(async () => {
  // Each test brings its own patient app; the ones of earlier tests hear nothing more.
  // One at a time: a bulk update runs its documents in parallel on one PostgreSQL connection.
  const { docs } = await yixun.payload.find({ collection: 'app-clients', where: { active: { equals: true } }, pagination: false, depth: 0 })
  for (const { id } of docs) await yixun.payload.update({ collection: 'app-clients', id, data: { active: false } })
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
})

async function publishedNotice() {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).body.state).toBe('published')
  return notice.id
}

const patientApp = (webhookUrl: string) => createWebhookApp(yixun.payload, { name: `患者端后台 ${webhookUrl}`, feeds: ['patient'], webhookUrl })

async function deliveryOf(id: number | string) {
  const [delivery] = await deliveriesOf(yixun.payload, 'notices', id)
  return delivery
}

const waitBeforeNext = (delivery: { lastAttemptAt?: string | null; nextAttemptAt?: string | null }) =>
  new Date(delivery.nextAttemptAt!).getTime() - new Date(delivery.lastAttemptAt!).getTime()

describe('a receiver that fails', () => {
  it('is retried with growing waits until it answers 2xx, always with the same webhook-id, and then never again', async () => {
    backend = await startReceiver()
    backend.answerWith(500, 500)
    const app: WebhookApp = await patientApp(backend.url)
    const id = await publishedNotice()

    await runQueue(yixun.payload)
    let delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 })
    expect(delivery.lastError).toBe('HTTP 500')
    expect(waitBeforeNext(delivery)).toBeGreaterThanOrEqual(30 * SECOND)
    expect(waitBeforeNext(delivery)).toBeLessThan(32 * SECOND)

    // Not due yet: the next tick leaves it alone.
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(1)

    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2 })
    expect(waitBeforeNext(delivery)).toBeGreaterThanOrEqual(60 * SECOND)
    expect(waitBeforeNext(delivery)).toBeLessThan(62 * SECOND)

    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null })
    expect(delivery.attemptsLog?.map((a) => a.statusCode)).toEqual([500, 500, 200])
    expect(delivery.attemptsLog?.map((a) => a.error)).toEqual(['HTTP 500', 'HTTP 500', null])

    expect(backend.received.map((r) => r.status)).toEqual([500, 500, 200])
    expect(new Set(backend.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.eventId]))
    expect(new Set(backend.received.map((r) => r.body))).toEqual(new Set([delivery.body]))
    for (const { body, headers } of backend.received) expect(new Webhook(app.secret).verify(body, headers)).toMatchObject({ id: delivery.eventId })

    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(3)
    expect(await webhookJobs(yixun.payload)).toHaveLength(0)
  })

  it('that is down gets the event once it is back up', async () => {
    const port = await closedPort()
    await patientApp(`http://127.0.0.1:${port}/hooks/yixun`)
    const id = await publishedNotice()

    await runQueue(yixun.payload)
    let delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null })
    expect(delivery.lastError).toMatch(/ECONNREFUSED/)
    expect(delivery.attemptsLog).toMatchObject([{ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) }])

    backend = await startReceiver({ port })
    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 })
    expect(backend.received).toHaveLength(1)
    expect(backend.received[0].headers['webhook-id']).toBe(delivery.eventId)
  })

  it('is given up after 24 hours of failures and not tried again', async () => {
    backend = await startReceiver()
    backend.answerWith(...Array(10).fill(503))
    await patientApp(backend.url)
    const id = await publishedNotice()

    await runQueue(yixun.payload)
    let delivery = await deliveryOf(id)
    expect(delivery.status).toBe('failed')
    const window = new Date(delivery.retryUntil!).getTime() - new Date(delivery.lastAttemptAt!).getTime()
    expect(window).toBe(24 * 3600 * SECOND)

    // A day later: the retry that is due now is the last.
    await yixun.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { retryUntil: new Date(Date.now() - SECOND).toISOString() } })
    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    delivery = await deliveryOf(id)
    expect(delivery).toMatchObject({ status: 'dead', attempts: 2, lastStatusCode: 503, nextAttemptAt: null })

    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(2)
    expect(await webhookJobs(yixun.payload)).toHaveLength(0)
  })
})

describe('a server restart', () => {
  it('loses no delivery, whether it was waiting for its first attempt or for a retry', async () => {
    backend = await startReceiver()
    backend.answerWith(503)
    await patientApp(backend.url)
    const retried = await publishedNotice()
    await runQueue(yixun.payload)
    expect(await deliveryOf(retried)).toMatchObject({ status: 'failed', attempts: 1 })
    const waiting = await publishedNotice()

    const before = yixun.payload
    await restartYixun(yixun)
    expect(yixun.payload).not.toBe(before)
    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)

    const [first, second] = [await deliveryOf(retried), await deliveryOf(waiting)]
    expect(first).toMatchObject({ status: 'succeeded', attempts: 2 })
    expect(second).toMatchObject({ status: 'succeeded', attempts: 1 })
    const sent = (eventId: string, status: number) => backend!.received.filter((r) => r.headers['webhook-id'] === eventId && r.status === status).length
    expect(backend.received).toHaveLength(3)
    expect([sent(first.eventId, 503), sent(first.eventId, 200), sent(second.eventId, 200)]).toEqual([1, 1, 1])
  })

  it('in the middle of an attempt leaves a stuck job; the delivery is re-queued once it is overdue', async () => {
    backend = await startReceiver()
    await patientApp(backend.url)
    const id = await publishedNotice()
    // The process died while sending: Payload leaves the job marked as processing for good.
    const [job] = await webhookJobs(yixun.payload)
    await yixun.payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: true } })
    const delivery = await deliveryOf(id)
    await yixun.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { nextAttemptAt: new Date(Date.now() - 20 * 60 * SECOND).toISOString() } })

    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(0)

    expect(await requeueStalledDeliveries(yixun.payload)).toBe(1)
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(1)
    expect(await deliveryOf(id)).toMatchObject({ status: 'succeeded', attempts: 1 })
    expect(await requeueStalledDeliveries(yixun.payload)).toBe(0)

    // Should the old job ever run after all, it sends nothing: its token was replaced.
    await yixun.payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: false } })
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(1)
  })
})
