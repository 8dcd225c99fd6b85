import type { Payload } from 'payload'

import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_WINDOW } from '@/auth/signInLock'

import type { Problem } from './problems'

/** A sign-in lock on one account from one address (src/auth/signInLock.ts), with its unlock action. */
export type Lockout = Omit<Problem, 'kind' | 'collection'> & { kind: 'lockout'; collection: 'login-failures'; ip: string; lockedUntil: string }

/** Failed attempts read per load; a lock needs five, so this shows dozens of locks. */
const ROWS_READ = 1000

/** Account/address pairs locked now, latest first. `id` is the latest attempt's; unlocking it unlocks the pair. */
export async function currentLockouts(payload: Payload, now: Date = new Date()): Promise<Lockout[]> {
  const { docs } = await payload.find({
    collection: 'login-failures',
    where: { createdAt: { greater_than: new Date(now.getTime() - SIGN_IN_LOCK_WINDOW).toISOString() } },
    sort: '-createdAt',
    limit: ROWS_READ,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const byKey = new Map<string, typeof docs>()
  for (const row of docs) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row])
  return [...byKey.values()]
    .filter((rows) => rows.length >= MAX_FAILED_SIGN_INS)
    .map((rows): Lockout => {
      const [latest, ...older] = rows
      // Locked until fewer than five attempts remain in the window: when the fifth latest leaves it.
      const fifthLatest = rows[MAX_FAILED_SIGN_INS - 1]
      return {
        kind: 'lockout',
        collection: 'login-failures',
        id: latest.id,
        title: latest.email,
        ip: latest.ip,
        reason: {
          zh: `来自 ${latest.ip} 的登录连续失败 ${older.length + 1} 次，该地址暂时无法登录此账号（其他地址不受影响）。`,
          en: `${older.length + 1} failed sign-ins from ${latest.ip}: this account cannot sign in from that address for now (other addresses are not affected).`,
        },
        detail: `IP ${latest.ip}`,
        attempts: older.length + 1,
        at: latest.createdAt,
        lockedUntil: new Date(Date.parse(fifthLatest.createdAt) + SIGN_IN_LOCK_WINDOW).toISOString(),
        href: null,
        retry: { method: 'POST', url: `${payload.config.routes.api}/dashboard/lockouts/${encodeURIComponent(String(latest.id))}/unlock` },
      }
    })
}
