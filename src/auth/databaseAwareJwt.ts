import { type AuthStrategy, JWTAuthentication } from 'payload'

import { markDatabaseFailed, watchDatabase } from '@/db/availability'

/**
 * Payload's own JWT strategy, run first and watched: it treats any error while loading the
 * signed-in user as "no user", so during a database outage a valid token became an anonymous
 * request and then a 401 that makes an app sign its user out. Here that failure is marked on the
 * request, and the afterError and afterMe hooks answer 503 DATABASE_UNAVAILABLE instead. When
 * this finds no user, Payload's built-in strategy (last in line) repeats the same check.
 */
export const databaseAwareJwt: AuthStrategy = {
  name: 'database-aware-jwt',
  authenticate: async (args) => {
    const { result, retryAfterSeconds } = await watchDatabase(async () => JWTAuthentication({ ...args, strategyName: 'local-jwt' }))
    if (!result.user && retryAfterSeconds !== undefined && args.req) markDatabaseFailed(args.req, retryAfterSeconds)
    return result
  },
}
