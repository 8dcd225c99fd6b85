import type { Access, CollectionConfig } from 'payload'

import { canReadAuditLog } from '@/access/canReadAuditLog'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '@/audit/auditActions'

/**
 * Entries are written only by recordAudit (Local API, overrideAccess). Through REST, GraphQL and
 * the admin no one — admin included — may add, change or remove one: the trail must be believable.
 */
const nobody: Access = () => false

/** Append-only record of every change and decision: who did what to which document, when and from where. */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  labels: {
    singular: { zh: '审计日志', en: 'Audit entry' },
    plural: { zh: '审计日志', en: 'Audit log' },
  },
  admin: {
    group: { zh: '系统', en: 'System' },
    defaultColumns: ['createdAt', 'actor', 'action', 'collectionSlug', 'documentTitle', 'fromState', 'toState', 'ip'],
    listSearchableFields: ['actorEmail', 'documentTitle', 'documentId', 'comment'],
    description: {
      zh: '所有新建、修改、删除、审核流转、发布、到期、登录失败和角色变更的记录。只读，任何人都不能修改或删除。',
      en: 'Every create, update, delete, workflow transition, publish, expiry, failed sign-in and role change. Read-only: no one can change or delete an entry.',
    },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    read: canReadAuditLog,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  // Nothing to duplicate, lock for editing or restore: entries are never edited.
  disableDuplicate: true,
  lockDocuments: false,
  timestamps: true,
  indexes: [{ fields: ['collectionSlug', 'documentId'] }],
  fields: [
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { zh: '操作人', en: 'Actor' },
      admin: { description: { zh: '留空表示系统（定时任务、后台作业）。', en: 'Empty means the system (scheduler, background jobs).' } },
    },
    {
      // Accounts can be deleted; the entry must still say who it was.
      name: 'actorEmail',
      type: 'text',
      index: true,
      label: { zh: '操作人邮箱', en: 'Actor email' },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { zh: '操作', en: 'Action' },
      options: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
    },
    {
      type: 'row',
      fields: [
        { name: 'collectionSlug', type: 'text', index: true, label: { zh: '集合', en: 'Collection' } },
        // Text: ids are numbers on SQL and strings on MongoDB.
        { name: 'documentId', type: 'text', index: true, label: { zh: '文档 ID', en: 'Document ID' } },
        { name: 'documentTitle', type: 'text', label: { zh: '文档标题', en: 'Document title' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'fromState', type: 'text', label: { zh: '原状态', en: 'From state' } },
        { name: 'toState', type: 'text', label: { zh: '新状态', en: 'To state' } },
      ],
    },
    { name: 'comment', type: 'textarea', label: { zh: '意见', en: 'Comment' } },
    {
      name: 'changedFields',
      type: 'json',
      label: { zh: '变更字段', en: 'Changed fields' },
      typescriptSchema: [() => ({ type: 'array', items: { type: 'string' } })],
      admin: { description: { zh: '发生变化的顶层字段名。', en: 'Names of the top-level fields that changed.' } },
    },
    { name: 'details', type: 'json', label: { zh: '详情', en: 'Details' } },
    {
      type: 'row',
      fields: [
        { name: 'ip', type: 'text', label: { zh: 'IP 地址', en: 'IP address' } },
        { name: 'userAgent', type: 'text', label: { zh: '客户端', en: 'User agent' } },
      ],
    },
  ],
}
