import type { Access } from 'payload'

import { hasRole, type Role } from '@/auth/roles'

/**
 * Who may read the raw event counts: admins, reviewers (they decide what goes out), the office's
 * read-only staff, and publicity, whose promotions these numbers judge. Editors write department
 * content and have no reason to see how the whole hospital's items perform. The counts hold no
 * patient data: no device ids, only totals per day.
 */
export const STATS_READERS: Role[] = ['admin', 'reviewer', 'viewer', 'publicity']

export const canReadStats: Access = ({ req: { user } }) => hasRole(user, ...STATS_READERS)
