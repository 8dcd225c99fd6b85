import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import type { Role } from '@/auth/roles'

import type { TestYixun } from './yixun'

type Handler = ReturnType<typeof REST_POST>

let handlers: Promise<Record<'GET' | 'POST' | 'PATCH', Handler>> | undefined

/** Payload's REST handlers for this test file's config (the same module instance startYixun loaded). */
function rest() {
  handlers ??= import('@payload-config').then(({ default: config }) => ({ GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config) }))
  return handlers
}

async function call(method: 'GET' | 'POST' | 'PATCH', apiPath: string, init: { token?: string; body?: BodyInit; headers?: Record<string, string> }) {
  const url = new URL(apiPath.replace(/^\/+/, ''), 'http://localhost:3000/api/')
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  const request = new Request(url, {
    method,
    headers: { 'Accept-Language': 'en', ...(init.token ? { Authorization: `JWT ${init.token}` } : {}), ...init.headers },
    body: init.body,
  })
  return (await rest())[method](request, { params: Promise.resolve({ slug }) })
}

export type UploadSource = { file: string; name?: string; type?: string } | { bytes: Uint8Array; name: string; type?: string }

/**
 * A multipart upload as the admin sends it (`file` plus the other fields as `_payload` JSON),
 * through Payload's REST handler, so Payload streams it to a temp file exactly as in production.
 */
export async function uploadForm(
  yixun: TestYixun,
  role: Role | null,
  apiPath: string,
  source: UploadSource,
  data: Record<string, unknown> = {},
  { method = 'POST', headers, rawPayload }: { method?: 'POST' | 'PATCH'; headers?: Record<string, string>; rawPayload?: string } = {},
): Promise<{ status: number; body: any }> {
  const bytes = 'bytes' in source ? source.bytes : await fs.readFile(source.file)
  const name = source.name ?? ('file' in source ? path.basename(source.file) : 'upload')
  const form = new FormData()
  form.append('file', new File([new Uint8Array(bytes)], name, { type: source.type ?? 'application/octet-stream' }))
  form.append('_payload', rawPayload ?? JSON.stringify(data))
  const response = await call(method, apiPath, { token: role ? await yixun.tokenFor(role) : undefined, body: form, headers })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** A GET through Payload's REST handler, keeping the raw response (files, ranges, headers). */
export async function getRaw(yixun: TestYixun, role: Role | null, apiPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return call('GET', apiPath, { token: role ? await yixun.tokenFor(role) : undefined, headers })
}

export async function postJson(yixun: TestYixun, role: Role | null, apiPath: string, body: unknown = {}): Promise<{ status: number; body: any }> {
  const response = await call('POST', apiPath, {
    token: role ? await yixun.tokenFor(role) : undefined,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  })
  return { status: response.status, body: await response.json() }
}

/** A media folder of this test file's own (YIXUN_MEDIA_DIR), set before Payload loads its config. */
export async function useScratchMediaDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `yixun-media-${label}-`))
  process.env.YIXUN_MEDIA_DIR = dir
  return dir
}

/** Every file under `dir` (relative paths), or [] when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort()
}
