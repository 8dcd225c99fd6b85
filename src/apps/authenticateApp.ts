import type { Payload } from 'payload'

import type { AppClient } from '@/payload-types'

import { bearerKey, hashApiKey } from './apiKeys'

export type Feed = 'patient' | 'doctor'

export type AppAuthResult =
  | { ok: true; client: Pick<AppClient, 'id' | 'name' | 'feeds'> }
  | { ok: false; status: 401 | 403; code: 'APP_KEY_MISSING' | 'APP_KEY_INVALID' | 'APP_KEY_REVOKED' | 'FEED_FORBIDDEN'; message: string }

/**
 * Who is calling, from `Authorization: Bearer yxk_…`: a missing, unknown or revoked key → 401;
 * a key for the other audience → 403. Apps never get a staff session; this is their only door.
 */
export async function authenticateApp(payload: Payload, authorization: string | null | undefined, feed?: Feed): Promise<AppAuthResult> {
  const key = bearerKey(authorization)
  if (!key) return { ok: false, status: 401, code: 'APP_KEY_MISSING', message: 'Send the app key as "Authorization: Bearer yxk_…".' }
  const { docs } = await payload.find({
    collection: 'app-clients',
    where: { apiKeyHash: { equals: hashApiKey(key) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { name: true, feeds: true, active: true },
  })
  const client = docs[0]
  if (!client) return { ok: false, status: 401, code: 'APP_KEY_INVALID', message: 'This app key is not known (it may have been rotated).' }
  if (!client.active) return { ok: false, status: 401, code: 'APP_KEY_REVOKED', message: 'This app key has been revoked.' }
  if (feed && !client.feeds?.includes(feed)) {
    return { ok: false, status: 403, code: 'FEED_FORBIDDEN', message: `This app may not read the ${feed} feed.` }
  }
  return { ok: true, client: { id: client.id, name: client.name, feeds: client.feeds } }
}
