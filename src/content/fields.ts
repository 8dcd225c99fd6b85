import type { Field } from 'payload'
import { richText } from 'payload/shared'

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

/** Serialized size of a rich text (characters of Lexical JSON): a long article with formatting is ~30,000. */
export const MAX_RICH_TEXT_CHARS = 100_000
/** Nesting of a rich text's nodes: lists in lists in quotes stay well below this. */
export const MAX_RICH_TEXT_DEPTH = 30

/** How deeply a JSON value nests, counted without recursion (a hostile value may nest thousands of levels). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (!current || typeof current !== 'object') continue
    if (depth > deepest) deepest = depth
    if (deepest > stopAt) return deepest
    for (const child of Object.values(current)) if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return deepest
}

/** A Lexical rich text with bounded size and nesting, then Lexical's own checks. */
export const boundedRichTextField = (name: string, label: { zh: string; en: string }): Field => ({
  name,
  type: 'richText',
  label,
  validate: (async (value: unknown, options: Parameters<typeof richText>[1]) => {
    if (value && typeof value === 'object') {
      if (jsonDepth(value, MAX_RICH_TEXT_DEPTH) > MAX_RICH_TEXT_DEPTH) return `正文嵌套过深（最多 ${MAX_RICH_TEXT_DEPTH} 层） / The text nests too deeply (at most ${MAX_RICH_TEXT_DEPTH} levels).`
      if (JSON.stringify(value).length > MAX_RICH_TEXT_CHARS) return `正文过长，请精简或分成多条（上限约 ${MAX_RICH_TEXT_CHARS / 1000}k 字符） / The text is too long; shorten it or split it (limit ~${MAX_RICH_TEXT_CHARS / 1000}k characters).`
    }
    return richText(value as never, options)
  }) as never,
})
