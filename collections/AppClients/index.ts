import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { AUDIENCES } from '@/content/fields'
import { webhookUrlProblem } from '@/webhooks/webhookTarget'

import { issueCredentials, revealNewCredentials } from './hooks/issueCredentials'
import { rotateCredentials } from './rotateCredentials'

const hidden = { read: () => false, create: () => false, update: () => false }

/** The apps that read Yixun's feeds: one record per app, with its key and webhook. Admins only. */
export const AppClients: CollectionConfig<'app-clients'> = {
  slug: 'app-clients',
  labels: { singular: { zh: '应用接入', en: 'App client' }, plural: { zh: '应用接入', en: 'App clients' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'feeds', 'active', 'apiKeyHint', 'webhookUrl'], group: { zh: '系统', en: 'System' } },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [issueCredentials], afterChange: [revealNewCredentials, auditAfterChange], afterDelete: [auditAfterDelete] },
  endpoints: rotateCredentials,
  fields: [
    { name: 'name', type: 'text', required: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'feeds',
      type: 'select',
      hasMany: true,
      required: true,
      label: { zh: '可读取的信息流', en: 'Feeds it may read' },
      options: AUDIENCES.filter((a) => a !== 'both').map((value) => ({ value, label: value === 'patient' ? { zh: '患者端', en: 'Patient feed' } : { zh: '医生端', en: 'Doctor feed' } })),
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { zh: '启用（取消即吊销密钥）', en: 'Active (untick to revoke its key)' },
    },
    { name: 'apiKeyHint', type: 'text', label: { zh: 'API 密钥', en: 'API key' }, access: { create: () => false, update: () => false }, admin: { readOnly: true, description: { zh: '密钥只在创建或轮换时显示一次。', en: 'The key is shown once, when created or rotated.' } } },
    { name: 'apiKeyIssuedAt', type: 'date', label: { zh: '密钥签发时间', en: 'Key issued at' }, access: { create: () => false, update: () => false }, admin: { readOnly: true } },
    { name: 'apiKeyHash', type: 'text', index: true, access: hidden, admin: { hidden: true } },
    {
      name: 'webhookUrl',
      type: 'text',
      label: { zh: 'Webhook 地址', en: 'Webhook URL' },
      validate: async (value: string | null | undefined, { req }: { req: { i18n?: { language?: string } } }) => {
        const problem = value ? await webhookUrlProblem(value) : null
        if (!problem) return true
        return req.i18n?.language?.startsWith('en') ? problem.en : problem.zh
      },
    },
    { name: 'webhookSecret', type: 'text', access: hidden, admin: { hidden: true } },
  ],
}
