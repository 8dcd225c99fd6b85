import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'

import { act, createAs, noticeData } from '../helpers/content'
import { createWebhookApp, deliveriesOf, makeWebhookRetriesDue, runQueue, startReceiver, type TestReceiver, type WebhookApp, webhookJobs } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let backend: TestReceiver
let app: WebhookApp

beforeAll(async () => {
  yixun = await startYixun()
  backend = await startReceiver()
  app = await createWebhookApp(yixun.payload, { name: '患者端后台', feeds: ['patient'], webhookUrl: backend.url })
})

beforeEach(() => {
  backend.received.length = 0
})

afterAll(async () => {
  await backend?.close()
  await yixun?.payload.destroy().catch(() => {})
})

async function deliveredNotice() {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
  await runQueue(yixun.payload)
  const [delivery] = await deliveriesOf(yixun.payload, 'notices', notice.id)
  return { noticeId: notice.id, delivery }
}

const redeliver = async (id: number | string, role: Role | null) =>
  yixun.rest.post(`webhook-deliveries/${id}/redeliver`, { token: role ? await yixun.tokenFor(role) : undefined })

describe('an admin redelivering by hand', () => {
  it('sends the same event again, same id and bytes, freshly signed', async () => {
    const { noticeId, delivery } = await deliveredNotice()
    expect(delivery.status).toBe('succeeded')

    const response = await redeliver(delivery.id, 'admin')
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ id: delivery.id, eventId: delivery.eventId, status: 'pending' })
    await runQueue(yixun.payload)

    expect(backend.received).toHaveLength(2)
    const [first, again] = backend.received
    expect(again.headers['webhook-id']).toBe(delivery.eventId)
    expect(again.body).toBe(first.body)
    expect(new Webhook(app.secret).verify(again.body, again.headers)).toMatchObject({ id: delivery.eventId, type: 'content.published' })
    const [after] = await deliveriesOf(yixun.payload, 'notices', noticeId)
    expect(after).toMatchObject({ id: delivery.id, status: 'succeeded', attempts: 2 })
    expect(after.attemptsLog).toHaveLength(2)

    const { docs: audit } = await yixun.payload.find({ collection: 'audit-log', where: { collectionSlug: { equals: 'webhook-deliveries' }, documentId: { equals: String(delivery.id) } } })
    expect(audit).toMatchObject([{ action: 'update', details: { redeliver: true, eventId: delivery.eventId, previousStatus: 'succeeded' } }])
  })

  it('revives a delivery that was given up, with a new 24-hour window', async () => {
    backend.answerWith(500)
    const { noticeId, delivery } = await deliveredNotice()
    await yixun.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { retryUntil: new Date(Date.now() - 1000).toISOString() } })
    await makeWebhookRetriesDue(yixun.payload)
    backend.answerWith(500)
    await runQueue(yixun.payload)
    expect((await deliveriesOf(yixun.payload, 'notices', noticeId))[0]).toMatchObject({ status: 'dead', attempts: 2 })

    expect((await redeliver(delivery.id, 'admin')).status).toBe(202)
    await runQueue(yixun.payload)
    const [after] = await deliveriesOf(yixun.payload, 'notices', noticeId)
    expect(after).toMatchObject({ status: 'succeeded', attempts: 3 })
    expect(new Date(after.retryUntil!).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000)
    expect(backend.received.map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(delivery.eventId))
  })

  it('replaces a retry that was waiting, so the event is sent once, not twice', async () => {
    backend.answerWith(503)
    const { noticeId, delivery } = await deliveredNotice()
    expect((await webhookJobs(yixun.payload)).filter((job) => job.waitUntil)).toHaveLength(1)

    expect((await redeliver(delivery.id, 'admin')).status).toBe(202)
    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)

    expect(backend.received.map((r) => r.status)).toEqual([503, 200])
    expect((await deliveriesOf(yixun.payload, 'notices', noticeId))[0]).toMatchObject({ status: 'succeeded', attempts: 2 })
    expect(await webhookJobs(yixun.payload)).toHaveLength(0)
  })

  it('is for admins only', async () => {
    const { delivery } = await deliveredNotice()
    for (const role of ['reviewer', 'editor', 'publicity', 'viewer'] as const) {
      const response = await redeliver(delivery.id, role)
      expect(response.status).toBe(403)
      expect((await response.json()).errors[0].code).toBe('FORBIDDEN')
    }
    const anonymous = await redeliver(delivery.id, null)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].code).toBe('UNAUTHENTICATED')
    await runQueue(yixun.payload)
    expect(backend.received).toHaveLength(1)
  })

  it('answers 404 for a delivery that does not exist', async () => {
    const missing = yixun.payload.db.defaultIDType === 'number' ? 987_654 : '0123456789abcdef01234567'
    const response = await redeliver(missing, 'admin')
    expect(response.status).toBe(404)
    expect((await response.json()).errors[0].code).toBe('NOT_FOUND')
  })
})
