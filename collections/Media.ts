import type { CollectionConfig } from 'payload'

import { canCreateContent } from '@/access/canWriteContent'
import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'

/**
 * Images for notices, events and posters. Sizes are made by sharp.
 * (The media issue hardens this: type by content, SVG refused, metadata stripped, WebP sizes.)
 */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: { zh: '图片', en: 'Image' }, plural: { zh: '图片', en: 'Images' } },
  admin: { group: { zh: '素材', en: 'Assets' }, useAsTitle: 'alt' },
  access: { read: isStaff, create: canCreateContent, update: canCreateContent, delete: isAdmin },
  hooks: { afterChange: [auditAfterChange], afterDelete: [auditAfterDelete] },
  upload: {
    staticDir: 'media/images',
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    imageSizes: [
      { name: 'thumbnail', width: 320 },
      { name: 'card', width: 750 },
      { name: 'hero', width: 1500 },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: { zh: '替代文字', en: 'Alt text' },
      admin: { description: { zh: '读屏软件为视障患者朗读的描述。', en: 'Read aloud to patients who use a screen reader.' } },
    },
  ],
}
