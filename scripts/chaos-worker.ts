/**
 * One job-runner instance for `npm run chaos`: Yixun's Payload on DATABASE_URI working the queue
 * as src/server.ts does (leader slots, reclaim of dead workers' jobs), without Next or HTTP.
 */
import { getPayload } from 'payload'

const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
const { startJobRunner } = await import('../src/jobs/runner')
const { INSTANCE_ID } = await import('../src/publishing/instanceId')
startJobRunner(payload)
console.log(`ready ${INSTANCE_ID}`)
