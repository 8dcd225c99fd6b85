import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { appLinkField, audienceField, boundedRichTextField, departmentsField } from '@/content/fields'
import { scheduleFields, workflowFields } from '@/workflow/fields'
import { publishable } from '@/workflow/publishable'

/** Semantic app versions, e.g. 5.2 or 5.2.1. */
const APP_VERSION = /^\d+\.\d+(\.\d+)?$/

export const Notices: CollectionConfig<'notices'> = publishable({
  slug: 'notices',
  labels: { singular: { zh: '首页公告', en: 'Notice' }, plural: { zh: '首页公告', en: 'Notices' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'audience', 'placement', 'kind', 'workflowState', 'publishAt', 'expireAt'],
    group: { zh: '内容', en: 'Content' },
    listSearchableFields: ['title', 'summary'],
  },
  access: {
    read: isStaff,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, label: { zh: '标题', en: 'Title' } },
    { name: 'summary', type: 'textarea', maxLength: 300, label: { zh: '摘要', en: 'Summary' } },
    {
      type: 'row',
      fields: [
        audienceField(),
        {
          name: 'placement',
          type: 'select',
          required: true,
          defaultValue: 'list',
          index: true,
          label: { zh: '展示位置', en: 'Placement' },
          options: [
            { value: 'banner', label: { zh: '轮播横幅', en: 'Banner' } },
            { value: 'popup', label: { zh: '弹窗', en: 'Popup' } },
            { value: 'ticker', label: { zh: '滚动通知', en: 'Ticker' } },
            { value: 'list', label: { zh: '公告列表', en: 'List' } },
          ],
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'general',
          index: true,
          label: { zh: '类型', en: 'Kind' },
          options: [
            { value: 'feature_launch', label: { zh: '新功能上线', en: 'Feature launch' } },
            { value: 'activity', label: { zh: '活动', en: 'Activity' } },
            { value: 'clinic_suspension', label: { zh: '停诊通知', en: 'Clinic suspension' } },
            { value: 'service_change', label: { zh: '服务调整', en: 'Service change' } },
            { value: 'general', label: { zh: '一般公告', en: 'General' } },
          ],
        },
      ],
    },
    boundedRichTextField('body', { zh: '正文', en: 'Body' }),
    { name: 'image', type: 'upload', relationTo: 'media', label: { zh: '配图', en: 'Image' } },
    appLinkField('link', { zh: '跳转链接', en: 'Link' }),
    {
      type: 'row',
      fields: [
        { name: 'priority', type: 'number', min: 0, max: 100, defaultValue: 50, required: true, label: { zh: '优先级（0–100）', en: 'Priority (0–100)' } },
        { name: 'pinned', type: 'checkbox', defaultValue: false, label: { zh: '置顶', en: 'Pinned' } },
      ],
    },
    departmentsField({ description: { zh: '留空表示面向全院。', en: 'Empty means the whole hospital.' } }),
    {
      name: 'popupFrequency',
      type: 'select',
      defaultValue: 'once',
      label: { zh: '弹窗频率', en: 'Popup frequency' },
      options: [
        { value: 'once', label: { zh: '仅一次', en: 'Once' } },
        { value: 'daily', label: { zh: '每天一次', en: 'Once a day' } },
        { value: 'every_launch', label: { zh: '每次启动', en: 'Every launch' } },
      ],
      admin: { condition: (data) => data?.placement === 'popup' },
    },
    {
      type: 'row',
      admin: { condition: (data) => data?.kind === 'feature_launch' },
      fields: [
        {
          name: 'platforms',
          type: 'select',
          hasMany: true,
          label: { zh: '适用平台', en: 'Platforms' },
          options: [
            { value: 'ios', label: 'iOS' },
            { value: 'android', label: 'Android' },
            { value: 'mini_program', label: { zh: '小程序', en: 'Mini-program' } },
          ],
        },
        {
          name: 'minAppVersion',
          type: 'text',
          label: { zh: '最低 App 版本', en: 'Minimum app version' },
          validate: (value: string | null | undefined) =>
            !value || APP_VERSION.test(value) ? true : '版本号格式如 5.2 或 5.2.1 / Use a version like 5.2 or 5.2.1.',
        },
      ],
    },
    {
      name: 'sourceEvent',
      type: 'relationship',
      relationTo: 'free-clinic-events',
      label: { zh: '来源义诊活动', en: 'Announces event' },
      index: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.sourceEvent) },
    },
    ...scheduleFields({ publishLabel: { zh: '展示开始', en: 'Show from' }, expireLabel: { zh: '展示结束', en: 'Show until' } }),
    ...workflowFields(),
  ],
})
