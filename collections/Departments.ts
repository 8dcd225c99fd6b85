import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { refuseDeletingDepartmentInUse } from '@/workflow/hooks/refuseDeletingDepartmentInUse'

export const DEPARTMENT_CATEGORIES = ['clinical', 'medical_technical', 'nursing', 'administrative'] as const

/** Hospital codes are short upper-case identifiers, e.g. CARD, GI-ENDO. */
const DEPARTMENT_CODE = /^[A-Z][A-Z0-9-]{1,31}$/

export const Departments: CollectionConfig<'departments'> = {
  slug: 'departments',
  labels: {
    singular: { zh: '科室', en: 'Department' },
    plural: { zh: '科室', en: 'Departments' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'nameEn', 'category', 'active'],
    group: { zh: '系统', en: 'System' },
    listSearchableFields: ['code', 'name', 'nameEn'],
  },
  defaultSort: 'code',
  access: {
    read: isStaff,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [refuseDeletingDepartmentInUse],
    afterChange: [auditAfterChange],
    afterDelete: [auditAfterDelete],
  },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '科室代码', en: 'Code' },
      validate: (value: string | null | undefined) =>
        !value || DEPARTMENT_CODE.test(value)
          ? true
          : '科室代码须以大写字母开头，只含大写字母、数字和连字符（2–32 位）/ Code must start with a capital letter and use only A–Z, 0–9 and "-" (2–32 characters).',
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, label: { zh: '中文名称', en: 'Name (Chinese)' } },
        { name: 'nameEn', type: 'text', required: true, label: { zh: '英文名称', en: 'Name (English)' } },
      ],
    },
    {
      name: 'category',
      type: 'select',
      required: true,
      defaultValue: 'clinical',
      label: { zh: '类别', en: 'Category' },
      options: [
        { value: 'clinical', label: { zh: '临床科室', en: 'Clinical' } },
        { value: 'medical_technical', label: { zh: '医技科室', en: 'Medical-technical' } },
        { value: 'nursing', label: { zh: '护理单元', en: 'Nursing' } },
        { value: 'administrative', label: { zh: '行政职能', en: 'Administrative' } },
      ] satisfies { value: (typeof DEPARTMENT_CATEGORIES)[number]; label: object }[],
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { zh: '启用', en: 'Active' },
      admin: { description: { zh: '停用的科室不再出现在新内容的科室选择中。', en: 'Inactive departments are no longer offered for new content.' } },
    },
  ],
}
