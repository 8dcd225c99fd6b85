import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { act, createAs, noticeData } from '../helpers/content'
import { createWebhookApp, deliveriesOf, runQueue, startReceiver, type TestReceiver } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

/**
 * A webhook URL must not make Yixun reach this machine, the hospital network or a cloud metadata
 * service (server-side request forgery), unless the operator names the target in
 * WEBHOOK_ALLOWED_HOSTS. The test receiver listens on 127.0.0.1, which the suite allows; each
 * test here says what the allow-list is.
 */
let yixun: TestYixun
let backend: TestReceiver

beforeAll(async () => {
  yixun = await startYixun()
  backend = await startReceiver()
})

afterEach(() => {
  vi.unstubAllEnvs()
  backend.received.length = 0
})

afterAll(async () => {
  await backend?.close()
  await yixun?.payload.destroy().catch(() => {})
})

const saveApp = async (webhookUrl: string) =>
  yixun.rest.post('app-clients', { token: await yixun.tokenFor('admin'), body: { name: `后台 ${webhookUrl}`, feeds: ['patient'], webhookUrl } })

async function publishNotice() {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
  await act(yixun, 'editor', 'notices', notice.id, 'submit')
  await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
  await runQueue(yixun.payload)
  return notice.id
}

describe('saving a webhook URL', () => {
  it.each([
    ['loopback', 'https://127.0.0.1/hooks'],
    ['loopback by name', 'https://localhost:8443/hooks'],
    ['IPv6 loopback', 'https://[::1]/hooks'],
    ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data/'],
    ['a private range', 'https://10.20.30.40/hooks'],
    ['IPv6 unique-local', 'https://[fd12:3456::1]/hooks'],
    ['an IPv4 address mapped into IPv6', 'https://[::ffff:192.168.1.10]/hooks'],
    ['the unspecified address', 'https://0.0.0.0/hooks'],
  ])('refuses %s without an allow-list, saying why and what to do', async (_what, url) => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '')
    const response = await saveApp(url)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/loopback, private or link-local address.*WEBHOOK_ALLOWED_HOSTS/)
  })

  it('refuses plain http unless the operator allows the host, and accepts an allowed internal receiver', async () => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '')
    expect((await saveApp(backend.url)).status).toBe(400)
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', 'apps.hospital.local, 127.0.0.0/8')
    expect((await saveApp(backend.url)).status).toBe(201)
  })

  it('refuses a user name or password in the URL', async () => {
    expect((await saveApp('https://user:secret@hooks.example.cn/yixun')).status).toBe(400)
  })
})

describe('delivering a webhook', () => {
  it('checks the address again when it sends: a receiver no longer allowed gets nothing, and the attempt says why', async () => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1,localhost')
    // By name: the check runs on the address the connection actually uses (DNS rebinding).
    const byName = await createWebhookApp(yixun.payload, { name: '内网后台（域名）', feeds: ['patient'], webhookUrl: backend.url.replace('127.0.0.1', 'localhost') })
    const byAddress = await createWebhookApp(yixun.payload, { name: '内网后台（地址）', feeds: ['patient'], webhookUrl: backend.url })

    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '')
    const id = await publishNotice()
    expect(backend.received).toHaveLength(0)
    const deliveries = await deliveriesOf(yixun.payload, 'notices', id)
    for (const app of [byName, byAddress]) {
      const delivery = deliveries.find((entry) => entry.client === app.id)!
      expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: null })
      expect(delivery.lastError).toMatch(/^WEBHOOK_TARGET_FORBIDDEN: .*127\.0\.0\.1.*WEBHOOK_ALLOWED_HOSTS/)
    }
  })

  it('reaches an allowed receiver, and keeps only the status code of a failed answer', async () => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1')
    const failing = await startReceiver()
    try {
      const app = await createWebhookApp(yixun.payload, { name: '内网后台（故障）', feeds: ['patient'], webhookUrl: failing.url })
      failing.answerWith(503)
      const id = await publishNotice()
      expect(failing.received).toHaveLength(1)
      const delivery = (await deliveriesOf(yixun.payload, 'notices', id)).find((entry) => entry.client === app.id)!
      expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 503, lastError: 'HTTP 503' })
      expect(JSON.stringify(delivery)).not.toContain('receiver failing on purpose')
    } finally {
      await failing.close()
    }
  })
})
