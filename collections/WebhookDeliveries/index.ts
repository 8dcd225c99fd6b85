import type { Access, CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'

import { redeliverEndpoint } from './redeliverEndpoint'

/** Only the webhook outbox writes here (Local API); through REST, GraphQL and the admin no one may. */
const nobody: Access = () => false

const readOnly = { readOnly: true } as const
const dateTime = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm:ss' } }

/**
 * The webhook outbox: one record per event per app, written in the same transaction as the change
 * it announces and before anything is sent; then the log of every attempt. Admins read it and can
 * send a delivery again (POST /api/webhook-deliveries/:id/redeliver).
 */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  labels: { singular: { zh: 'Webhook 推送', en: 'Webhook delivery' }, plural: { zh: 'Webhook 推送', en: 'Webhook deliveries' } },
  admin: {
    group: { zh: '系统', en: 'System' },
    useAsTitle: 'eventId',
    defaultColumns: ['createdAt', 'eventType', 'client', 'collectionSlug', 'documentId', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt'],
    listSearchableFields: ['eventId', 'documentId'],
    description: {
      zh: '发给各应用后端的签名通知及每次推送结果。失败后自动重试 24 小时；管理员可用 POST /api/webhook-deliveries/:id/redeliver 重新推送。',
      en: 'Signed notifications to the apps’ backends and the outcome of every attempt. Failures are retried for 24 hours; admins can send one again with POST /api/webhook-deliveries/:id/redeliver.',
    },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  disableDuplicate: true,
  lockDocuments: false,
  endpoints: [redeliverEndpoint],
  indexes: [{ fields: ['status', 'nextAttemptAt'] }],
  fields: [
    { name: 'eventId', type: 'text', required: true, index: true, label: { zh: '事件 ID', en: 'Event id' }, admin: { ...readOnly, description: { zh: '即 webhook-id 请求头，重试时不变。', en: 'Sent as the webhook-id header; the same on every retry.' } } },
    {
      name: 'eventType',
      type: 'select',
      required: true,
      label: { zh: '事件', en: 'Event' },
      options: [
        { value: 'published', label: { zh: '已发布', en: 'Published' } },
        { value: 'updated', label: { zh: '已更新', en: 'Updated' } },
        { value: 'withdrawn', label: { zh: '已撤下', en: 'Withdrawn' } },
        { value: 'expired', label: { zh: '已过期', en: 'Expired' } },
      ],
      admin: readOnly,
    },
    { name: 'client', type: 'relationship', relationTo: 'app-clients', index: true, label: { zh: '应用', en: 'App' }, admin: readOnly },
    { name: 'collectionSlug', type: 'text', required: true, label: { zh: '内容类型', en: 'Collection' }, admin: readOnly },
    { name: 'documentId', type: 'text', required: true, index: true, label: { zh: '内容 ID', en: 'Item id' }, admin: readOnly },
    { name: 'documentVersion', type: 'text', label: { zh: '版本', en: 'Version' }, admin: readOnly },
    {
      // Text, not JSON: every attempt must send (and sign) exactly the same bytes, and a JSON
      // column (PostgreSQL jsonb) does not keep key order or spacing.
      name: 'body',
      type: 'code',
      required: true,
      label: { zh: '请求体', en: 'Body' },
      admin: { ...readOnly, language: 'json' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      label: { zh: '状态', en: 'Status' },
      options: [
        { value: 'pending', label: { zh: '待推送', en: 'Pending' } },
        { value: 'failed', label: { zh: '失败，等待重试', en: 'Failed, will retry' } },
        { value: 'succeeded', label: { zh: '已送达', en: 'Delivered' } },
        { value: 'dead', label: { zh: '已放弃', en: 'Gave up' } },
      ],
      admin: { ...readOnly, position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { zh: '已推送次数', en: 'Attempts' }, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'nextAttemptAt', type: 'date', label: { zh: '下次推送', en: 'Next attempt' }, admin: { ...dateTime, position: 'sidebar' } },
    { name: 'retryUntil', type: 'date', label: { zh: '重试截止', en: 'Retry until' }, admin: { ...dateTime, position: 'sidebar', description: { zh: '首次推送后 24 小时。', en: '24 hours after the first attempt.' } } },
    { name: 'deliveredAt', type: 'date', label: { zh: '送达时间', en: 'Delivered at' }, admin: { ...dateTime, position: 'sidebar' } },
    { name: 'lastAttemptAt', type: 'date', label: { zh: '最近推送', en: 'Last attempt' }, admin: dateTime },
    { name: 'lastStatusCode', type: 'number', label: { zh: '最近响应码', en: 'Last HTTP status' }, admin: readOnly },
    { name: 'lastDurationMs', type: 'number', label: { zh: '最近耗时（毫秒）', en: 'Last response time (ms)' }, admin: readOnly },
    { name: 'lastError', type: 'textarea', label: { zh: '最近错误', en: 'Last error' }, admin: readOnly },
    {
      name: 'attemptsLog',
      type: 'array',
      label: { zh: '推送记录（最近 20 次）', en: 'Attempts (last 20)' },
      labels: { singular: { zh: '推送', en: 'Attempt' }, plural: { zh: '推送', en: 'Attempts' } },
      admin: readOnly,
      fields: [
        { name: 'at', type: 'date', required: true, label: { zh: '时间', en: 'At' }, admin: dateTime },
        { name: 'statusCode', type: 'number', label: { zh: '响应码', en: 'HTTP status' }, admin: { ...readOnly, description: { zh: '空表示没有响应。', en: 'Empty: no answer.' } } },
        { name: 'durationMs', type: 'number', label: { zh: '耗时（毫秒）', en: 'Response time (ms)' }, admin: readOnly },
        { name: 'error', type: 'text', label: { zh: '错误', en: 'Error' }, admin: readOnly },
      ],
    },
    // See src/webhooks/outbox.ts: names the one queued job allowed to make the next attempt.
    { name: 'scheduleToken', type: 'text', hidden: true },
  ],
}
