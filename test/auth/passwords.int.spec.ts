import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoEmail } from '@/seed/users'

import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

const STRONG = 'Lantern-orchid-harbour-42'

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const signIn = async (email: string, password: string) => {
  const response = await yixun.rest.post('users/login', { body: { email, password }, headers: { 'x-yixun-client-ip': '10.9.8.7' } })
  expect(response.status, `${email} signs in`).toBe(200)
  const body = await response.json()
  return { token: body.token as string, id: body.user.id as number | string }
}
const canRead = async (token: string) => (await yixun.rest.get('users?limit=1', { token })).status

describe('password strength', () => {
  it.each(['short-1', 'password1234', '1234567890', 'qwertyuiop', 'aaaaaaaaaaaa'])('refuses %s with 400 WEAK_PASSWORD, shown under the password field', async (password) => {
    const response = await yixun.rest.post('users', {
      token: await yixun.tokenFor('admin'),
      body: { email: `weak-${Math.random().toString(36).slice(2)}@yixun.local`, password, name: '弱密码', roles: ['viewer'] },
      headers: { 'Accept-Language': 'zh' },
    })
    expect(response.status).toBe(400)
    const [error] = (await response.json()).errors
    expect(error.code).toBe('WEAK_PASSWORD')
    expect(error.message).toContain('至少 10 个字符')
    expect(error.data.errors[0].path).toBe('password')
  })

  it('refuses a password built from the account’s own name or email', async () => {
    const response = await yixun.rest.post('users', {
      token: await yixun.tokenFor('admin'),
      body: { email: 'wangwei@yixun.local', password: 'wangwei2026!', name: 'wang wei', roles: ['viewer'] },
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].code).toBe('WEAK_PASSWORD')
  })

  it('accepts a long unguessable password, and the demo and test passwords', async () => {
    const response = await yixun.rest.post('users', {
      token: await yixun.tokenFor('admin'),
      body: { email: 'strong@yixun.local', password: STRONG, name: '强密码', roles: ['viewer'] },
    })
    expect(response.status).toBe(201)
    for (const password of ['yixun-demo-2026', TEST_PASSWORD]) {
      await expect(yixun.payload.update({ collection: 'users', where: { email: { equals: 'strong@yixun.local' } }, data: { password } })).resolves.toBeTruthy()
    }
  })
})

describe('changing one’s own password', () => {
  it('needs the current password', async () => {
    const { token, id } = await signIn(demoEmail('viewer'), TEST_PASSWORD)
    for (const body of [{ password: STRONG }, { password: STRONG, currentPassword: 'not-my-password-1' }]) {
      const response = await yixun.rest.patch(`users/${id}`, { token, body })
      expect(response.status).toBe(400)
      const [error] = (await response.json()).errors
      expect(error.code).toBe('CURRENT_PASSWORD_REQUIRED')
      expect(error.data.errors[0].path).toBe('currentPassword')
    }
    // Nothing changed.
    await signIn(demoEmail('viewer'), TEST_PASSWORD)
  })

  it('ends the account’s other sessions and keeps the one that made the change', async () => {
    const elsewhere = await signIn(demoEmail('publicity'), TEST_PASSWORD)
    const here = await signIn(demoEmail('publicity'), TEST_PASSWORD)
    expect(await canRead(elsewhere.token)).toBe(200)

    const response = await yixun.rest.patch(`users/${here.id}`, { token: here.token, body: { password: STRONG, currentPassword: TEST_PASSWORD } })
    expect(response.status).toBe(200)
    expect(await canRead(elsewhere.token)).toBe(401)
    expect(await canRead(here.token)).toBe(200)
    await signIn(demoEmail('publicity'), STRONG)
    await yixun.payload.update({ collection: 'users', id: here.id, data: { password: TEST_PASSWORD } })
  })

  it('lets an admin set someone else’s password without theirs, ending all of that person’s sessions', async () => {
    const editor = await signIn(demoEmail('editor'), TEST_PASSWORD)
    const response = await yixun.rest.patch(`users/${editor.id}`, { token: await yixun.tokenFor('admin'), body: { password: STRONG } })
    expect(response.status).toBe(200)
    expect(await canRead(editor.token)).toBe(401)
    await yixun.payload.update({ collection: 'users', id: editor.id, data: { password: TEST_PASSWORD } })
  })
})
