import type { Payload } from 'payload'

import type { AppClient } from '@/payload-types'

import { bearerKey, hashApiKey } from './apiKeys'

export type Feed = 'patient' | 'doctor'

export type AppRefusal = { ok: false; status: 401 | 403; code: 'APP_KEY_MISSING' | 'APP_KEY_INVALID' | 'APP_KEY_REVOKED' | 'FEED_FORBIDDEN'; message: string }

export type AppAuthResult = { ok: true; client: Pick<AppClient, 'id' | 'name' | 'feeds'> } | AppRefusal

export const APP_KEY_MISSING: AppRefusal = { ok: false, status: 401, code: 'APP_KEY_MISSING', message: 'Send the app key as "Authorization: Bearer yxk_…".' }

/**
 * The rules for a client found by its key (or not found): unknown or revoked → 401; a key for
 * the other audience → 403. Shared by the REST endpoints and the in-memory feed server.
 */
export function refuseAppClient(client: { active?: boolean | null; feeds?: string[] | null } | undefined, feed?: Feed): AppRefusal | null {
  if (!client) return { ok: false, status: 401, code: 'APP_KEY_INVALID', message: 'This app key is not known (it may have been rotated).' }
  if (!client.active) return { ok: false, status: 401, code: 'APP_KEY_REVOKED', message: 'This app key has been revoked.' }
  if (feed && !client.feeds?.includes(feed)) return { ok: false, status: 403, code: 'FEED_FORBIDDEN', message: `This app may not read the ${feed} feed.` }
  return null
}

/**
 * Who is calling, from `Authorization: Bearer yxk_…`: a missing key → 401, then refuseAppClient's
 * rules. Apps never get a staff session; this is their only door.
 */
export async function authenticateApp(payload: Payload, authorization: string | null | undefined, feed?: Feed): Promise<AppAuthResult> {
  const key = bearerKey(authorization)
  if (!key) return APP_KEY_MISSING
  const { docs } = await payload.find({
    collection: 'app-clients',
    where: { apiKeyHash: { equals: hashApiKey(key) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { name: true, feeds: true, active: true },
  })
  const client = docs[0]
  const refusal = refuseAppClient(client, feed)
  if (refusal) return refusal
  return { ok: true, client: { id: client.id, name: client.name, feeds: client.feeds } }
}
