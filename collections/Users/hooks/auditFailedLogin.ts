import { AuthenticationError, type CollectionAfterErrorHook, LockedAuth, UnverifiedEmail, ValidationError } from 'payload'

import { recordAuditOutsideTransaction } from '@/audit/recordAudit'

import type { RefusalReason } from './signInPolicy'

const MAX_EMAIL_LENGTH = 254

/** Why the sign-in failed, in words that do not depend on the caller's language. */
function reasonFor(error: Error, accountExists: boolean): string {
  // Set by checkSignIn, which refuses locked and unknown accounts with a plain AuthenticationError.
  const refusal = (error as { reason?: RefusalReason }).reason
  if (refusal) return refusal
  if (error instanceof LockedAuth || error.name === 'LockedAuth') return 'locked'
  if (error instanceof UnverifiedEmail || error.name === 'UnverifiedEmail') return 'unverified'
  if (error instanceof ValidationError || error.name === 'ValidationError') return 'incomplete'
  if (error instanceof AuthenticationError || error.name === 'AuthenticationError') return accountExists ? 'wrong_password' : 'unknown_account'
  return 'error'
}

export const isLoginRequest = (url: string | undefined, method: string | undefined) =>
  method?.toUpperCase() === 'POST' && Boolean(url) && new URL(url!, 'http://localhost').pathname.replace(/\/+$/, '').endsWith('/users/login')

/**
 * Payload has no hook for a failed sign-in, but every REST error (the admin's login form posts to
 * /api/users/login too) passes through the collection's afterError hooks in routeError. A failure
 * there writes `login_failed` with the email tried — never the password — and the account, when
 * one exists, as the document: the account is what was targeted, not who acted.
 *
 * Written outside the request's transaction: the request fails, and the entry must outlive it.
 * GraphQL's loginUser never reaches collection afterError hooks (only the config-level ones).
 */
export const auditFailedLogin: CollectionAfterErrorHook = async ({ error, req }) => {
  if (!isLoginRequest(req.url, req.method)) return
  try {
    const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase().trim().slice(0, MAX_EMAIL_LENGTH) : ''
    const account = email
      ? await req.payload.db.findOne<{ id: number | string; name?: string }>({ collection: 'users', where: { email: { equals: email } } })
      : null
    await recordAuditOutsideTransaction(req, {
      action: 'login_failed',
      collection: 'users',
      documentId: account?.id,
      documentTitle: account?.name,
      details: { email, reason: reasonFor(error, Boolean(account)) },
    })
  } catch (auditError) {
    // The caller must still get the real answer (401) even when the log cannot be written.
    req.payload.logger.error({ err: auditError }, 'could not record a failed sign-in')
  }
}
