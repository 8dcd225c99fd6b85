import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isStaff } from '@/access/isStaff'
import { rejectPrivilegeChange } from '@/access/rejectPrivilegeChange'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { ROLE_LABELS, ROLES } from '@/auth/roles'

import { auditFailedLogin } from './hooks/auditFailedLogin'
import { auditRoleChange } from './hooks/auditRoleChange'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

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
    // Five wrong passwords lock the account for fifteen minutes.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // A working day; staff sign in again the next morning.
    tokenExpiration: 12 * 60 * 60,
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
    beforeOperation: [rejectPrivilegeChange],
    beforeChange: [makeFirstUserAdmin],
    afterChange: [auditAfterChange, auditRoleChange],
    afterDelete: [auditAfterDelete],
    afterError: [auditFailedLogin],
  },
  fields: [
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
