import { type CollectionBeforeOperationHook, type CollectionConfig, type FlattenedField, type PayloadRequest, ValidationError, type Where } from 'payload'

import { jsonDepth } from '@/content/fields'
import { removeTempFilesAfterUpload } from '@/media/uploadedFile'
import { YixunError } from '@/errors'

/** Longest value a query may compare with (characters); SQLite refuses LIKE patterns over 50,000 bytes with an error. */
export const MAX_QUERY_VALUE = 1000

/** Nesting of a request's data: Payload copies and walks it recursively, and a few thousand levels overflow the stack (500). */
export const MAX_DATA_DEPTH = 64

const COMPARISONS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in', 'all'])

const refuse = (req: PayloadRequest, code: string, status: number, zh: string, en: string) =>
  new YixunError(code, status, { zh, en }, req.i18n?.language ?? req.headers?.get('accept-language') ?? undefined)

/** The field at a dotted path (`sessions.startsAt`), or undefined when it is not a plain field path. */
function fieldAt(fields: FlattenedField[], path: string): FlattenedField | undefined {
  let current: FlattenedField | undefined
  let scope: FlattenedField[] | undefined = fields
  for (const part of path.split('.')) {
    current = scope?.find((field) => field.name === part)
    if (!current) return undefined
    scope = 'flattenedFields' in current ? (current.flattenedFields as FlattenedField[]) : undefined
  }
  return current
}

const isDate = (value: unknown) => value instanceof Date || ((typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime()))

/** Every wrong value of a where clause, checked before it reaches the database. */
function checkWhere(req: PayloadRequest, fields: FlattenedField[], where: Where, depth = 0): void {
  for (const [key, condition] of Object.entries(where ?? {})) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      for (const part of condition) checkWhere(req, fields, part as Where, depth + 1)
      continue
    }
    if (!condition || typeof condition !== 'object') continue
    const field = fieldAt(fields, key)
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      const values = Array.isArray(value) ? value : typeof value === 'string' && (operator === 'in' || operator === 'not_in') ? value.split(',') : [value]
      if (values.some((entry) => typeof entry === 'string' && entry.length > MAX_QUERY_VALUE)) {
        throw refuse(req, 'INVALID_QUERY', 400, `查询条件 ${key} 的值过长（最多 ${MAX_QUERY_VALUE} 个字符）。`, `The value compared with "${key}" is too long (at most ${MAX_QUERY_VALUE} characters).`)
      }
      if (field?.type === 'date' && COMPARISONS.has(operator) && values.some((entry) => entry !== null && entry !== undefined && entry !== '' && !isDate(entry))) {
        throw refuse(req, 'INVALID_QUERY', 400, `查询条件 ${key} 须为日期时间，如 2026-11-26T08:00:00Z。`, `"${key}" must be compared with a date, e.g. 2026-11-26T08:00:00Z.`)
      }
    }
  }
}

/** A top-level array (or hasMany) over its maxRows, refused before Payload validates, stores and versions every row. */
function checkRowCounts(req: PayloadRequest, collection: { slug: string; flattenedFields: FlattenedField[] }, data: Record<string, unknown>): void {
  for (const field of collection.flattenedFields) {
    const maxRows = 'maxRows' in field ? field.maxRows : undefined
    const value = data[field.name]
    if (typeof maxRows === 'number' && Array.isArray(value) && value.length > maxRows) {
      const english = req.i18n?.language?.startsWith('en')
      const message = english ? `At most ${maxRows} rows; ${value.length} were sent.` : `最多 ${maxRows} 行，收到 ${value.length} 行。`
      throw new ValidationError({ collection: collection.slug, errors: [{ message, path: field.name }] }, req.t)
    }
  }
}

/**
 * Bad ids, where clauses and data answer 4xx before any SQL or per-row work runs. On SQLite and
 * PostgreSQL ids are whole numbers: Payload's REST routes turn `/api/notices/abc` into NaN and
 * the query fails (500). Payload parses `where` leniently: an invalid date becomes `undefined`,
 * which SQLite refuses. A 10,000-row array was validated row by row (seconds) before maxRows said no.
 */
export const rejectMalformedInput: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, where, data } = args as { id?: unknown; where?: Where; data?: unknown }
  if (id !== undefined && id !== null && req.payload.db.defaultIDType === 'number') {
    const whole = typeof id === 'number' ? Number.isSafeInteger(id) && id >= 0 : typeof id === 'string' && /^\d{1,15}$/.test(id)
    if (!whole) throw refuse(req, 'NOT_FOUND', 404, '找不到该记录：编号须为整数。', 'Not found: ids are whole numbers.')
  }
  if (where && typeof where === 'object') checkWhere(req, collection.flattenedFields, where)
  if (data && typeof data === 'object') {
    if (jsonDepth(data, MAX_DATA_DEPTH) > MAX_DATA_DEPTH) throw refuse(req, 'DATA_TOO_DEEP', 400, `数据嵌套过深（最多 ${MAX_DATA_DEPTH} 层）。`, `The data nests too deeply (at most ${MAX_DATA_DEPTH} levels).`)
    if (!Array.isArray(data)) checkRowCounts(req, collection, data as Record<string, unknown>)
  }
  return args
}

/** Adds the checks to a collection (all of Yixun's collections get them in payload.config.ts), and temp-file clean-up to upload collections. */
export const withInputChecks = <T extends CollectionConfig>(collection: T): T => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedInput, ...(collection.hooks?.beforeOperation ?? [])],
    afterOperation: [...(collection.hooks?.afterOperation ?? []), ...(collection.upload ? [removeTempFilesAfterUpload] : [])],
  },
})
