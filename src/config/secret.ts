import { StartupConfigError } from '@/db/uri'

/** Development and tests may run without a secret; production must not (tokens would be forgeable). */
const DEVELOPMENT_SECRET = 'yixun-development-secret-not-for-production'

export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    throw new StartupConfigError('PAYLOAD_SECRET: not set; production needs a long random value (e.g. `openssl rand -hex 32`)')
  }
  return DEVELOPMENT_SECRET
}
