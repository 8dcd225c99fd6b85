/** npm run seed — loads Yixun's demo data into the database DATABASE_URI names (idempotent). */
import config from '@payload-config'
import { getPayload } from 'payload'

import { checkConfiguration, setting } from '@/config/settings'
import { StartupConfigError } from '@/db/uri'
import { seed } from '@/seed'

try {
  // Before anything is written: a malformed SEED_* preset would be stored and never work.
  checkConfiguration()
} catch (error) {
  if (!(error instanceof StartupConfigError)) throw error
  console.error(`Yixun cannot seed: ${error.message}`)
  process.exit(1)
}
const payload = await getPayload({ config })
const summary = await seed(payload)
// Keys go to the terminal once, below, never into the structured log.
payload.logger.info({ summary: { ...summary, apps: summary.apps?.map((app) => app.name) } }, 'demo data loaded')
console.log(
  `Seeded ${summary.departments.created + summary.departments.updated} departments and ${summary.users.created + summary.users.updated} demo accounts ` +
    `(password: ${process.env.SEED_PASSWORD?.trim() ? 'from SEED_PASSWORD' : setting('SEED_PASSWORD')}).`,
)
for (const app of summary.apps ?? []) {
  if (app.apiKey) console.log(`API key of ${app.name} (shown once, store it in the app's configuration): ${app.apiKey}`)
}
process.exit(0)
