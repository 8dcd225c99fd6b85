import type { SanitizedCollectionConfig } from 'payload'

/** Change on every save: listing them would bury the real change. */
const TIMESTAMPS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt'])

/**
 * Sign-in bookkeeping of auth collections (only there: a free-clinic event has `sessions` of its
 * own). A password change is reported as `password` instead (see auditAfterChange).
 */
const AUTH_BOOKKEEPING = new Set([
  'hash',
  'salt',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verificationToken',
])

/** Top-level fields that hold data of their own: no joins, no values computed on read, no bookkeeping. */
export function auditedFieldNames(collection: Pick<SanitizedCollectionConfig, 'auth' | 'flattenedFields'>): string[] {
  return collection.flattenedFields
    .filter((field) => field.type !== 'join' && !('virtual' in field && field.virtual))
    .map((field) => field.name)
    .filter((name) => !TIMESTAMPS.has(name) && !(collection.auth && AUTH_BOOKKEEPING.has(name)))
}

type Doc = Record<string, unknown> | null | undefined

/** JSON with sorted keys, so the same value read by two adapters or two code paths compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  )

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * Which of `fields` differ between the two documents. Both must be read the same way (same
 * depth): a populated relationship never equals its id. Without a previous document (a create),
 * the fields that were given a value.
 */
export function changedFields(fields: readonly string[], previous: Doc, current: Doc): string[] {
  return fields.filter((name) => {
    const before = previous?.[name]
    const after = current?.[name]
    if (isEmpty(before) && isEmpty(after)) return false
    return stable(before) !== stable(after)
  })
}
