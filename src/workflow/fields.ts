import type { Field } from 'payload'

import { endsAfterStart } from '@/content/validators'

import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from './states'

/** Only the workflow's own transitions (Local API with overrideAccess) write these. */
const systemOnly = { create: () => false, update: () => false }

const SHANGHAI = {
  defaultTimezone: 'Asia/Shanghai',
  supportedTimezones: [{ label: '北京时间 (Asia/Shanghai)', value: 'Asia/Shanghai' }],
}

const dateTime = { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' }

/** When the item goes live and when it leaves the apps; for notices this is the display window. */
export function scheduleFields({ publishLabel, expireLabel }: { publishLabel: { zh: string; en: string }; expireLabel: { zh: string; en: string } }): Field[] {
  return [
    {
      name: 'publishAt',
      type: 'date',
      label: publishLabel,
      index: true,
      timezone: SHANGHAI,
      admin: { position: 'sidebar', date: dateTime, description: { zh: '留空或已过的时间：批准后立即发布。', en: 'Empty or past: goes live as soon as it is approved.' } },
    },
    {
      name: 'expireAt',
      type: 'date',
      label: expireLabel,
      index: true,
      timezone: SHANGHAI,
      validate: endsAfterStart('publishAt', '结束时间必须晚于开始时间 / The end must be after the start.'),
      admin: { position: 'sidebar', date: dateTime },
    },
  ]
}

/**
 * Review bookkeeping, not content: a change to these alone is no edit anyone could lose (see
 * refuseStaleEdits), and nobody's save writes them.
 */
export const REVIEW_FIELD_NAMES = ['workflowState', 'createdBy', 'lastEditedBy', 'editorsSinceApproval', 'submittedBy', 'submittedAt', 'decidedBy', 'decidedAt', 'decisionComment', '_status']

/** Who did what in the review; shown in the sidebar, written only by the workflow. */
export function workflowFields(): Field[] {
  return [
    {
      name: 'workflowPanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/workflow/admin/WorkflowPanel#WorkflowPanel' } },
    },
    {
      name: 'workflowState',
      type: 'select',
      label: { zh: '审核状态', en: 'Review state' },
      options: WORKFLOW_STATES.map((value) => ({ value, label: WORKFLOW_STATE_LABELS[value] })),
      defaultValue: 'draft',
      required: true,
      index: true,
      access: systemOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      type: 'collapsible',
      label: { zh: '审核记录', en: 'Review record' },
      admin: { position: 'sidebar', initCollapsed: false },
      fields: [
        { name: 'createdBy', type: 'relationship', relationTo: 'users', label: { zh: '创建人', en: 'Created by' }, access: systemOnly, admin: { readOnly: true } },
        { name: 'lastEditedBy', type: 'relationship', relationTo: 'users', label: { zh: '最后编辑', en: 'Last edited by' }, access: systemOnly, admin: { readOnly: true } },
        // Four eyes: none of these may approve or reject what they helped write; cleared on approval.
        {
          name: 'editorsSinceApproval',
          type: 'relationship',
          relationTo: 'users',
          hasMany: true,
          label: { zh: '本轮编辑人（自上次批准起）', en: 'Edited since the last approval by' },
          access: systemOnly,
          admin: { readOnly: true },
        },
        { name: 'submittedBy', type: 'relationship', relationTo: 'users', label: { zh: '提交人', en: 'Submitted by' }, access: systemOnly, admin: { readOnly: true } },
        { name: 'submittedAt', type: 'date', label: { zh: '提交时间', en: 'Submitted at' }, access: systemOnly, admin: { readOnly: true, date: dateTime } },
        { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: { zh: '审核人', en: 'Decided by' }, access: systemOnly, admin: { readOnly: true } },
        { name: 'decidedAt', type: 'date', label: { zh: '审核时间', en: 'Decided at' }, access: systemOnly, admin: { readOnly: true, date: dateTime } },
        { name: 'decisionComment', type: 'textarea', label: { zh: '审核意见', en: 'Reviewer comment' }, access: systemOnly, admin: { readOnly: true } },
      ],
    },
  ]
}
