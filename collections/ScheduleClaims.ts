import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'

/**
 * One row per thing that must happen once across all server instances: a scheduled publish, an
 * expiry, a slot of job-runner leadership, the one change made from each version of a publishable
 * item (`version:…`, see src/workflow/claimVersion.ts). The unique key is the lock: every engine refuses a
 * second row with the same key atomically, which Payload's queue alone does not guarantee.
 */
export const ScheduleClaims: CollectionConfig<'schedule-claims'> = {
  slug: 'schedule-claims',
  labels: { singular: { zh: '调度记录', en: 'Schedule claim' }, plural: { zh: '调度记录', en: 'Schedule claims' } },
  admin: { group: { zh: '系统', en: 'System' }, useAsTitle: 'key', defaultColumns: ['key', 'holder', 'createdAt'], hidden: ({ user }) => !user?.roles?.includes('admin') },
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'holder', type: 'text', label: { zh: '执行实例', en: 'Instance' } },
  ],
}
