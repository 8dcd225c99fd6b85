import type { CollectionConfig } from 'payload'

import { canCreateContent } from '@/access/canWriteContent'
import { isAdmin } from '@/access/isAdmin'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { imageInPublishedContentOrStaff } from '@/media/access/imageInPublishedContentOrStaff'
import { checkImageUpload } from '@/media/checkImageUpload'
import { mediaDirs } from '@/media/mediaConfig'
import { refuseChangeOfReviewedImage } from '@/media/reviewedImages'
import { serveUpload } from '@/media/serveUpload'

const webp = { format: 'webp' as const, options: { quality: 80 } }

/**
 * Images for notices, events and posters. Judged by content (SVG, non-images and oversized
 * pictures refused), turned upright and stripped of metadata before storing; sharp makes the
 * thumbnail, card and hero sizes, each also as WebP. Files reach the apps only while published
 * content shows them, and an image that live or reviewed content shows cannot change (see reviewedImages.ts).
 */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: { zh: '图片', en: 'Image' }, plural: { zh: '图片', en: 'Images' } },
  admin: { group: { zh: '素材', en: 'Assets' }, useAsTitle: 'alt' },
  access: { read: imageInPublishedContentOrStaff, create: canCreateContent, update: canCreateContent, delete: isAdmin },
  hooks: { beforeOperation: [refuseChangeOfReviewedImage, checkImageUpload], afterChange: [auditAfterChange], afterDelete: [auditAfterDelete] },
  upload: {
    staticDir: mediaDirs().images,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    imageSizes: [
      { name: 'thumbnail', width: 320 },
      { name: 'card', width: 750 },
      { name: 'hero', width: 1500 },
      { name: 'thumbnailWebp', width: 320, formatOptions: webp },
      { name: 'cardWebp', width: 750, formatOptions: webp },
      { name: 'heroWebp', width: 1500, formatOptions: webp },
    ],
    adminThumbnail: 'thumbnail',
    handlers: [serveUpload],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: { zh: '替代文字', en: 'Alt text' },
      validate: (value: string | null | undefined) =>
        value?.trim() ? true : '请填写图片的替代文字（读屏软件会朗读） / Describe the image: screen readers read this aloud.',
      admin: { description: { zh: '读屏软件为视障患者朗读的描述。', en: 'Read aloud to patients who use a screen reader.' } },
    },
  ],
}
