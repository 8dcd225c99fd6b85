import { GRAPHQL_POST } from '@payloadcms/next/routes'

import type { Role } from '@/auth/roles'

import type { TestYixun } from './yixun'

let handler: Promise<ReturnType<typeof GRAPHQL_POST>> | undefined

/** A GraphQL request through Payload's route handler (what /api/graphql mounts), as a role, anonymously or with other headers. */
export async function graphql(yixun: TestYixun, who: Role | null | { headers: Record<string, string> }, query: string, variables: Record<string, unknown> = {}) {
  handler ??= import('@payload-config').then(({ default: config }) => GRAPHQL_POST(config))
  const auth = who === null ? {} : typeof who === 'string' ? { Authorization: `JWT ${await yixun.tokenFor(who)}` } : who.headers
  const response = await (await handler)(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...auth },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return (await response.json()) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }
}
