import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashApiKey } from '@/apps/apiKeys'
import type { Role } from '@/auth/roles'
import { seedApps } from '@/seed/apps'

import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const storedHash = async (id: number | string) => (await yixun.payload.findByID({ collection: 'app-clients', id, overrideAccess: true, showHiddenFields: true })).apiKeyHash

describe('app clients', () => {
  it.each(['reviewer', 'editor', 'publicity', 'viewer'] as Role[])('are out of reach for %s', async (role) => {
    const token = await yixun.tokenFor(role)
    expect((await yixun.rest.get('app-clients', { token })).status).toBe(403)
    expect((await yixun.rest.post('app-clients', { token, body: { name: 'x', feeds: ['patient'] } })).status).toBe(403)
  })

  it('show a new key once, at creation, and keep only its hash', async () => {
    const token = await yixun.tokenFor('admin')
    const response = await yixun.rest.post('app-clients', { token, body: { name: '自助机', feeds: ['patient'], webhookUrl: 'https://kiosk.hospital.example.cn/hooks/yixun' } })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.apiKey).toMatch(/^yxk_[A-Za-z0-9_-]{43}$/)
    expect(doc.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(await storedHash(doc.id)).toBe(hashApiKey(doc.apiKey))

    const read = await (await yixun.rest.get(`app-clients/${doc.id}`, { token })).json()
    expect(read.apiKey).toBeUndefined()
    expect(read.apiKeyHash).toBeUndefined()
    expect(read.webhookSecret).toBeUndefined()
    expect(read.apiKeyHint).toBe(`${doc.apiKey.slice(0, 10)}…`)
  })

  it('rotate a key: the old one stops matching, the new one is shown once', async () => {
    const token = await yixun.tokenFor('admin')
    const { doc } = await (await yixun.rest.post('app-clients', { token, body: { name: '旧版 App', feeds: ['doctor'] } })).json()
    const rotated = await yixun.rest.post(`app-clients/${doc.id}/rotate-key`, { token })
    expect(rotated.status).toBe(200)
    const { apiKey } = await rotated.json()
    expect(apiKey).not.toBe(doc.apiKey)
    expect(await storedHash(doc.id)).toBe(hashApiKey(apiKey))
    expect((await yixun.rest.post(`app-clients/${doc.id}/rotate-key`, { token: await yixun.tokenFor('reviewer') })).status).toBe(403)
    expect((await yixun.rest.post(`app-clients/${doc.id}/rotate-key`)).status).toBe(401)
  })

  it('refuse a plain-http webhook outside this machine', async () => {
    const response = await yixun.rest.post('app-clients', { token: await yixun.tokenFor('admin'), body: { name: 'x', feeds: ['patient'], webhookUrl: 'http://apps.example.cn/hook' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/must use https/)
  })

  it('are seeded for the demo with the keys from the environment', async () => {
    const patientKey = 'yxk_demo-patient-key-0123456789abcdef0123456789'
    const printed = await seedApps(yixun.payload, { SEED_PATIENT_APP_KEY: patientKey } as never)
    expect(printed.find((app) => app.name.startsWith('患者端'))?.apiKey).toBeUndefined()
    expect(printed.find((app) => app.name.startsWith('医生端'))?.apiKey).toMatch(/^yxk_/)
    const { docs } = await yixun.payload.find({ collection: 'app-clients', where: { name: { equals: '患者端 App（演示）' } }, showHiddenFields: true })
    expect(docs[0].apiKeyHash).toBe(hashApiKey(patientKey))
    expect(await seedApps(yixun.payload, { SEED_PATIENT_APP_KEY: patientKey } as never)).toEqual([])
  })
})
