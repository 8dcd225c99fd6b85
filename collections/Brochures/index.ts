import type { CollectionConfig } from 'payload'

import { audienceField, departmentsField } from '@/content/fields'
import { publishedFileOrStaff } from '@/media/access/publishedFileOrStaff'
import { COVER_SIZES } from '@/media/brochureCover'
import { mediaDirs } from '@/media/mediaConfig'
import { serveUpload } from '@/media/serveUpload'
import { scheduleFields, workflowFields } from '@/workflow/fields'
import { publishable } from '@/workflow/publishable'

import { checkPdfUpload } from './hooks/checkPdfUpload'
import { renderCover } from './hooks/renderCover'
import { writeCover } from './hooks/writeCover'

/**
 * 宣传册: a PDF (decided by its content) with its page count and a cover made from page 1 in
 * responsive sizes. The cover sizes are the upload's `sizes` (rendered by Yixun, not by Payload,
 * which only resizes images), so they share the PDF's access and are deleted with it.
 */
export const Brochures: CollectionConfig<'brochures'> = publishable({
  slug: 'brochures',
  labels: { singular: { zh: '宣传册', en: 'Brochure' }, plural: { zh: '宣传册', en: 'Brochures' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'pageCount', 'audience', 'workflowState', 'publishAt', 'updatedAt'],
    group: { zh: '内容', en: 'Content' },
    listSearchableFields: ['title', 'description'],
  },
  // A copy would share no upload of its own (no transcode, no cover): upload the file again instead.
  disableDuplicate: true,
  access: {
    read: publishedFileOrStaff,
  },
  upload: {
    staticDir: mediaDirs().brochures,
    // The image types are the covers' (Payload checks each size's type against this list); an upload
    // itself must be a PDF by content (checkPdfUpload refuses anything else first).
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/webp'],
    // Sizes are declared so Payload stores, serves and deletes the covers; it does not make them for PDFs.
    imageSizes: COVER_SIZES.flatMap(({ name, width }) => [
      { name, width },
      { name: `${name}Webp`, width, formatOptions: { format: 'webp' as const } },
    ]),
    adminThumbnail: 'thumbnail',
    handlers: [serveUpload],
    focalPoint: false,
  },
  hooks: {
    beforeOperation: [checkPdfUpload],
    beforeChange: [renderCover],
    afterChange: [writeCover],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, label: { zh: '标题', en: 'Title' } },
    { name: 'description', type: 'textarea', maxLength: 1000, label: { zh: '简介', en: 'Description' } },
    audienceField(),
    departmentsField({ description: { zh: '留空表示面向全院。', en: 'Empty means the whole hospital.' } }),
    {
      name: 'pageCount',
      type: 'number',
      label: { zh: '页数', en: 'Pages' },
      admin: { position: 'sidebar', readOnly: true, description: { zh: '上传时读出。', en: 'Read at upload.' } },
    },
    ...scheduleFields({ publishLabel: { zh: '上线时间', en: 'Goes live' }, expireLabel: { zh: '下线时间', en: 'Goes offline' } }),
    ...workflowFields(),
  ],
})
