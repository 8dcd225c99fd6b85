import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { TRANSCODE_STATUS_LABELS, TRANSCODE_STATUSES } from '@/media/transcodeStatus'

const nobody = () => false

/**
 * What the media pipeline made of one uploaded source video: status, progress, outputs.
 *
 * Kept apart from `promo-videos` on purpose. A promo video is versioned content under review
 * (every save is a draft, an edit of judged content goes back to draft); progress written there
 * every two seconds would make hundreds of versions and trip the workflow. Here a record belongs
 * to one source file (video + filename): a new upload gets a new record and a new output folder,
 * so the live version keeps playing its own outputs while the edit is transcoded and reviewed.
 * Only the pipeline writes these (Local API); staff read them.
 */
export const VideoTranscodes: CollectionConfig<'video-transcodes'> = {
  slug: 'video-transcodes',
  labels: { singular: { zh: '视频转码', en: 'Video transcode' }, plural: { zh: '视频转码', en: 'Video transcodes' } },
  admin: {
    group: { zh: '素材', en: 'Assets' },
    useAsTitle: 'source',
    defaultColumns: ['source', 'video', 'status', 'progress', 'updatedAt'],
    description: { zh: '由系统维护，只读。', en: 'Kept by the system; read-only.' },
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'video', type: 'relationship', relationTo: 'promo-videos', required: true, index: true, label: { zh: '宣传视频', en: 'Promo video' } },
    { name: 'source', type: 'text', required: true, index: true, label: { zh: '源文件', en: 'Source file' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      label: { zh: '状态', en: 'Status' },
      options: TRANSCODE_STATUSES.map((value) => ({ value, label: TRANSCODE_STATUS_LABELS[value] })),
    },
    { name: 'progress', type: 'number', min: 0, max: 100, defaultValue: 0, label: { zh: '进度（%）', en: 'Progress (%)' } },
    {
      name: 'attempt',
      type: 'number',
      defaultValue: 1,
      label: { zh: '第几次', en: 'Attempt' },
      admin: { description: { zh: '重试或重启后恢复时加一；旧的运行见到新值即停止。', en: 'Raised by a retry or a recovery; an older run that sees it stops.' } },
    },
    {
      name: 'error',
      type: 'group',
      label: { zh: '失败原因', en: 'Failure' },
      fields: [
        { name: 'code', type: 'text' },
        { name: 'zh', type: 'textarea', label: '中文' },
        { name: 'en', type: 'textarea', label: 'English' },
        { name: 'detail', type: 'textarea', label: { zh: '技术细节', en: 'Technical detail' } },
      ],
    },
    { name: 'cancelRequested', type: 'checkbox', defaultValue: false, label: { zh: '已请求取消', en: 'Cancel requested' } },
    { name: 'job', type: 'text', label: { zh: '队列任务', en: 'Queue job' } },
    { name: 'worker', type: 'text', label: { zh: '执行进程', en: 'Worker' } },
    { name: 'heartbeatAt', type: 'date', label: { zh: '最近心跳', en: 'Last heartbeat' } },
    { name: 'startedAt', type: 'date', label: { zh: '开始时间', en: 'Started' } },
    { name: 'finishedAt', type: 'date', label: { zh: '完成时间', en: 'Finished' } },
    {
      name: 'output',
      type: 'group',
      label: { zh: '输出', en: 'Output' },
      fields: [
        { name: 'durationSeconds', type: 'number', label: { zh: '时长（秒）', en: 'Duration (s)' } },
        { name: 'width', type: 'number', label: { zh: '宽', en: 'Width' } },
        { name: 'height', type: 'number', label: { zh: '高', en: 'Height' } },
        { name: 'sizeBytes', type: 'number', label: { zh: '输出总大小（字节）', en: 'Size of all outputs (bytes)' } },
        { name: 'manifest', type: 'json', label: { zh: '文件清单', en: 'Manifest' } },
      ],
    },
  ],
}
