import type { Payload } from 'payload'

import type { Department } from '@/payload-types'

import { setting } from '@/config/settings'

import { seedApps } from './apps'
import { seedContent } from './content'
import { DEPARTMENTS } from './departments'
import { DEMO_USERS, demoEmail } from './users'

export type SeedSummary = {
  departments: { created: number; updated: number }
  users: { created: number; updated: number }
  content?: { created: number; skipped: number }
  /** Demo apps created now; `apiKey` is shown this once (absent when it came from SEED_*_APP_KEY). */
  apps?: Array<{ name: string; apiKey?: string }>
}

/** Loads the demo data. Safe to run again: existing records are updated in place, never duplicated. */
export async function seed(
  payload: Payload,
  password = setting('SEED_PASSWORD'),
  { content = true }: { content?: boolean } = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { departments: { created: 0, updated: 0 }, users: { created: 0, updated: 0 } }
  const context = { seeding: true }

  const departmentIds = new Map<string, Department['id']>()
  for (const department of DEPARTMENTS) {
    const { docs } = await payload.find({ collection: 'departments', where: { code: { equals: department.code } }, limit: 1, depth: 0 })
    const saved = docs[0]
      ? await payload.update({ collection: 'departments', id: docs[0].id, data: department, context })
      : await payload.create({ collection: 'departments', data: { ...department, active: true }, context })
    summary.departments[docs[0] ? 'updated' : 'created']++
    departmentIds.set(department.code, saved.id)
  }

  for (const user of DEMO_USERS) {
    const email = demoEmail(user.role)
    const data = {
      name: user.name,
      roles: [user.role],
      departments: (user.departmentCodes ?? []).map((code) => departmentIds.get(code)!),
      password,
    }
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
    if (docs[0]) {
      await payload.update({ collection: 'users', id: docs[0].id, data, context })
      // Seeding again also lifts any sign-in lock on the demo accounts.
      await payload.delete({ collection: 'login-failures', where: { email: { equals: email } }, overrideAccess: true, context })
      summary.users.updated++
    } else {
      await payload.create({ collection: 'users', data: { ...data, email }, context })
      summary.users.created++
    }
  }
  if (content) {
    summary.content = await seedContent(payload)
    summary.apps = await seedApps(payload)
  }
  return summary
}
