import type { CollectionConfig } from 'payload'

/** Append-only record of every change and decision. STUB: the audit work fills it in. */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [{ name: 'action', type: 'text' }],
}
