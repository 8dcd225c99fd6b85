import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { notifyWorkflowTransition } from '@/mail/notifyWorkflowTransition'
import { demoEmail } from '@/seed/users'

import { mailJobs, requestAs } from '../helpers/mail'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  // No mail server configured: the log transport stands in (see mailTransport.unit.spec.ts for what it logs).
  vi.stubEnv('SMTP_URL', '')
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  vi.unstubAllEnvs()
})

describe('mail without SMTP_URL', () => {
  it('completes the queued mail by logging it, so workflow mail never piles up in development', async () => {
    const { payload } = yixun
    const req = await requestAs(payload, demoEmail('editor'))
    await notifyWorkflowTransition(req, { collection: 'notices', id: 301, title: '门诊时间调整', action: 'submit', departmentIds: [] })

    const { jobStatus } = await payload.jobs.run()

    expect(Object.values(jobStatus ?? {})).toEqual([{ status: 'success' }])
    // Completed jobs are deleted (jobs.deleteJobOnComplete defaults to true); none is left waiting.
    expect(await mailJobs(payload)).toHaveLength(0)
  })
})
