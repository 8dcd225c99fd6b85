import type { Field } from 'payload'

import { validateAppLink, validateDepartmentsExist } from './validators'

export const AUDIENCES = ['patient', 'doctor', 'both'] as const
export type Audience = (typeof AUDIENCES)[number]

export const audienceField = (): Field => ({
  name: 'audience',
  type: 'select',
  required: true,
  defaultValue: 'patient',
  index: true,
  label: { zh: '受众', en: 'Audience' },
  options: [
    { value: 'patient', label: { zh: '患者端', en: 'Patient app' } },
    { value: 'doctor', label: { zh: '医生端', en: 'Doctor app' } },
    { value: 'both', label: { zh: '患者端和医生端', en: 'Both apps' } },
  ],
})

export const departmentsField = ({ required = false, description }: { required?: boolean; description?: { zh: string; en: string } } = {}): Field => ({
  name: 'departments',
  type: 'relationship',
  relationTo: 'departments',
  hasMany: true,
  required,
  index: true,
  label: { zh: '科室', en: 'Departments' },
  validate: validateDepartmentsExist as never,
  admin: description ? { description } : undefined,
})

export const appLinkField = (name: string, label: { zh: string; en: string }): Field => ({
  name,
  type: 'text',
  label,
  validate: validateAppLink as never,
  admin: { description: { zh: 'https:// 网页或 yixun:// 应用内页面', en: 'An https:// page or a yixun:// app route' } },
})
