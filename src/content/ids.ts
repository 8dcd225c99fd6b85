import type { Payload } from 'payload'

export type Id = number | string

/** The id behind a relationship value, populated (`{ id, … }`) or not; null when empty. */
export const refId = (value: unknown): Id | null =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: Id }).id : ((value as Id | null) ?? null)

/** An id that arrived as text (a route, a job input) in the type the engine uses: numbers on SQL, strings on MongoDB. */
export const documentId = (payload: Payload, raw: unknown): Id => (payload.db.defaultIDType === 'number' ? Number(raw) : String(raw))

/** Whether two relationship values (populated or not, numbers or text) point at the same document. */
export function sameId(a: unknown, b: unknown): boolean {
  const left = refId(a)
  const right = refId(b)
  return left != null && right != null && String(left) === String(right)
}
