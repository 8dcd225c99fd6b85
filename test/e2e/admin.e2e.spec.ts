import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoEmail } from '@/seed/users'

import { launchChromium, screenshotPath, shoot, signInToAdmin } from '../helpers/browser'
import { adminQuery, postgresAdminUri, withDatabase } from '../helpers/postgres'
import { type RunningServer, runSeed, startProductionServer, tempSqliteUri } from '../helpers/server'

const PASSWORD = 'e2e-demo-password'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  const databaseUri = tempSqliteUri()
  // Start on an empty database first: production creates its schema on boot, then the seed fills it.
  server = await startProductionServer({ DATABASE_URI: databaseUri })
  runSeed({ DATABASE_URI: databaseUri, SEED_PASSWORD: PASSWORD })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const jsonLogs = () =>
  server.logs.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>]
    } catch {
      return []
    }
  })

describe('the admin in a browser', () => {
  it('shows the demo editor a Chinese dashboard, even in an English-language browser', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail('editor'))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(`${server.url}/admin`, { timeout: 60_000 })
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('科室')
    const text = await page.locator('body').innerText()
    expect(text).toContain('员工账号')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh')
    // Editors may not read statistics, so the navigation does not offer the page.
    expect(await page.locator('.yixun-nav-links a').allTextContents()).toEqual(['工作台', '发布日历'])
    await page.screenshot({ path: screenshotPath('admin-dashboard-editor-zh'), fullPage: true })
    await context.close()
  })

  it('switches to English for someone who chose it', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addCookies([{ name: 'payload-lng', value: 'en', url: server.url }])
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail('viewer'))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(`${server.url}/admin`, { timeout: 60_000 })
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('Departments')
    expect(await page.locator('.yixun-nav-links a').allTextContents()).toEqual(['Dashboard', 'Publishing calendar', 'Statistics'])
    await page.screenshot({ path: screenshotPath('admin-dashboard-viewer-en'), fullPage: true })
    await context.close()
  })
})

const signIn = (role: 'editor' | 'reviewer') => signInToAdmin(browser, server.url, demoEmail(role), PASSWORD)

describe('the review panel', () => {
  it('offers the editor only submit, and the reviewer approve and reject with a required comment', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('admin'), password: PASSWORD }),
    })
    const { token } = await login.json()
    const found = await fetch(`${server.url}/api/notices?draft=true&where[title][equals]=${encodeURIComponent('消化内科胃肠镜预约须知')}`, { headers: { Authorization: `JWT ${token}` } })
    const id = (await found.json()).docs[0].id
    const editUrl = `${server.url}/admin/collections/notices/${id}`

    const editor = await signIn('editor')
    await editor.page.goto(editUrl)
    const panel = editor.page.getByTestId('workflow-panel')
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('草稿')
    expect(await panel.getByRole('button').allInnerTexts()).toEqual(['提交审核'])
    await panel.getByRole('button', { name: '提交审核' }).click()
    await expect.poll(() => editor.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('待审核')
    await editor.page.screenshot({ path: screenshotPath('review-panel-editor-submitted'), fullPage: true })
    await editor.context.close()

    const reviewer = await signIn('reviewer')
    await reviewer.page.goto(editUrl)
    const review = reviewer.page.getByTestId('workflow-panel')
    await expect.poll(() => review.innerText(), { timeout: 30_000 }).toContain('待审核')
    expect((await review.getByRole('button').allInnerTexts()).sort()).toEqual(['批准', '驳回'].sort())
    await review.getByRole('button', { name: '驳回' }).click()
    await expect.poll(() => reviewer.page.getByTestId('workflow-error').innerText(), { timeout: 15_000 }).toContain('驳回时必须填写审核意见')
    await reviewer.page.getByTestId('workflow-comment').fill('请补充检查前的饮食要求')
    await review.getByRole('button', { name: '驳回' }).click()
    await expect.poll(() => reviewer.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('已驳回')
    await reviewer.page.screenshot({ path: screenshotPath('review-panel-reviewer-rejected'), fullPage: true })
    await reviewer.context.close()
  })
})

