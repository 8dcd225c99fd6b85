import type { CollectionConfig } from 'payload'
import { text } from 'payload/shared'

import { isStaff } from '@/access/isStaff'
import { appLinkField, audienceField, boundedRichTextField, departmentsField } from '@/content/fields'
import { endsAfterStart } from '@/content/validators'
import { scheduleFields, workflowFields } from '@/workflow/fields'
import { publishable } from '@/workflow/publishable'

import { defaultExpiryToLastSession } from './hooks/defaultExpiryToLastSession'

/** Sessions per event. */
export const MAX_SESSIONS = 60

const SHANGHAI = { defaultTimezone: 'Asia/Shanghai', supportedTimezones: [{ label: '北京时间 (Asia/Shanghai)', value: 'Asia/Shanghai' }] }
const dateTime = { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' }

/** 义诊: free clinics, on site or online, in one or more sessions. */
export const FreeClinicEvents: CollectionConfig<'free-clinic-events'> = publishable({
  slug: 'free-clinic-events',
  labels: { singular: { zh: '义诊活动', en: 'Free-clinic event' }, plural: { zh: '义诊活动', en: 'Free-clinic events' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'mode', 'audience', 'workflowState', 'publishAt', 'expireAt'],
    group: { zh: '内容', en: 'Content' },
  },
  access: {
    read: isStaff,
  },
  hooks: {
    beforeChange: [defaultExpiryToLastSession],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, label: { zh: '活动名称', en: 'Title' } },
    departmentsField({ required: true }),
    {
      type: 'row',
      fields: [
        audienceField(),
        {
          name: 'mode',
          type: 'select',
          required: true,
          defaultValue: 'onsite',
          label: { zh: '形式', en: 'Mode' },
          options: [
            { value: 'onsite', label: { zh: '现场', en: 'On site' } },
            { value: 'online', label: { zh: '线上', en: 'Online' } },
          ],
        },
      ],
    },
    {
      name: 'address',
      type: 'text',
      maxLength: 200,
      label: { zh: '地点', en: 'Address' },
      // A custom validate replaces Payload's own (and its maxLength check): call it too.
      validate: ((value: string | null | undefined, options: Parameters<typeof text>[1]) =>
        (options.siblingData as Record<string, unknown>)?.mode === 'onsite' && !value?.trim() ? '现场义诊须填写地点 / An on-site event needs an address.' : text(value, options)) as never,
      admin: { condition: (data) => data?.mode !== 'online' },
    },
    {
      name: 'sessions',
      type: 'array',
      required: true,
      minRows: 1,
      // A clinic day a week for a year; every session is a row to validate, store and put in the feed.
      maxRows: MAX_SESSIONS,
      label: { zh: '场次', en: 'Sessions' },
      labels: { singular: { zh: '场次', en: 'Session' }, plural: { zh: '场次', en: 'Sessions' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'startsAt', type: 'date', required: true, timezone: SHANGHAI, label: { zh: '开始', en: 'Starts' }, admin: { date: dateTime } },
            {
              name: 'endsAt',
              type: 'date',
              required: true,
              timezone: SHANGHAI,
              label: { zh: '结束', en: 'Ends' },
              admin: { date: dateTime },
              validate: endsAfterStart('startsAt', '场次结束时间必须晚于开始时间 / A session must end after it starts.') as never,
            },
            {
              name: 'quota',
              type: 'number',
              min: 0,
              required: true,
              defaultValue: 50,
              label: { zh: '名额', en: 'Quota' },
              validate: (value: number | null | undefined) =>
                value === null || value === undefined || (Number.isInteger(value) && value >= 0) ? true : '名额须为不小于 0 的整数 / The quota must be a whole number of 0 or more.',
            },
          ],
        },
      ],
    },
    {
      name: 'doctors',
      type: 'array',
      maxRows: 50,
      label: { zh: '出诊医生', en: 'Doctors' },
      labels: { singular: { zh: '医生', en: 'Doctor' }, plural: { zh: '医生', en: 'Doctors' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, maxLength: 40, label: { zh: '姓名', en: 'Name' } },
            { name: 'title', type: 'text', maxLength: 40, label: { zh: '职称', en: 'Title' } },
            { name: 'department', type: 'relationship', relationTo: 'departments', label: { zh: '科室', en: 'Department' } },
          ],
        },
      ],
    },
    appLinkField('registrationLink', { zh: '报名链接', en: 'Registration link' }),
    { name: 'poster', type: 'upload', relationTo: 'media', label: { zh: '海报', en: 'Poster' } },
    boundedRichTextField('description', { zh: '活动介绍', en: 'Description' }),
    {
      name: 'announceOnHomepage',
      type: 'checkbox',
      defaultValue: true,
      label: { zh: '在首页公告', en: 'Announce on the homepage' },
      admin: {
        position: 'sidebar',
        description: { zh: '批准后自动生成同受众的首页公告，展示到最后一场结束。', en: 'On approval, a homepage notice for the same audience is created and shown until the last session ends.' },
      },
    },
    {
      name: 'homepageNotices',
      type: 'join',
      collection: 'notices',
      on: 'sourceEvent',
      label: { zh: '首页公告', en: 'Homepage notice' },
      admin: { position: 'sidebar' },
    },
    ...scheduleFields({ publishLabel: { zh: '发布时间', en: 'Publish at' }, expireLabel: { zh: '下线时间', en: 'Take down at' } }),
    ...workflowFields(),
  ],
})
