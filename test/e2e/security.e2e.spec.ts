import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoEmail } from '@/seed/users'

import { launchChromium, shoot, signInToAdmin } from '../helpers/browser'
import { type RunningServer, runSeed, startProductionServer, tempSqliteUri } from '../helpers/server'
import { makeClip } from '../media/fixtures'

/**
 * The admin under attack, against the production build: every page carries a content security
 * policy that the admin, the live preview and the video player live with (no violation in the
 * console), another site cannot frame the admin, and a change sent from another site's page with
 * the staff member's cookie is refused by the server (no SERVER_URL here: judged by the Host).
 */
const PASSWORD = 'e2e-security-password'

let server: RunningServer
let browser: Browser
let files: string
let foreign: Server
let foreignUrl: string

beforeAll(async () => {
  const databaseUri = tempSqliteUri()
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-security-'))
  server = await startProductionServer({ DATABASE_URI: databaseUri, YIXUN_MEDIA_DIR: path.join(files, 'media') })
  runSeed({ DATABASE_URI: databaseUri, SEED_PASSWORD: PASSWORD, YIXUN_MEDIA_DIR: path.join(files, 'media') })
  browser = await launchChromium()
  // Another site: its page frames the admin and posts a form to it.
  foreign = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><iframe id="victim" src="${server.url}${req.url}" width="800" height="600"></iframe>`)
  })
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.2', resolve))
  foreignUrl = `http://127.0.0.2:${(foreign.address() as { port: number }).port}`
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  foreign?.close()
  if (files) fs.rmSync(files, { recursive: true, force: true })
})

/** Console lines in which Chromium reports a blocked resource, script or frame. */
function policyViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

async function jwtFor(role: 'admin' | 'publicity'): Promise<string> {
  const response = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: demoEmail(role), password: PASSWORD }) })
  return ((await response.json()) as { token: string }).token
}

describe('every answer', () => {
  it.each(['/admin/login', '/admin', '/api/health', '/api/feed/docs'])('%s carries the security headers, and HSTS only behind HTTPS', async (pathname) => {
    const plain = await fetch(`${server.url}${pathname}`, { redirect: 'manual' })
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(plain.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff')
    expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const proxied = await fetch(`${server.url}${pathname}`, { redirect: 'manual', headers: { 'X-Forwarded-Proto': 'https' } })
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })
})

describe('the admin in a browser', () => {
  it('signs in, edits with the live preview open and plays a video preview without a single policy violation', { timeout: 240_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, demoEmail('admin'), PASSWORD)
    const violations = policyViolations(page)
    await page.reload()
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('工作台')

    // The live preview frames /preview/… inside the admin (frame-ancestors 'self').
    const admin = await jwtFor('admin')
    const notices = (await (await fetch(`${server.url}/api/notices?limit=1&depth=0`, { headers: { Authorization: `JWT ${admin}` } })).json()) as { docs: Array<{ id: number }> }
    await page.goto(`${server.url}/admin/collections/notices/${notices.docs[0].id}`)
    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('.live-preview-window iframe')
    await expect.poll(() => frame.getByTestId('app-preview').count(), { timeout: 30_000 }).toBe(1)
    await shoot(page, 'security-live-preview')

    // A short clip, uploaded over REST and transcoded by the server (after the admin pages loaded: one busy core each).
    const clip = await makeClip(path.join(files, 'clip.mp4'), { size: '640x360', seconds: 3 })
    const form = new FormData()
    form.append('file', new Blob([fs.readFileSync(clip)], { type: 'video/mp4' }), 'clip.mp4')
    form.append('_payload', JSON.stringify({ title: '安全测试视频', audience: 'doctor' }))
    const publicity = await jwtFor('publicity')
    const uploaded = await fetch(`${server.url}/api/promo-videos`, { method: 'POST', headers: { Authorization: `JWT ${publicity}` }, body: form })
    expect(uploaded.status).toBe(201)
    const videoId = ((await uploaded.json()) as { doc: { id: number } }).doc.id

    // The video preview plays HLS through hls.js from a MediaSource blob (media-src/worker-src blob:).
    await expect
      .poll(async () => ((await (await fetch(`${server.url}/api/promo-videos/${videoId}/transcode`, { headers: { Authorization: `JWT ${admin}` } })).json()) as { status?: string }).status, {
        timeout: 120_000,
        interval: 500,
      })
      .toBe('ready')
    const preview = await context.newPage()
    const previewViolations = policyViolations(preview)
    await preview.goto(`${server.url}/preview/promo-videos/${videoId}?audience=doctor`)
    const video = preview.getByTestId('preview-video')
    await expect
      .poll(
        () =>
          video.evaluate((element: HTMLVideoElement) => {
            element.muted = true
            if (element.paused) void element.play().catch(() => undefined)
            return element.currentTime
          }),
        { timeout: 45_000, interval: 250 },
      )
      .toBeGreaterThan(0.3)
    expect(await video.evaluate((element: HTMLVideoElement) => element.currentSrc)).toMatch(/^blob:/)

    expect(violations).toEqual([])
    expect(previewViolations).toEqual([])
    await context.close()
  })

  it('cannot be framed by another site', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations = policyViolations(page)
    await page.goto(`${foreignUrl}/admin/login`)
    await expect.poll(() => violations.join('\n'), { timeout: 15_000 }).toMatch(/frame-ancestors|X-Frame-Options/)
    // Nothing of the admin rendered inside the frame.
    const framed = page.frames().find((frame) => frame !== page.mainFrame())
    expect(await framed?.locator('input[name="password"]').count().catch(() => 0)).toBe(0)
    await context.close()
  })
})

describe('a change sent with the staff member’s cookie', () => {
  it('is refused from another site’s page and accepted from the admin’s own', async () => {
    const token = await jwtFor('admin')
    const cookie = `payload-token=${token}`
    const host = new URL(server.url).host
    const body = JSON.stringify({ name: '自助机', feeds: ['patient'] })

    const forged = await fetch(`${server.url}/api/app-clients`, { method: 'POST', headers: { Cookie: cookie, Origin: foreignUrl, 'Content-Type': 'text/plain' }, body })
    expect(forged.status).toBe(403)
    expect(((await forged.json()) as { errors: Array<{ code: string }> }).errors[0].code).toBe('CROSS_ORIGIN_REFUSED')

    const own = await fetch(`${server.url}/api/app-clients`, { method: 'POST', headers: { Cookie: cookie, Origin: `http://${host}`, 'Content-Type': 'application/json' }, body })
    expect(own.status).toBe(201)
    const { totalDocs } = (await (await fetch(`${server.url}/api/app-clients?where[name][equals]=自助机`, { headers: { Authorization: `JWT ${token}` } })).json()) as { totalDocs: number }
    expect(totalDocs).toBe(1)
  })
})
