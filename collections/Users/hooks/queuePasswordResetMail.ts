import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { passwordResetMessage, RESET_LINK_LIFETIME, resetLink } from '@/mail/passwordResetMessage'
import type { User } from '@/payload-types'

/** One reset mail per account per minute (ms): a stranger cannot flood a colleague's inbox. */
export const RESET_MAIL_INTERVAL = 60 * 1000

type ResetState = { account: Pick<User, 'id' | 'email' | 'resetPasswordToken' | 'resetPasswordExpiration'>; throttled: boolean } | null

/** Per request, not in req.context: the operation's own payload.update replaces req.context. */
const pending = new WeakMap<object, ResetState>()

/**
 * Payload's forgot-password sends the mail itself, inside the operation's transaction, and reserves
 * the account with a write outside that transaction. On SQLite, where a transaction holds the one
 * writer from its start (src/db/sqliteTransactions.ts), that outside write waited for the lock its
 * own request held: 500 `database is locked` after the busy timeout, every other write stalled.
 * Users therefore turns Payload's reservation off (`minRequestInterval: 0`), and this hook takes
 * the mail out of the operation (`disableEmail`); `queuePasswordResetMail` queues it instead, in
 * the same transaction as the token, so the request never talks to the mail server.
 * A caller that passes `disableEmail` itself (it wants the token, e.g. a script) is left alone.
 */
export const takeResetMailOutOfOperation: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || args.disableEmail) return args
  const email = typeof args.data?.email === 'string' ? args.data.email.toLowerCase().trim() : ''
  const account = email ? await req.payload.db.findOne<User>({ collection: 'users', where: { email: { equals: email } }, req }) : null
  // When the current link was issued (Payload keeps only its expiry; a used link expires at once).
  const requestedAt = account?.resetPasswordExpiration ? Date.parse(account.resetPasswordExpiration) - RESET_LINK_LIFETIME : 0
  const state: ResetState = account ? { account, throttled: Date.now() - requestedAt < RESET_MAIL_INTERVAL } : null
  pending.set(req, state)
  return { ...args, disableEmail: true }
}

/**
 * Queues the reset mail (see takeResetMailOutOfOperation). Within a minute of the last mail the
 * account keeps its current token and gets no new mail: the link already sent must keep working.
 * The caller's answer is the same either way, and the same as for an unknown address.
 */
export const queuePasswordResetMail: CollectionAfterOperationHook<'users'> = async ({ operation, req, result }) => {
  if (operation !== 'forgotPassword') return result
  const state = pending.get(req)
  pending.delete(req)
  if (!state || typeof result !== 'string') return result
  const { account, throttled } = state
  if (throttled) {
    await req.payload.db.updateOne({
      collection: 'users',
      id: account.id,
      data: { resetPasswordToken: account.resetPasswordToken ?? null, resetPasswordExpiration: account.resetPasswordExpiration ?? null },
      req,
      returning: false,
    })
    return account.resetPasswordToken ?? null
  }
  const message = passwordResetMessage(resetLink(req.payload.config.serverURL, result))
  await req.payload.jobs.queue({ task: 'sendMail', input: { to: account.email, ...message }, req })
  return result
}
