/** npm run seed — loads Yixun's demo data into the database DATABASE_URI names (idempotent). */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seed } from '@/seed'
import { DEFAULT_SEED_PASSWORD } from '@/seed/users'

const payload = await getPayload({ config })
const summary = await seed(payload)
// Keys go to the terminal once, below, never into the structured log.
payload.logger.info({ summary: { ...summary, apps: summary.apps?.map((app) => app.name) } }, 'demo data loaded')
console.log(
  `Seeded ${summary.departments.created + summary.departments.updated} departments and ${summary.users.created + summary.users.updated} demo accounts ` +
    `(password: ${process.env.SEED_PASSWORD ? 'from SEED_PASSWORD' : DEFAULT_SEED_PASSWORD}).`,
)
for (const app of summary.apps ?? []) {
  if (app.apiKey) console.log(`API key of ${app.name} (shown once, store it in the app's configuration): ${app.apiKey}`)
}
process.exit(0)
