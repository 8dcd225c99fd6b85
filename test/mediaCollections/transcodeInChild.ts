/**
 * Child process of restart.int.spec.ts: a Yixun server process that works the media queue
 * (same DATABASE_URI and YIXUN_MEDIA_DIR as the test), so the test can kill it mid-transcode.
 */
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { runMediaQueue } = await import('../../src/media/mediaWorker')
console.log('child: running the media queue')
await runMediaQueue(payload)
console.log('child: queue done')
process.exit(0)
