import type { CollectionBeforeOperationHook } from 'payload'

import { isStrongPassword, WEAK_PASSWORD_MESSAGES } from '@/auth/passwordStrength'
import { isAccountPassword } from '@/auth/signInLock'
import { YixunError } from '@/errors'
import type { User } from '@/payload-types'

/**
 * Every way a password is set (an admin creating or editing an account, one's own change, the
 * reset link) passes the strength rules. Changing one's own password also needs the current one:
 * a session left open on a ward computer must not be enough to take the account over. Payload
 * then ends the account's other sessions (its update keeps only the session that made the change;
 * an admin's change of someone else's password, and a reset, end them all).
 */
export const checkNewPassword: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args.data ?? {}) as Record<string, unknown>
  const { password } = data
  if (typeof password !== 'string' || password === '') return args
  const language = req.i18n?.language
  const id = 'id' in args ? (args.id as number | string | undefined) : undefined

  const account =
    operation === 'resetPassword'
      ? await req.payload.db.findOne<User>({ collection: 'users', where: { resetPasswordToken: { equals: String(data.token ?? '') } }, req })
      : id !== undefined
        ? await req.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: id } }, req })
        : null
  const personal = [data.email, data.name, account?.email, account?.name].map((value) => (typeof value === 'string' ? value : undefined))
  if (!isStrongPassword(password, personal)) throw new YixunError('WEAK_PASSWORD', 400, WEAK_PASSWORD_MESSAGES, language, 'password')

  const ownChange = operation === 'update' && !args.overrideAccess && req.user?.collection === 'users' && (id === undefined || String(id) === String(req.user.id))
  if (ownChange) {
    const current = typeof data.currentPassword === 'string' ? data.currentPassword : ''
    const self = await req.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: req.user!.id } }, req })
    if (!current || !self || !(await isAccountPassword(self, current))) {
      throw new YixunError(
        'CURRENT_PASSWORD_REQUIRED',
        400,
        {
          zh: '修改自己的密码需要填写当前密码，且当前密码必须正确。',
          en: 'To change your own password, enter your current password correctly.',
        },
        language,
        'currentPassword',
      )
    }
  }
  return args
}
