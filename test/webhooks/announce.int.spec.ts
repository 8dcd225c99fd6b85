import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { announceLiveChange } from '@/webhooks/announceLiveChange'
import { expireItem } from '@/workflow/transition'

import { act, createAs, eventData, noticeData } from '../helpers/content'
import { createWebhookApp, deliveries, deliveriesOf, runQueue, startReceiver, type TestReceiver, type WebhookApp, webhookJobs } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let patientBackend: TestReceiver
let doctorBackend: TestReceiver
let retiredBackend: TestReceiver
let patientApp: WebhookApp
let doctorApp: WebhookApp

beforeAll(async () => {
  yixun = await startYixun()
  ;[patientBackend, doctorBackend, retiredBackend] = await Promise.all([startReceiver(), startReceiver(), startReceiver()])
  patientApp = await createWebhookApp(yixun.payload, { name: '患者端后台', feeds: ['patient'], webhookUrl: patientBackend.url })
  doctorApp = await createWebhookApp(yixun.payload, { name: '医生端后台', feeds: ['doctor'], webhookUrl: doctorBackend.url })
  await createWebhookApp(yixun.payload, { name: '已停用的自助机', feeds: ['patient', 'doctor'], webhookUrl: retiredBackend.url, active: false })
  await createWebhookApp(yixun.payload, { name: '不收 Webhook 的应用', feeds: ['patient', 'doctor'] })
})

beforeEach(() => {
  for (const backend of [patientBackend, doctorBackend, retiredBackend]) backend.received.length = 0
})

afterAll(async () => {
  await Promise.all([patientBackend, doctorBackend, retiredBackend].map((backend) => backend?.close()))
  await yixun?.payload.destroy().catch(() => {})
})

async function publishedNotice(overrides: Record<string, unknown> = {}) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).body.state).toBe('published')
  return notice.id
}

const eventsAt = (backend: TestReceiver) => backend.received.map(({ body }) => JSON.parse(body))

describe('publishing a notice for patients', () => {
  it('sends the patient app one POST signed the Standard Webhooks way, and the doctor app nothing', async () => {
    const id = await publishedNotice()
    const [recorded] = await deliveriesOf(yixun.payload, 'notices', id)
    // Recorded before anything is sent.
    expect(recorded).toMatchObject({ status: 'pending', attempts: 0, eventType: 'published', client: patientApp.id })
    expect(patientBackend.received).toHaveLength(0)

    await runQueue(yixun.payload)

    expect(patientBackend.received).toHaveLength(1)
    expect(doctorBackend.received).toHaveLength(0)
    const { headers, body } = patientBackend.received[0]
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Yixun-Webhooks/1', 'webhook-id': recorded.eventId })
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30)

    // What an app backend does with the spec's own library.
    const event = new Webhook(patientApp.secret).verify(body, headers)
    expect(event).toEqual({
      id: recorded.eventId,
      type: 'content.published',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { collection: 'notices', id: String(id), version: recorded.documentVersion, audience: 'patient' },
    })
    expect(recorded.eventId).toMatch(/^evt_[0-9a-f]{32}$/)
    expect(body).toBe(recorded.body)

    const [delivered] = await deliveriesOf(yixun.payload, 'notices', id)
    expect(delivered).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null })
    expect(delivered.deliveredAt).toBeTruthy()
    expect(delivered.lastDurationMs).toBeGreaterThanOrEqual(0)
    expect(delivered.attemptsLog).toMatchObject([{ statusCode: 200, error: null }])
  })

  it('is refused by a receiver when the body was tampered with or signed with another secret', async () => {
    await publishedNotice()
    await runQueue(yixun.payload)
    const { headers, body } = patientBackend.received[0]
    const tampered = body.replace('"audience":"patient"', '"audience":"doctor"')
    expect(tampered).not.toBe(body)
    expect(() => new Webhook(patientApp.secret).verify(tampered, headers)).toThrow(WebhookVerificationError)
    expect(() => new Webhook(doctorApp.secret).verify(body, headers)).toThrow(WebhookVerificationError)
  })

  it('tells both apps about a notice for both audiences, under one event id', async () => {
    const id = await publishedNotice({ audience: 'both' })
    await runQueue(yixun.payload)
    expect(patientBackend.received).toHaveLength(1)
    expect(doctorBackend.received).toHaveLength(1)
    expect(new Webhook(doctorApp.secret).verify(doctorBackend.received[0].body, doctorBackend.received[0].headers)).toMatchObject({ type: 'content.published', data: { audience: 'both' } })
    expect(doctorBackend.received[0].headers['webhook-id']).toBe(patientBackend.received[0].headers['webhook-id'])
    expect((await deliveriesOf(yixun.payload, 'notices', id)).map((d) => d.client).sort()).toEqual([patientApp.id, doctorApp.id].sort())
  })

  it('announces an approved free-clinic event and its homepage notice, one event each', async () => {
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun))
    await act(yixun, 'editor', 'free-clinic-events', event.id, 'submit')
    expect((await act(yixun, 'reviewer', 'free-clinic-events', event.id, 'approve')).body.state).toBe('published')
    await runQueue(yixun.payload)
    const events = eventsAt(patientBackend)
    expect(events.map((e) => [e.type, e.data.collection]).sort()).toEqual([
      ['content.published', 'free-clinic-events'],
      ['content.published', 'notices'],
    ])
    expect(events.find((e) => e.data.collection === 'free-clinic-events').data.id).toBe(String(event.id))
  })

  it('tells an inactive app, or one without a webhook URL, nothing', async () => {
    const id = await publishedNotice({ audience: 'both' })
    await runQueue(yixun.payload)
    expect(retiredBackend.received).toHaveLength(0)
    expect(await deliveriesOf(yixun.payload, 'notices', id)).toHaveLength(2)
  })
})

