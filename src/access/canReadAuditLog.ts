import type { Access } from 'payload'

import { hasRole } from '@/auth/roles'

/** Admins answer for accounts, reviewers for content decisions: both need the trail. */
export const canReadAuditLog: Access = ({ req: { user } }) => hasRole(user, 'admin', 'reviewer')