describe('the reviewer and an edit of live content', () => {
  it('sees what changed since the live version, in Payload’s version comparison', async () => {
    const headers = async (role: 'editor' | 'admin') => {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: demoEmail(role), password: PASSWORD }),
      })
      return { Authorization: `JWT ${(await login.json()).token}`, 'Content-Type': 'application/json' }
    }
    const live = await (await fetch(`${server.url}/api/notices?where[_status][equals]=published&where[title][equals]=${encodeURIComponent('在线复诊续方服务正式上线')}`, { headers: await headers('admin') })).json()
    const id = live.docs[0].id
    const editor = await headers('editor')
    const edited = await fetch(`${server.url}/api/notices/${id}`, { method: 'PATCH', headers: editor, body: JSON.stringify({ title: '在线复诊续方服务全面上线' }) })
    expect(edited.status).toBe(200)
    const submitted = await fetch(`${server.url}/api/notices/${id}/workflow`, { method: 'POST', headers: editor, body: JSON.stringify({ action: 'submit' }) })
    expect(submitted.status).toBe(200)

    const reviewer = await signIn('reviewer')
    await reviewer.page.goto(`${server.url}/admin/collections/notices/${id}`)
    const diff = reviewer.page.getByTestId('workflow-diff')
    await expect.poll(() => diff.count(), { timeout: 30_000 }).toBe(1)
    await diff.click()
    await reviewer.page.waitForURL(/\/versions\/\w+\?versionFrom=\w+/, { timeout: 30_000 })
    // Both sides of the title appear in the comparison: the live one and the one under review.
    const comparison = reviewer.page.locator('.view-version, main').first()
    await expect.poll(() => comparison.innerText(), { timeout: 30_000 }).toContain('在线复诊续方服务正式上线')
    expect(await comparison.innerText()).toContain('在线复诊续方服务全面上线')
    await shoot(reviewer.page, 'tour-3b-version-diff')
    await reviewer.context.close()
  })
})

describe('the production server', () => {
  it('answers the health check with a request id', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await response.json()).toMatchObject({ status: 'ok', engine: 'sqlite', database: { ok: true } })
  })

  it('logs one structured line per request, and never a password or token', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'e2e-login-1' },
      body: JSON.stringify({ email: demoEmail('reviewer'), password: PASSWORD }),
    })
    expect(response.status).toBe(200)
    const { token } = await response.json()
    await fetch(`${server.url}/api/users/me?token=${token}`, { headers: { Authorization: `JWT ${token}` } })
    await new Promise((resolve) => setTimeout(resolve, 300))

    const line = jsonLogs().find((entry) => entry.reqId === 'e2e-login-1')
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/api/users/login', status: 200 })
    expect(line?.durationMs).toEqual(expect.any(Number))
    const all = server.logs.join('\n')
    expect(all).not.toContain(PASSWORD)
    expect(all).not.toContain(token)
  })

  it('shows the phone preview only to signed-in staff', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('viewer'), password: PASSWORD }),
    })
    const { token } = await login.json()
    const title = '消化内科胃肠镜预约须知'
    const found = await (await fetch(`${server.url}/api/notices?draft=true&where[title][equals]=${encodeURIComponent(title)}`, { headers: { Authorization: `JWT ${token}` } })).json()
    const page = `${server.url}/preview/notices/${found.docs[0].id}?audience=patient`

    const anonymous = await (await fetch(page)).text()
    expect(anonymous).toContain('请先登录')
    expect(anonymous).not.toContain(title)
    const staff = await (await fetch(page, { headers: { Cookie: `payload-token=${token}` } })).text()
    expect(staff).toContain(title)
  })

  it('answers 401 to an API request without credentials, not a server error', async () => {
    const response = await fetch(`${server.url}/api/departments`)
    expect(response.status).toBe(401)
  })
})

describe('a production start on an empty PostgreSQL database', () => {
  it('creates the schema by itself and answers', async () => {
    const name = `yixun_e2e_${process.pid}`
    await adminQuery(`drop database if exists ${name} with (force)`)
    await adminQuery(`create database ${name}`)
    const pg = await startProductionServer({ DATABASE_URI: withDatabase(postgresAdminUri(), name) })
    try {
      const health = await fetch(`${pg.url}/api/health`)
      expect(await health.json()).toMatchObject({ status: 'ok', engine: 'postgres' })
      const { rows } = await adminQuery(`select datname from pg_database where datname = $1`, [name])
      expect(rows).toHaveLength(1)
      expect((await fetch(`${pg.url}/api/users`)).status).toBe(401)
    } finally {
      await pg.stop()
      await adminQuery(`drop database if exists ${name} with (force)`)
    }
  })
})
