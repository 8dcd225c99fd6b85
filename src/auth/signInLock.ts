import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { CLIENT_IP_HEADER } from '@/audit/recordAudit'

/** Attempts without success, per account and client address, that lock that pair. */
export const MAX_FAILED_SIGN_INS = 5
/** How far back failed attempts count, and so how long a lock lasts (ms). */
export const SIGN_IN_LOCK_WINDOW = 15 * 60 * 1000
/** Failed attempts older than this are deleted (ms); the audit log keeps the history. */
const KEEP_FAILURES = 24 * 60 * 60 * 1000

/*
 * Why account AND address, not the account alone (Payload's own lock, now off): with a per-account
 * lock, five wrong passwords from anywhere lock the real person out, so any stranger could keep the
 * admin out of Yixun. Keyed by address too, a guesser is stopped after five tries while the owner,
 * signing in from their own desk, is not affected. A guesser with many addresses gets five tries
 * per address per window; the password rules (src/auth/passwordStrength.ts) make that useless.
 */

export const signInKey = (email: string, ip: string) => `${email}|${ip}`

/** The caller's address as src/server.ts established it (see TRUST_PROXY_HOPS in the README). */
export const clientAddress = (req: Pick<PayloadRequest, 'headers'>) => req.headers?.get(CLIENT_IP_HEADER)?.trim() || 'unknown'

const since = (ms: number) => new Date(Date.now() - ms).toISOString()

async function recentFailures(payload: Payload, key: string): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'login-failures',
    where: { and: [{ key: { equals: key } }, { createdAt: { greater_than: since(SIGN_IN_LOCK_WINDOW) } }] },
    overrideAccess: true,
  })
  return totalDocs
}

/**
 * Counts this attempt as failed until it succeeds (then `forgetFailedSignIns` removes the key's
 * rows). Counting first, before the password is checked, holds for every way in (REST, GraphQL,
 * Local API) and for attempts fired at once: each sees at least the rows committed before its own,
 * so at most MAX_FAILED_SIGN_INS of them are admitted. Returns false when the pair is locked.
 */
export async function admitSignIn(payload: Payload, email: string, ip: string, caller?: PayloadRequest): Promise<boolean> {
  const key = signInKey(email, ip)
  if ((await recentFailures(payload, key)) >= MAX_FAILED_SIGN_INS) return false
  // A transaction of its own: on SQLite a write outside one would wait for any other open
  // transaction's writer lock (src/db/sqliteTransactions.ts). When the sign-in runs inside a
  // caller's transaction (first-register signs the new admin in), write in that one: a second
  // transaction would queue behind the caller's and wait for it forever.
  const req = caller?.transactionID ? caller : await createLocalReq({}, payload)
  const ownTransaction = req === caller ? false : await initTransaction(req)
  try {
    await payload.db.deleteMany({ collection: 'login-failures', where: { createdAt: { less_than: since(KEEP_FAILURES) } }, req })
    await payload.create({ collection: 'login-failures', data: { key, email, ip }, req, overrideAccess: true, depth: 0, select: { key: true } })
    if (ownTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
  return (await recentFailures(payload, key)) <= MAX_FAILED_SIGN_INS
}

/** After a success (in the sign-in's transaction) or an admin's unlock. */
export async function forgetFailedSignIns(payload: Payload, key: string, req?: PayloadRequest): Promise<void> {
  await payload.delete({ collection: 'login-failures', where: { key: { equals: key } }, req, overrideAccess: true, depth: 0, select: { key: true } })
}

// Payload 3.90's password hashes (auth/strategies/local/generatePasswordSaltHash): the current
// `pbkdf2-sha256-v1:` form and the legacy one older accounts still carry until their next sign-in.
const CURRENT_HASH = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32 }
const LEGACY_HASH = { iterations: 25_000, keyLength: 512 }

/** Checks a password against an account's stored hash and salt, as Payload's sign-in does. */
export async function isAccountPassword(account: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  const { hash, salt } = account
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const current = hash.startsWith(CURRENT_HASH.prefix)
  const stored = Buffer.from(current ? hash.slice(CURRENT_HASH.prefix.length) : hash, 'hex')
  const { iterations, keyLength } = current ? CURRENT_HASH : LEGACY_HASH
  const computed = await new Promise<Buffer>((resolve, reject) => pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) => (error ? reject(error) : resolve(key))))
  return computed.length === stored.length && timingSafeEqual(computed, stored)
}

/**
 * As long as checking a real password (Payload 3.90 hashes with PBKDF2-SHA256, 600,000 iterations,
 * 32 bytes): an unknown or locked account must not answer faster than a wrong password.
 */
export function hashLikeAPassword(password: string): Promise<void> {
  return new Promise((resolve) => pbkdf2(password, randomBytes(32).toString('hex'), CURRENT_HASH.iterations, CURRENT_HASH.keyLength, 'sha256', () => resolve()))
}
