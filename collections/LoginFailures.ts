import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'

/**
 * One row per sign-in attempt that has not (yet) succeeded, keyed by account and client address
 * (src/auth/signInLock.ts). Append-only, so attempts fired at once cannot overwrite each other's
 * count. A success or an admin's unlock removes the key's rows; rows older than a day are pruned.
 */
export const LoginFailures: CollectionConfig<'login-failures'> = {
  slug: 'login-failures',
  labels: { singular: { zh: '登录失败记录', en: 'Failed sign-in' }, plural: { zh: '登录失败记录', en: 'Failed sign-ins' } },
  admin: { group: { zh: '系统', en: 'System' }, useAsTitle: 'email', defaultColumns: ['email', 'ip', 'createdAt'], hidden: true },
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'email', type: 'text', required: true, label: { zh: '账号', en: 'Account' } },
    { name: 'ip', type: 'text', required: true, label: { zh: '来源地址', en: 'Address' } },
  ],
}
