import type { CollectionAfterMeHook } from 'payload'

import { DatabaseUnavailableError, databaseFailedDuring } from '@/db/availability'

/**
 * GET /api/users/me answers 200 `{ user: null }` when Payload could not load the signed-in user;
 * during a database outage that would tell the app its user is signed out. Answer 503 instead.
 */
export const refuseMeDuringOutage: CollectionAfterMeHook = ({ req }) => {
  const seconds = databaseFailedDuring(req)
  if (seconds !== undefined) throw new DatabaseUnavailableError(seconds)
}
