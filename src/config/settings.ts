import { bearerKey } from '@/apps/apiKeys'
import { resolveDatabase, StartupConfigError } from '@/db/uri'

import { payloadSecret } from './secret'

/**
 * Every setting Yixun reads from its environment (README, "Configuration", is the one table of
 * them): parsed here, so a wrong value stops start-up (or `npm run seed`) with one line naming
 * the variable and the form it expects, instead of a silent fallback or a key that never works.
 * Settings are read when used (not frozen at import), so tests and operators may change them.
 */
type Setting<T> = { fallback: T; form: string; parse: (raw: string) => T | undefined }

const integer = (min: number, max: number, fallback: number, form: string): Setting<number> => ({
  fallback,
  form,
  parse: (raw) => {
    const value = Number(raw)
    return /^\d+$/.test(raw) && Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined
  },
})

const oneOf = <T extends string>(values: readonly T[], fallback: T | undefined): Setting<T | undefined> => ({
  fallback,
  form: `one of ${values.join(', ')}`,
  parse: (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined,
})

const text = (fallback: string | undefined, form = 'a value'): Setting<string | undefined> => ({ fallback, form, parse: (raw) => raw })

const url = (schemes: string[], form: string): Setting<string | undefined> => ({
  fallback: undefined,
  form,
  parse: (raw) => {
    try {
      return schemes.includes(new URL(raw).protocol) ? raw : undefined
    } catch {
      return undefined
    }
  },
})

/** An app key as the feed accepts it (`Authorization: Bearer yxk_…`); any other value could never sign in. */
const appKey: Setting<string | undefined> = {
  fallback: undefined,
  form: 'an app key yxk_ followed by 20–100 letters, digits, - or _ (or unset: seed makes one)',
  parse: (raw) => (bearerKey(`Bearer ${raw}`) === raw ? raw : undefined),
}

const GIB = 1024 ** 3
const MIB = 1024 ** 2
const bytes = (fallback: number) => integer(1, Number.MAX_SAFE_INTEGER, fallback, 'a whole number of bytes above 0')

export const SETTINGS = {
  PORT: integer(1, 65535, 3000, 'a port number 1–65535'),
  HOST: text('0.0.0.0', 'a host name or address to listen on'),
  SERVER_URL: url(['http:', 'https:'], 'the admin’s public URL, http(s)://…'),
  ALLOWED_ORIGINS: text(undefined, 'comma-separated http(s) origins of the admin'),
  WEBHOOK_ALLOWED_HOSTS: text(undefined, 'comma-separated host names, addresses or CIDR ranges'),
  TRUST_PROXY_HOPS: integer(0, 10, 0, 'the number of trusted proxies in front, 0–10'),
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://user:pass@host:587 or smtps://…'),
  MAIL_FROM_ADDRESS: {
    fallback: 'yixun@hospital.local',
    form: 'an e-mail address',
    parse: (raw: string) => (/^[^\s@]+@[^\s@]+$/.test(raw) ? raw : undefined),
  } satisfies Setting<string>,
  MAIL_FROM_NAME: text('医讯 Yixun', 'a sender name'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
  LOG_FORMAT: oneOf(['json', 'pretty'] as const, undefined),
  CRON_SECRET: {
    fallback: undefined,
    form: 'a secret of at least 16 characters (shorter ones would never be accepted)',
    parse: (raw: string) => (raw.length >= 16 ? raw : undefined),
  } satisfies Setting<string | undefined>,
  FEED_RATE_LIMIT_PER_MINUTE: integer(1, Number.MAX_SAFE_INTEGER, 120_000, 'a whole number of requests above 0'),
  FEED_EVENTS_RATE_LIMIT_PER_MINUTE: integer(1, Number.MAX_SAFE_INTEGER, 60_000, 'a whole number of event batches above 0'),
  FEED_POLL_MS: integer(10, 60_000, 250, 'milliseconds, 10–60000'),
  FFMPEG_PATH: text(undefined, 'the path of an ffmpeg binary'),
  FFPROBE_PATH: text(undefined, 'the path of an ffprobe binary'),
  YIXUN_MEDIA_DIR: text('media', 'a folder for uploads'),
  YIXUN_VIDEO_MAX_BYTES: bytes(2 * GIB),
  YIXUN_PDF_MAX_BYTES: bytes(100 * MIB),
  YIXUN_IMAGE_MAX_BYTES: bytes(40 * MIB),
  YIXUN_IMAGE_MAX_PIXELS: integer(1, Number.MAX_SAFE_INTEGER, 100_000_000, 'a whole number of pixels above 0'),
  YIXUN_TRANSCODE_CONCURRENCY: integer(1, 16, 1, 'a whole number 1–16'),
  YIXUN_PDF_RENDERER: oneOf(['auto', 'pdftoppm', 'pdfjs'] as const, 'auto'),
  YIXUN_MEDIA_WORKER: oneOf(['true', 'false'] as const, undefined),
  YIXUN_JOBS_AUTORUN: oneOf(['true', 'false'] as const, 'true'),
  YIXUN_TRANSCODE_PRESET: oneOf(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'] as const, 'veryfast'),
  SEED_PASSWORD: {
    fallback: 'yixun-demo-2026',
    form: 'a password of at least 10 characters (what accounts accept)',
    parse: (raw: string) => (raw.length >= 10 ? raw : undefined),
  } satisfies Setting<string>,
  SEED_PATIENT_APP_KEY: appKey,
  SEED_DOCTOR_APP_KEY: appKey,
}

export type SettingName = keyof typeof SETTINGS
type ValueOf<N extends SettingName> = (typeof SETTINGS)[N] extends Setting<infer T> ? T : never

/** The parsed value of one setting (its default when unset or blank); a malformed value throws StartupConfigError. */
export function setting<N extends SettingName>(name: N, env: NodeJS.ProcessEnv = process.env): ValueOf<N> {
  const spec = SETTINGS[name] as Setting<ValueOf<N>>
  const raw = env[name]?.trim()
  if (!raw) return spec.fallback
  const value = spec.parse(raw)
  if (value === undefined) {
    const shown = /SECRET|PASSWORD|KEY/.test(name) ? '' : ` "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}"`
    throw new StartupConfigError(`${name}:${shown} is not valid; expected ${spec.form}`)
  }
  return value
}

/** Checks every setting at once (start-up and `npm run seed`): the first bad one stops with its line. */
export function checkConfiguration(env: NodeJS.ProcessEnv = process.env): void {
  resolveDatabase(env.DATABASE_URI)
  payloadSecret(env)
  for (const name of Object.keys(SETTINGS) as SettingName[]) setting(name, env)
}
