import type { Payload } from 'payload'

import { forgetFailedSignIns } from '@/auth/signInLock'
import type { LoginFailure } from '@/payload-types'

/** Lifts the lock of the account/address pair a failed attempt belongs to; null when there is none. */
export async function unlockSignIn(payload: Payload, attemptId: number | string): Promise<Pick<LoginFailure, 'email' | 'ip'> | null> {
  const attempt = await payload.findByID({ collection: 'login-failures', id: attemptId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!attempt) return null
  await forgetFailedSignIns(payload, attempt.key)
  return { email: attempt.email, ip: attempt.ip }
}
