import { AuthenticationError, type CollectionAfterErrorHook, type CollectionAfterOperationHook, type CollectionBeforeOperationHook } from 'payload'

import { admitSignIn, clientAddress, forgetFailedSignIns, hashLikeAPassword, signInKey } from '@/auth/signInLock'

import { isLoginRequest } from './auditFailedLogin'

/** Why a sign-in was refused, for the audit log only; the caller always gets the same answer. */
export type RefusalReason = 'locked' | 'unknown_account'

const emailOf = (data: unknown) => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email.toLowerCase().trim() : ''
}

/**
 * Before Payload checks the password: refuse a locked account/address pair, and an unknown email,
 * exactly as a wrong password is refused (same error, one password hash of work), so neither the
 * answer nor its timing tells a stranger which emails have accounts or which are locked.
 */
export const checkSignIn: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = emailOf(args.data)
  const password = (args.data as { password?: unknown }).password
  // Missing fields: Payload's own validation answers 400 and says which.
  if (!email || typeof password !== 'string' || password.trim() === '') return args

  const admitted = await admitSignIn(req.payload, email, clientAddress(req), req)
  const account = admitted ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req }) : null
  if (account) return args
  await hashLikeAPassword(password)
  const reason: RefusalReason = admitted ? 'unknown_account' : 'locked'
  throw Object.assign(new AuthenticationError(req.t), { reason })
}

/** A success clears the failed attempts of that account from that address. */
export const forgetFailuresOnSignIn: CollectionAfterOperationHook<'users'> = async ({ args, operation, req, result }) => {
  if (operation !== 'login') return result
  await forgetFailedSignIns(req.payload, signInKey(emailOf(args.data), clientAddress(req)), req)
  return result
}

/** One answer for every refused sign-in over REST: 401 `INVALID_CREDENTIALS`. */
export const answerRefusedSignInAlike: CollectionAfterErrorHook = ({ error, req }) => {
  if (!isLoginRequest(req.url, req.method) || !(error instanceof AuthenticationError || error.name === 'AuthenticationError')) return
  const english = req.i18n?.language?.startsWith('en')
  return {
    status: 401,
    response: {
      errors: [
        {
          code: 'INVALID_CREDENTIALS',
          message: english
            ? 'Wrong email or password. After five failed attempts, sign-in from this address waits 15 minutes; an administrator can lift that earlier.'
            : '邮箱或密码不正确。连续失败 5 次后，此地址需等待 15 分钟才能再次登录；管理员可提前解除。',
        },
      ],
    },
  }
}