describe('later changes to live content', () => {
  it('sends content.updated with the new version when an edit of a live notice is approved', async () => {
    const id = await publishedNotice()
    await runQueue(yixun.payload)
    const edit = await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '心血管内科线上复诊开通（12月1日起）' } })
    expect(edit.status).toBe(200)
    // A draft edit changes nothing the apps show.
    expect(await deliveriesOf(yixun.payload, 'notices', id)).toHaveLength(1)
    await act(yixun, 'editor', 'notices', id, 'submit')
    await act(yixun, 'reviewer', 'notices', id, 'approve')
    await runQueue(yixun.payload)

    const [published, updated] = eventsAt(patientBackend)
    expect(published.type).toBe('content.published')
    expect(updated).toMatchObject({ type: 'content.updated', data: { collection: 'notices', id: String(id) } })
    expect(updated.id).not.toBe(published.id)
    expect(updated.data.version).not.toBe(published.data.version)
  })

  it('sends content.withdrawn when a reviewer takes a live notice down', async () => {
    const id = await publishedNotice()
    // Jobs of one queue run may finish in any order; deliver the publication first.
    await runQueue(yixun.payload)
    expect((await act(yixun, 'reviewer', 'notices', id, 'withdraw', '活动取消')).status).toBe(200)
    await runQueue(yixun.payload)
    expect(eventsAt(patientBackend).map((e) => e.type)).toEqual(['content.published', 'content.withdrawn'])
    expect(eventsAt(patientBackend)[1].data).toMatchObject({ collection: 'notices', id: String(id), audience: 'patient' })
  })

  it('sends content.expired when the display window ends', async () => {
    const id = await publishedNotice()
    await runQueue(yixun.payload)
    await expireItem(await createLocalReq({}, yixun.payload), 'notices', id)
    await runQueue(yixun.payload)
    expect(eventsAt(patientBackend).map((e) => e.type)).toEqual(['content.published', 'content.expired'])
    const [, expired] = await deliveriesOf(yixun.payload, 'notices', id)
    expect(expired).toMatchObject({ eventType: 'expired', status: 'succeeded' })
  })
})

describe('the outbox', () => {
  it('keeps no delivery and no job of a change that was rolled back', async () => {
    const before = (await deliveries(yixun.payload)).length
    const jobsBefore = (await webhookJobs(yixun.payload)).length
    const req = await createLocalReq({}, yixun.payload)
    await initTransaction(req)
    await announceLiveChange(req, { type: 'published', collection: 'notices', id: 999_999, audience: 'patient' })
    await killTransaction(req)
    expect(await deliveries(yixun.payload)).toHaveLength(before)
    expect(await webhookJobs(yixun.payload)).toHaveLength(jobsBefore)
  })

  it('is written only by Yixun itself', async () => {
    const token = await yixun.tokenFor('admin')
    const [delivery] = await deliveries(yixun.payload)
    expect((await yixun.rest.get('webhook-deliveries', { token })).status).toBe(200)
    expect((await yixun.rest.post('webhook-deliveries', { token, body: { eventId: 'evt_x', eventType: 'published', collectionSlug: 'notices', documentId: '1', body: '{}' } })).status).toBe(403)
    expect((await yixun.rest.patch(`webhook-deliveries/${delivery.id}`, { token, body: { status: 'succeeded' } })).status).toBe(403)
    expect((await yixun.rest.delete(`webhook-deliveries/${delivery.id}`, { token })).status).toBe(403)
    expect((await yixun.rest.patch(`webhook-deliveries/${delivery.id}`, { body: { status: 'succeeded' } })).status).toBe(401)
    expect((await yixun.rest.delete(`webhook-deliveries/${delivery.id}`)).status).toBe(401)
    for (const role of ['reviewer', 'editor', 'publicity', 'viewer'] as const) {
      expect((await yixun.rest.get('webhook-deliveries', { token: await yixun.tokenFor(role) })).status).toBe(403)
    }
    expect((await yixun.rest.get('webhook-deliveries')).status).toBe(401)
    // The schedule token stays inside.
    const listed = await (await yixun.rest.get(`webhook-deliveries/${delivery.id}`, { token })).json()
    expect(listed.eventId).toBe(delivery.eventId)
    expect(listed.scheduleToken).toBeUndefined()
  })
})
