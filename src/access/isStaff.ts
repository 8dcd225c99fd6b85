import type { Access } from 'payload'

/** Any signed-in staff account, whatever its roles. */
export const isStaff: Access = ({ req: { user } }) => Boolean(user)
