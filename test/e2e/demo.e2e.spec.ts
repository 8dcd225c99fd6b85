import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium, shoot, signInToAdmin } from '../helpers/browser'
import { freePort } from '../helpers/server'

/**
 * The README's first command as a newcomer meets it: `npm run demo`, opened in Chromium.
 * It runs in this checkout rather than in a fresh clone (a clone would need a `next build` of its
 * own, minutes on two cores); what a clone would not have is given fresh instead: its own
 * database in a temp dir (DATABASE_URI) and a free port. The build CI (or the global setup) just
 * made must be reused, not redone. ffmpeg is pointed at a missing file, as on a machine without
 * it: the demo must still start and the admin must say so.
 */
const MISSING_FFMPEG = path.join(os.tmpdir(), 'yixun-no-ffmpeg', 'ffmpeg')

let demo: ChildProcess
let browser: Browser
let baseUrl: string
const output: string[] = []
let readyAt = 0
let dir: string

beforeAll(async () => {
  const port = await freePort()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-demo-'))
  // As a newcomer's shell has it: none of the test runner's settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && name !== 'PAYLOAD_SECRET'))
  // Its own process group, so the whole tree (npm → node → server) stops with one signal.
  demo = spawn('npm', ['run', 'demo'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, DATABASE_URI: `file:${path.join(dir, 'yixun.db')}`, PORT: String(port), HOST: '127.0.0.1', FFMPEG_PATH: MISSING_FFMPEG } as unknown as NodeJS.ProcessEnv,
  })
  const collect = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'))
    if (!readyAt && output.join('').includes('Yixun ready')) readyAt = Date.now()
  }
  demo.stdout!.on('data', collect)
  demo.stderr!.on('data', collect)
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (!readyAt) return
      clearInterval(check)
      resolve()
    }, 100)
    demo.once('exit', (code) => {
      clearInterval(check)
      reject(new Error(`npm run demo exited with ${code}:\n${output.join('')}`))
    })
  })
  baseUrl = `http://127.0.0.1:${port}`
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  if (demo?.pid && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once('exit', resolve))
    process.kill(-demo.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))])
    try {
      process.kill(-demo.pid, 'SIGKILL')
    } catch {
      // the group is gone
    }
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** Sends a WebSocket upgrade and returns the first line of the answer ('' when none came in 5 s). */
function upgradeAnswer(url: string): Promise<string> {
  const { hostname, port, pathname } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname)
    let answer = ''
    const done = () => {
      socket.destroy()
      resolve(answer.split('\r\n')[0] ?? '')
    }
    socket.on('connect', () =>
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    )
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', done)
    socket.on('error', done)
    setTimeout(done, 5000)
  })
}

describe('npm run demo', () => {
  it('reuses the current production build, seeds, and starts without ffmpeg', () => {
    const log = output.join('')
    expect(log).toContain('the production build is current (reused)')
    expect(log).toContain('Seeded')
    expect(log).toContain('ffmpeg not found')
  })

  it('shows the Chinese login, and an editor signs in to 需要我处理的事', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    const opened = Date.now()
    await page.goto(`${baseUrl}/admin/login`)
    // Renders at all (the blank page this test guards against never did); how fast is measured, not asserted.
    await page.locator('input[name="email"]').waitFor({ timeout: 60_000 })
    const rendered = Date.now()
    console.log(`[demo] login rendered ${rendered - opened} ms after opening it, ${rendered - readyAt} ms after "Yixun ready" (Chromium's start included)`)
    await expect(page.locator('button[type="submit"]').innerText()).resolves.toContain('登录')
    await context.close()

    const { context: editor, page: home } = await signInToAdmin(browser, baseUrl, 'editor@yixun.local', 'yixun-demo-2026')
    await home.getByText('需要我处理的事').waitFor({ timeout: 15_000 })
    await shoot(home, 'demo-editor-home')
    await editor.close()
  })

  it('tells publicity plainly that video transcoding is unavailable, and how to enable it', async () => {
    const { context, page } = await signInToAdmin(browser, baseUrl, 'publicity@yixun.local', 'yixun-demo-2026')
    await page.goto(`${baseUrl}/admin/collections/promo-videos`)
    const notice = page.locator('[data-yixun-ffmpeg-notice]')
    await notice.waitFor({ timeout: 15_000 })
    await expect(notice.innerText()).resolves.toMatch(/视频转码不可用[\s\S]*apt-get install ffmpeg[\s\S]*FFMPEG_PATH/)
    await page.goto(`${baseUrl}/admin/collections/promo-videos/create`)
    await page.locator('[data-yixun-ffmpeg-notice]').waitFor({ timeout: 15_000 })
    await shoot(page, 'demo-no-ffmpeg-notice')
    await context.close()
  })

  it('refuses WebSocket upgrades with a plain 400 instead of answering them as a page', async () => {
    await expect(upgradeAnswer(`${baseUrl}/admin`)).resolves.toBe('HTTP/1.1 400 Bad Request')
    // Production has no hot reload: its socket path is refused the same way.
    await expect(upgradeAnswer(`${baseUrl}/_next/hmr`)).resolves.toBe('HTTP/1.1 400 Bad Request')
  })
})
