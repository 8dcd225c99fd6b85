import type { Payload } from 'payload'

import { apiKeyHint, hashApiKey } from '@/apps/apiKeys'
import { setting } from '@/config/settings'

const DEMO_APPS = [
  { name: '患者端 App（演示）', feeds: ['patient'] as const, env: 'SEED_PATIENT_APP_KEY' as const },
  { name: '医生端 App（演示）', feeds: ['doctor'] as const, env: 'SEED_DOCTOR_APP_KEY' as const },
]

/**
 * The demo patient and doctor apps. With SEED_PATIENT_APP_KEY / SEED_DOCTOR_APP_KEY set, those are
 * their keys (so a developer's app keeps working across re-seeds); otherwise a new key is made
 * once, returned here to be printed, and never shown again.
 */
export async function seedApps(payload: Payload, env: NodeJS.ProcessEnv = process.env): Promise<Array<{ name: string; apiKey?: string }>> {
  const printed: Array<{ name: string; apiKey?: string }> = []
  for (const app of DEMO_APPS) {
    // A malformed preset stops the seed (StartupConfigError): stored, it could never authenticate.
    const preset = setting(app.env, env)
    const { docs } = await payload.find({ collection: 'app-clients', where: { name: { equals: app.name } }, limit: 1, depth: 0, overrideAccess: true })
    if (docs[0]) {
      if (preset && docs[0].apiKeyHash !== hashApiKey(preset)) {
        await payload.update({ collection: 'app-clients', id: docs[0].id, data: { apiKeyHash: hashApiKey(preset), apiKeyHint: apiKeyHint(preset), apiKeyIssuedAt: new Date().toISOString() } })
      }
      continue
    }
    const created = (await payload.create({
      collection: 'app-clients',
      data: { name: app.name, feeds: [...app.feeds], active: true },
      context: preset ? { presetApiKey: preset } : {},
    })) as { apiKey?: string }
    printed.push({ name: app.name, apiKey: preset ? undefined : created.apiKey })
  }
  return printed
}
