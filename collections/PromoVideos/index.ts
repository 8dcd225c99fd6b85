import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { audienceField, departmentsField } from '@/content/fields'
import { mediaDirs } from '@/media/mediaConfig'
import { serveUpload } from '@/media/serveUpload'
import { scheduleFields, workflowFields } from '@/workflow/fields'
import { publishable } from '@/workflow/publishable'

import { promoVideoEndpoints } from './endpoints'
import { checkVideoUpload } from './hooks/checkVideoUpload'
import { queueTranscodeOfUpload } from './hooks/queueTranscodeOfUpload'
import { recordSourceFacts } from './hooks/recordSourceFacts'
import { dropTranscodeRecords, removeTranscodeOutputs } from './hooks/removeTranscodes'

/**
 * 宣传视频: an uploaded video (MP4, MOV, M4V or WebM) that the media pipeline turns into what phones
 * play: a 720p MP4, HLS at 360p and 720p, and a poster. Its words (title, description, departments,
 * audience, tags) go through review like any content; it can be approved only once it is ready.
 * Pipeline state lives in `video-transcodes`, one record per uploaded source (see there why).
 */
export const PromoVideos: CollectionConfig<'promo-videos'> = publishable({
  slug: 'promo-videos',
  labels: { singular: { zh: '宣传视频', en: 'Promo video' }, plural: { zh: '宣传视频', en: 'Promo videos' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'transcodeStatus', 'audience', 'workflowState', 'publishAt', 'updatedAt'],
    group: { zh: '内容', en: 'Content' },
    listSearchableFields: ['title', 'description'],
    components: { beforeList: ['/src/media/admin/FfmpegNotice#FfmpegNotice'] },
  },
  // A copy would share no upload of its own (no transcode, no cover): upload the file again instead.
  disableDuplicate: true,
  access: {
    // Staff only; the source file is never served to the apps, they play the outputs (see endpoints).
    read: isStaff,
  },
  upload: {
    staticDir: mediaDirs().videoSources,
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/x-m4v', 'video/webm'],
    // The outputs are what the apps play; the source is only a download for staff.
    handlers: [serveUpload],
    displayPreview: false,
    focalPoint: false,
  },
  hooks: {
    beforeOperation: [checkVideoUpload],
    beforeChange: [recordSourceFacts],
    afterChange: [queueTranscodeOfUpload],
    beforeDelete: [dropTranscodeRecords],
    afterDelete: [removeTranscodeOutputs],
  },
  endpoints: promoVideoEndpoints,
  fields: [
    // Shown only while this server has no ffmpeg (the same notice as above the list).
    { name: 'ffmpegNotice', type: 'ui', admin: { components: { Field: '/src/media/admin/FfmpegNotice#FfmpegNotice' } } },
    { name: 'title', type: 'text', required: true, maxLength: 80, label: { zh: '标题', en: 'Title' } },
    { name: 'description', type: 'textarea', maxLength: 1000, label: { zh: '简介', en: 'Description' } },
    {
      type: 'row',
      fields: [
        audienceField(),
        {
          name: 'tags',
          type: 'text',
          hasMany: true,
          maxRows: 20,
          maxLength: 30,
          label: { zh: '标签', en: 'Tags' },
        },
      ],
    },
    departmentsField({ description: { zh: '留空表示面向全院。', en: 'Empty means the whole hospital.' } }),
    {
      name: 'transcodeStatus',
      type: 'ui',
      label: { zh: '转码状态', en: 'Transcoding' },
      admin: {
        position: 'sidebar',
        components: {
          Field: '/collections/PromoVideos/admin/TranscodeStatus#TranscodeStatusField',
          Cell: '/collections/PromoVideos/admin/TranscodeStatus#TranscodeStatusCell',
        },
      },
    },
    {
      name: 'source',
      type: 'group',
      label: { zh: '源视频', en: 'Source video' },
      admin: { position: 'sidebar', readOnly: true, description: { zh: '上传时由 ffprobe 读出。', en: 'Read by ffprobe at upload.' } },
      fields: [
        { name: 'durationSeconds', type: 'number', label: { zh: '时长（秒）', en: 'Duration (s)' }, admin: { readOnly: true } },
        {
          type: 'row',
          fields: [
            { name: 'width', type: 'number', label: { zh: '宽', en: 'Width' }, admin: { readOnly: true } },
            { name: 'height', type: 'number', label: { zh: '高', en: 'Height' }, admin: { readOnly: true } },
          ],
        },
      ],
    },
    ...scheduleFields({ publishLabel: { zh: '上线时间', en: 'Goes live' }, expireLabel: { zh: '下线时间', en: 'Goes offline' } }),
    ...workflowFields(),
  ],
})
