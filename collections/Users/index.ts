import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isStaff } from '@/access/isStaff'
import { rejectPrivilegeChange } from '@/access/rejectPrivilegeChange'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { databaseAwareJwt } from '@/auth/databaseAwareJwt'
import { ROLE_LABELS, ROLES } from '@/auth/roles'
import { sessionCookieSecure } from '@/auth/sessionCookie'
import { RESET_LINK_LIFETIME } from '@/mail/passwordResetMessage'

import { auditFailedLogin } from './hooks/auditFailedLogin'
import { auditRoleChange } from './hooks/auditRoleChange'
import { checkNewPassword } from './hooks/checkNewPassword'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { queuePasswordResetMail, takeResetMailOutOfOperation } from './hooks/queuePasswordResetMail'
import { rejectInvalidResetLink } from './hooks/rejectInvalidResetLink'
import { answerRefusedSignInAlike, checkSignIn, forgetFailuresOnSignIn } from './hooks/signInPolicy'
import { refuseMeDuringOutage } from './hooks/refuseMeDuringOutage'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: {
    singular: { zh: '员工账号', en: 'Staff account' },
    plural: { zh: '员工账号', en: 'Staff accounts' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'departments'],
    group: { zh: '系统', en: 'System' },
  },
  auth: {
    // Off: Payload locks the account for everyone, so five wrong passwords from a stranger would
    // lock its owner out. hooks/signInPolicy.ts locks per account and client address instead.
    maxLoginAttempts: 0,
    // A working day; staff sign in again the next morning.
    tokenExpiration: 12 * 60 * 60,
    cookies: { secure: sessionCookieSecure(), sameSite: 'Lax' },
    forgotPassword: {
      expiration: RESET_LINK_LIFETIME,
      // Payload's own throttle writes outside the operation's transaction, which on SQLite waits for
      // the writer lock the same request holds (hooks/queuePasswordResetMail.ts throttles instead).
      minRequestInterval: 0,
    },
    strategies: [databaseAwareJwt],
  },
  access: {
    // Colleagues' names appear as submitter and reviewer on every item.
    read: isStaff,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  // Accounts are made by an admin, so e-mail verification is off; Payload still routes
  // POST /api/users/verify/:token, whose query then fails on the missing token column (500).
  endpoints: [
    {
      path: '/verify/:token',
      method: 'post',
      handler: (req) =>
        Response.json(
          { errors: [{ code: 'NOT_FOUND', message: req.i18n?.language?.startsWith('en') ? 'Yixun does not verify e-mail addresses; an admin creates accounts.' : '医讯不使用邮箱验证，账号由系统管理员创建。' }] },
          { status: 404 },
        ),
    },
  ],
  hooks: {
    beforeOperation: [rejectPrivilegeChange, checkSignIn, takeResetMailOutOfOperation, rejectInvalidResetLink, checkNewPassword],
    afterOperation: [queuePasswordResetMail, forgetFailuresOnSignIn],
    beforeChange: [makeFirstUserAdmin],
    afterChange: [auditAfterChange, auditRoleChange],
    afterDelete: [auditAfterDelete],
    afterError: [auditFailedLogin, answerRefusedSignInAlike],
    afterMe: [refuseMeDuringOutage],
  },
  fields: [
    {
      // Never stored: checked by hooks/checkNewPassword.ts when someone changes their own password.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: { zh: '当前密码（修改自己的密码时必填）', en: 'Current password (needed to change your own)' },
      admin: {
        components: { Field: '/src/auth/admin/CurrentPasswordField#CurrentPasswordField' },
        condition: (data, _sibling, { user }) => Boolean(user && data?.id !== undefined && String(data.id) === String(user.id)),
      },
      // Never read back, not even to the person who typed it.
      hooks: { afterRead: [() => undefined] },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { zh: '姓名', en: 'Name' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      saveToJWT: true,
      label: { zh: '角色', en: 'Roles' },
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'departments',
      type: 'relationship',
      relationTo: 'departments',
      hasMany: true,
      label: { zh: '负责科室', en: 'Departments' },
      admin: {
        description: {
          zh: '编辑只能处理这些科室的内容；留空表示不限。',
          en: 'An editor may only work on content of these departments; empty means all.',
        },
      },
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
