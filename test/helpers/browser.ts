import fs from 'node:fs'

import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

export const screenshotPath = (name: string) => {
  fs.mkdirSync('test-results', { recursive: true })
  return `test-results/${name}.png`
}

/** A fresh browser context signed in to the admin as `email`, in Chinese and Beijing time unless told otherwise. */
export async function signInToAdmin(browser: Browser, baseUrl: string, email: string, password: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 }, ...options })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${baseUrl}/admin`, { timeout: 60_000 })
  return { context, page }
}

/** A full-page screenshot under test-results/; with DOCS_SCREENSHOTS=1 also the README tour's picture in docs/tour/. */
export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
  if (process.env.DOCS_SCREENSHOTS === '1') {
    fs.mkdirSync('docs/tour', { recursive: true })
    await page.screenshot({ path: `docs/tour/${name}.jpg`, type: 'jpeg', quality: 80, fullPage: false })
  }
}
