import type { Payload } from 'payload'

import type { Role } from '@/auth/roles'
import { seed } from '@/seed'
import { demoEmail } from '@/seed/users'

import { freshDatabaseUri, testEngine } from './database'
import { RestClient } from './rest'

export const TEST_PASSWORD = 'test-password-2026'

export type TestYixun = {
  payload: Payload
  rest: RestClient
  engine: ReturnType<typeof testEngine>
  databaseUri: string
  /** Signs in a demo account and returns its token. */
  tokenFor: (role: Role) => Promise<string>
}

/**
 * Starts Yixun's Payload on a database of this test file's own. Call once in beforeAll.
 * `seeded` loads the demo departments and one account per role (password TEST_PASSWORD);
 * `databaseUri` reaches the file's database another way (e.g. through a TCP proxy).
 */
export async function startYixun({ seeded = true, databaseUri: given }: { seeded?: boolean; databaseUri?: string } = {}): Promise<TestYixun> {
  const databaseUri = given ?? (await freshDatabaseUri())
  process.env.DATABASE_URI = databaseUri
  // getPayload caches its instance on globalThis; a worker reused for another file must not get the old one.
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  if (seeded) await seed(payload, TEST_PASSWORD, { content: false })
  const tokens = new Map<Role, string>()
  return {
    payload,
    rest: new RestClient(config),
    engine: testEngine(),
    databaseUri,
    tokenFor: async (role) => {
      if (!tokens.has(role)) {
        const { token } = await payload.login({ collection: 'users', data: { email: demoEmail(role), password: TEST_PASSWORD } })
        tokens.set(role, token!)
      }
      return tokens.get(role)!
    },
  }
}
