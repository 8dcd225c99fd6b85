import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { checkConfiguration, SETTINGS, setting } from '@/config/settings'
import { StartupConfigError } from '@/db/uri'

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv

describe('settings', () => {
  it('gives every setting its default when unset or blank', () => {
    expect(setting('PORT', env({}))).toBe(3000)
    expect(setting('FEED_POLL_MS', env({ FEED_POLL_MS: '  ' }))).toBe(250)
    expect(setting('SEED_PASSWORD', env({}))).toBe('yixun-demo-2026')
    expect(setting('SEED_PATIENT_APP_KEY', env({}))).toBeUndefined()
  })

  it('reads well-formed values', () => {
    const key = `yxk_${'A1b2-_'.repeat(7)}`
    expect(setting('SEED_DOCTOR_APP_KEY', env({ SEED_DOCTOR_APP_KEY: ` ${key} ` }))).toBe(key)
    expect(setting('PORT', env({ PORT: '4000' }))).toBe(4000)
    expect(setting('YIXUN_TRANSCODE_PRESET', env({ YIXUN_TRANSCODE_PRESET: 'medium' }))).toBe('medium')
  })

  it('refuses an app key the feed could never accept, in one line naming the variable and the form (not the value)', () => {
    const refusal = () => setting('SEED_PATIENT_APP_KEY', env({ SEED_PATIENT_APP_KEY: 'whatever' }))
    expect(refusal).toThrow(StartupConfigError)
    expect(refusal).toThrow(/^SEED_PATIENT_APP_KEY: is not valid; expected an app key yxk_/)
    expect(() => setting('SEED_DOCTOR_APP_KEY', env({ SEED_DOCTOR_APP_KEY: 'yxk_short' }))).toThrow(/^SEED_DOCTOR_APP_KEY:/)
  })

  it.each([
    ['PORT', '70000'],
    ['PORT', '3000abc'],
    ['FEED_POLL_MS', '5'],
    ['FEED_RATE_LIMIT_PER_MINUTE', '-1'],
    ['YIXUN_VIDEO_MAX_BYTES', '2GB'],
    ['YIXUN_TRANSCODE_CONCURRENCY', '0'],
    ['YIXUN_TRANSCODE_PRESET', 'fastest'],
    ['LOG_LEVEL', 'verbose'],
    ['LOG_FORMAT', 'xml'],
    ['SERVER_URL', 'admin.hospital.local'],
    ['SMTP_URL', 'http://mail.local'],
    ['MAIL_FROM_ADDRESS', 'yixun'],
    ['SEED_PASSWORD', 'short'],
    ['CRON_SECRET', 'too-short'],
    ['YIXUN_PDF_RENDERER', 'poppler'],
    ['YIXUN_JOBS_AUTORUN', 'no'],
  ])('refuses %s=%s with one line naming it and the expected form', (name, value) => {
    let message = ''
    try {
      checkConfiguration(env({ [name]: value }))
    } catch (error) {
      expect(error).toBeInstanceOf(StartupConfigError)
      message = (error as Error).message
    }
    expect(message).toMatch(new RegExp(`^${name}:.* is not valid; expected ${SETTINGS[name as keyof typeof SETTINGS].form.replace(/[()*+?.[\]\\^$|]/g, '\\$&')}$`))
    expect(message).not.toContain('\n')
    if (/PASSWORD|KEY|SECRET/.test(name)) expect(message).not.toContain(value)
  })

  it('checks the database URI and the production secret too', () => {
    expect(() => checkConfiguration(env({ DATABASE_URI: 'mysql://db/yixun' }))).toThrow(/^DATABASE_URI:/)
    expect(() => checkConfiguration(env({ NODE_ENV: 'production' }))).toThrow(/^PAYLOAD_SECRET:/)
    expect(() => checkConfiguration(env({}))).not.toThrow()
  })
})

describe('npm run seed', () => {
  it('refuses SEED_PATIENT_APP_KEY=whatever with one line, and stores nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-seed-input-'))
    const result = spawnSync(process.execPath, ['--conditions=production', 'node_modules/payload/bin.js', 'run', 'scripts/seed.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'yixun-test-secret', DATABASE_URI: `file:${path.join(dir, 'yixun.db')}`, SEED_PATIENT_APP_KEY: 'whatever' },
      encoding: 'utf8',
      timeout: 150_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      `Yixun cannot seed: SEED_PATIENT_APP_KEY: is not valid; expected ${SETTINGS.SEED_PATIENT_APP_KEY.form}`,
    )
    expect(fs.existsSync(path.join(dir, 'yixun.db'))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  }, 160_000)
})
