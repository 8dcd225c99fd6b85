import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { demoEmail } from '@/seed/users'

import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

const ADMIN = demoEmail('admin')
const STRANGER = { 'x-yixun-client-ip': '203.0.113.9' }
const ADMIN_DESK = { 'x-yixun-client-ip': '10.1.2.3' }

beforeAll(async () => {
  yixun = await startYixun()
})

beforeEach(async () => {
  await yixun.payload.delete({ collection: 'login-failures', where: { id: { exists: true } } })
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const login = (email: string, password: string, headers: Record<string, string> = STRANGER) => yixun.rest.post('users/login', { body: { email, password }, headers })

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

describe('refused sign-ins look alike', () => {
  it('answers an unknown email, a wrong password and a locked account with the same status, body and code', async () => {
    const unknown = await answer(await login('nobody@yixun.local', 'Some-guess-12345'))
    const wrong = await answer(await login(ADMIN, 'Some-guess-12345'))
    for (let attempt = 0; attempt < 5; attempt++) await login(demoEmail('viewer'), 'Some-guess-12345')
    const locked = await answer(await login(demoEmail('viewer'), TEST_PASSWORD))

    expect(wrong).toEqual(unknown)
    expect(locked).toEqual(unknown)
    expect(unknown.status).toBe(401)
    expect(unknown.body.errors[0].code).toBe('INVALID_CREDENTIALS')
  })

  it('takes about as long for an unknown email as for a wrong password (a password hash each)', async () => {
    const time = async (email: string) => {
      const started = performance.now()
      await login(email, 'Some-guess-12345', { 'x-yixun-client-ip': `198.51.100.${Math.floor(Math.random() * 250)}` })
      return performance.now() - started
    }
    const unknown: number[] = []
    const wrong: number[] = []
    for (let round = 0; round < 3; round++) {
      unknown.push(await time(`nobody-${round}@yixun.local`))
      wrong.push(await time(demoEmail('reviewer')))
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]
    // Loose on purpose (shared CPUs): without the dummy hash an unknown email answers in a few
    // milliseconds against a few hundred for a real password check.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 3)
  })
})

describe('sign-in lock per account and address', () => {
  it('stops a stranger after five wrong passwords while the owner still signs in from their own desk', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(ADMIN, `Guess-number-${attempt}-x`)).status).toBe(401)
    // Locked for the stranger's address, even with the right password.
    expect((await login(ADMIN, TEST_PASSWORD)).status).toBe(401)
    // The admin at their desk is not affected.
    expect((await login(ADMIN, TEST_PASSWORD, ADMIN_DESK)).status).toBe(200)
  })

  it('counts attempts fired at the same instant: no more than five get their password checked', async () => {
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, n) => login(demoEmail('editor'), `Parallel-guess-${n}-x`)))
    expect(attempts.every((response) => response.status === 401)).toBe(true)
    expect((await login(demoEmail('editor'), TEST_PASSWORD)).status).toBe(401)
    const { docs } = await yixun.payload.find({ collection: 'audit-log', where: { action: { equals: 'login_failed' } }, limit: 100, depth: 0 })
    const reasons = docs.filter((entry) => (entry.details as { email?: string })?.email === demoEmail('editor')).map((entry) => (entry.details as { reason: string }).reason)
    expect(reasons).toHaveLength(9)
    expect(reasons.filter((reason) => reason === 'wrong_password').length).toBeLessThanOrEqual(5)
    expect(reasons.filter((reason) => reason === 'locked').length).toBeGreaterThanOrEqual(4)
  })

  it('clears the failures of that account and address on a successful sign-in', async () => {
    for (let attempt = 0; attempt < 4; attempt++) await login(demoEmail('reviewer'), `Guess-number-${attempt}-x`)
    expect((await login(demoEmail('reviewer'), TEST_PASSWORD)).status).toBe(200)
    // Four more wrong ones do not lock: the count started again.
    for (let attempt = 0; attempt < 4; attempt++) await login(demoEmail('reviewer'), `Guess-number-${attempt}-y`)
    expect((await login(demoEmail('reviewer'), TEST_PASSWORD)).status).toBe(200)
  })

  it('locks GraphQL sign-ins the same way', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await yixun.payload.login({ collection: 'users', data: { email: demoEmail('publicity'), password: `Guess-${attempt}-zz` }, req: { headers: new Headers(STRANGER) } }).catch(() => {})
    }
    await expect(yixun.payload.login({ collection: 'users', data: { email: demoEmail('publicity'), password: TEST_PASSWORD }, req: { headers: new Headers(STRANGER) } })).rejects.toThrow()
  })
})

describe('lockouts on the dashboard', () => {
  const lockOut = async (email: string) => {
    for (let attempt = 0; attempt < 5; attempt++) await login(email, `Guess-number-${attempt}-w`)
  }

  it('shows admins each locked account and address, and lets them unlock it', async () => {
    await lockOut(demoEmail('viewer'))
    const admin = await yixun.tokenFor('admin')
    const { problems, sections } = await (await yixun.rest.get('dashboard', { token: admin })).json()
    expect(sections.lockouts).toBe(true)
    expect(problems.lockouts).toHaveLength(1)
    const [lockout] = problems.lockouts
    expect(lockout).toMatchObject({ kind: 'lockout', title: demoEmail('viewer'), ip: '203.0.113.9', attempts: 5 })
    expect(Date.parse(lockout.lockedUntil)).toBeGreaterThan(Date.now())

    const unlocked = await yixun.rest.post(lockout.retry.url.replace(/^\/api\//, ''), { token: admin, body: {} })
    expect(unlocked.status).toBe(200)
    expect((await login(demoEmail('viewer'), TEST_PASSWORD)).status).toBe(200)
    expect((await (await yixun.rest.get('dashboard', { token: admin })).json()).problems.lockouts).toEqual([])
  })

  it('hides lockouts from everyone else and refuses their unlock with 403', async () => {
    await lockOut(demoEmail('viewer'))
    const reviewer = await yixun.tokenFor('reviewer')
    expect((await (await yixun.rest.get('dashboard', { token: reviewer })).json()).problems.lockouts).toEqual([])
    const { docs } = await yixun.payload.find({ collection: 'login-failures', limit: 1, depth: 0 })
    const refused = await yixun.rest.post(`dashboard/lockouts/${docs[0].id}/unlock`, { token: reviewer, body: {} })
    expect(refused.status).toBe(403)
    expect((await refused.json()).errors[0].code).toBe('FORBIDDEN')
    expect((await login(demoEmail('viewer'), TEST_PASSWORD)).status).toBe(401)
    expect((await yixun.rest.post(`dashboard/lockouts/${docs[0].id}/unlock`, { body: {} })).status).toBe(401)
  })
})
