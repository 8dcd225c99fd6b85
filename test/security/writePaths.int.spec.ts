import fs from 'node:fs/promises'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import { runMediaQueue } from '@/media/mediaWorker'
import { demoEmail } from '@/seed/users'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'

import { createApps } from '../helpers/apps'
import { departmentId } from '../helpers/content'
import { graphql } from '../helpers/graphql'
import { feedSnapshot, liveEventWithPoster, liveNoticeWithImage, makeLive, oldestVersion, pngOf } from '../helpers/liveContent'
import { uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { makeClip, scratchDir } from '../media/fixtures'
import { plainPdf, save } from '../media/pdfFixtures'
import { videoData } from '../mediaCollections/fixtures'

/**
 * Every way Payload lets someone write (REST, GraphQL, Local API without overrideAccess; create,
 * update, bulk update, delete, bulk delete, restore, duplicate, upload replace), for every
 * collection in the config and every caller (each staff role, no one, an app key), tried against
 * live content: none may change what the patient or doctor app gets. The matrix is read from the
 * config and the GraphQL schema, so a new collection or mutation is tried without anyone adding it.
 */

type Id = number | string
type Caller = Role | 'anonymous' | 'app'
const CALLERS: Caller[] = ['anonymous', 'app', 'viewer', 'reviewer', 'publicity', 'editor', 'admin']

/**
 * Reference data an admin maintains on purpose: a department's name is shown with content in the
 * apps, and renaming it (admin only, audited) renames it there. Nothing else may change a feed.
 */
const allowedChange = (slug: string, attempt: string, caller: Caller) => slug === 'departments' && caller === 'admin' && /update/i.test(attempt)

/** Mutations that write no collection document's content (sign-in and password flows). */
const AUTH_MUTATION = /^(login|logout|refreshToken|forgotPassword|resetPassword|unlock|verifyEmail)/

let yixun: TestYixun
let mediaDir: string
let removeClips: () => Promise<void>
let clip: string
let appKey: string
const users = new Map<Role, Record<string, unknown> & { id: Id }>()
/** The document each attempt aims at, per collection: live content wherever the collection has any. */
const targets = new Map<string, Id>()
/** An old version of each live item (what a restore would bring back). */
const oldVersions = new Map<string, Id>()
const refusals: string[] = []
const malformed: string[] = []
let attempts = 0

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('write-paths')
  yixun = await startYixun()
  const clips = await scratchDir('write-paths-clips')
  removeClips = clips.remove
  clip = await makeClip(path.join(clips.dir, 'clip.mp4'), { size: '320x240', seconds: 1 })
  appKey = (await createApps(yixun)).patient.key
  for (const role of ['admin', 'reviewer', 'editor', 'publicity', 'viewer'] as Role[]) {
    const { docs } = await yixun.payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, limit: 1 })
    users.set(role, docs[0] as never)
  }
  await seedLiveContent()
}, 240_000)

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await removeClips?.()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function seedLiveContent() {
  const { notice, image } = await liveNoticeWithImage(yixun)
  const { event } = await liveEventWithPoster(yixun)
  targets.set('notices', notice.id).set('media', image.id).set('free-clinic-events', event.id)

  const card = await departmentId(yixun, 'CARD')
  const brochure = await uploadForm(yixun, 'editor', 'brochures', { bytes: await save(await plainPdf(2)), name: 'reviewed.pdf', type: 'application/pdf' }, { title: '审核过的手册', audience: 'both', departments: [card] })
  await yixun.rest.patch(`brochures/${brochure.body.doc.id}`, { token: await yixun.tokenFor('editor'), body: { description: '第二稿' } })
  await makeLive(yixun, 'brochures', brochure.body.doc.id)
  targets.set('brochures', brochure.body.doc.id)

  const video = await uploadForm(yixun, 'editor', 'promo-videos', { file: clip, name: 'reviewed.mp4', type: 'video/mp4' }, await videoData(yixun, { audience: 'both' }))
  await runMediaQueue(yixun.payload)
  await yixun.rest.patch(`promo-videos/${video.body.doc.id}`, { token: await yixun.tokenFor('editor'), body: { description: '第二稿' } })
  await makeLive(yixun, 'promo-videos', video.body.doc.id)
  targets.set('promo-videos', video.body.doc.id)

  for (const collection of PUBLISHABLE_COLLECTIONS) oldVersions.set(collection, (await oldestVersion(yixun, collection, targets.get(collection)!)).id)
  targets.set('departments', card)
  const transcode = await yixun.payload.find({ collection: 'video-transcodes', where: { video: { equals: video.body.doc.id } }, limit: 1 })
  targets.set('video-transcodes', transcode.docs[0].id)
}

/** A document to aim at in a collection without live content, made again if an attempt deleted it. */
async function targetOf(slug: string): Promise<Id | undefined> {
  const payload = yixun.payload
  const known = targets.get(slug)
  if (known !== undefined && (await payload.findByID({ collection: slug as CollectionSlug, id: known, depth: 0, overrideAccess: true, disableErrors: true }))) return known
  const editor = users.get('editor')!
  const made: Record<string, () => Promise<{ id: Id } | undefined>> = {
    users: () => payload.create({ collection: 'users', data: { email: `spare-${Date.now()}@yixun.local`, password: 'spare-password-2026', name: '备用账号', roles: ['viewer'] } as never }),
    'app-clients': () => payload.create({ collection: 'app-clients', data: { name: '备用应用', feeds: ['doctor'], active: true } as never }),
    'payload-locked-documents': () =>
      payload.create({ collection: 'payload-locked-documents', data: { document: { relationTo: 'notices', value: targets.get('notices') }, user: { relationTo: 'users', value: editor.id } } as never }),
    'payload-preferences': () => payload.create({ collection: 'payload-preferences', data: { key: 'nav', value: { open: true } } as never, user: editor }),
  }
  const existing = await payload.find({ collection: slug as CollectionSlug, limit: 1, depth: 0, overrideAccess: true })
  const doc = made[slug] ? await made[slug]() : (existing.docs[0] as { id: Id } | undefined)
  if (doc) targets.set(slug, doc.id)
  return doc?.id
}

/** What an attempt tries to write: an unreviewed change, asking to publish it where that exists. */
function hostileData(slug: string): Record<string, unknown> {
  if ((PUBLISHABLE_COLLECTIONS as readonly string[]).includes(slug)) return { title: '未经审核的标题', _status: 'published', workflowState: 'published' }
  const bySlug: Record<string, Record<string, unknown>> = {
    media: { alt: '未经审核的替代文字' },
    departments: { name: '被改名的科室' },
    users: { name: '改名', roles: ['admin'] },
    'app-clients': { feeds: ['patient', 'doctor'], active: true },
    'video-transcodes': { status: 'failed' },
    'payload-locked-documents': { user: { relationTo: 'users', value: users.get('reviewer')!.id } },
    'payload-preferences': { value: { open: false } },
  }
  return bySlug[slug] ?? {}
}

/** A file of the kind the upload collection holds (a different one from what is live). */
async function fileFor(slug: string): Promise<{ bytes: Uint8Array; name: string; type: string }> {
  if (slug === 'brochures') return { bytes: await save(await plainPdf(7)), name: 'reviewed.pdf', type: 'application/pdf' }
  if (slug === 'promo-videos') return { bytes: await fs.readFile(clip), name: 'reviewed.mp4', type: 'video/mp4' }
  return { bytes: await pngOf('#f0f'), name: 'poster.png', type: 'image/png' }
}

function headersOf(caller: Caller, token?: string): Record<string, string> {
  if (caller === 'anonymous') return {}
  if (caller === 'app') return { Authorization: `Bearer ${appKey}` }
  return { Authorization: `JWT ${token}` }
}

async function tokenOf(caller: Caller) {
  return caller === 'anonymous' || caller === 'app' ? undefined : yixun.tokenFor(caller)
}

type Attempt = { name: string; run: () => Promise<unknown> }

function restAttempts(slug: string, caller: Caller): Attempt[] {
  const { config } = yixun.payload.collections[slug as CollectionSlug]
  const call = async (method: string, apiPath: string, body?: unknown) => yixun.rest.request(method, apiPath, { body, headers: headersOf(caller, await tokenOf(caller)) })
  const id = () => targets.get(slug)
  const list: Attempt[] = [
    { name: 'create', run: async () => (config.upload ? uploadAs(caller, slug, 'POST', { ...hostileData(slug), ...(await createData(slug)) }) : call('POST', slug, { ...(await createData(slug)), ...hostileData(slug) })) },
    { name: 'update', run: async () => call('PATCH', `${slug}/${id()}`, hostileData(slug)) },
    { name: 'update-draft', run: async () => call('PATCH', `${slug}/${id()}?draft=true`, { ...hostileData(slug), _status: undefined, workflowState: undefined }) },
    { name: 'bulk-update', run: async () => call('PATCH', `${slug}?where[id][equals]=${id()}`, hostileData(slug)) },
  ]
  if (config.upload) list.push({ name: 'upload-replace', run: async () => uploadAs(caller, `${slug}/${id()}`, 'PATCH', hostileData(slug)) })
  if (config.versions) list.push({ name: 'restore', run: async () => call('POST', `${slug}/versions/${oldVersions.get(slug) ?? id()}?draft=false`) })
  if (!config.disableDuplicate) list.push({ name: 'duplicate', run: async () => call('POST', `${slug}/${id()}/duplicate`, hostileData(slug)) })
  list.push({ name: 'delete', run: async () => call('DELETE', `${slug}/${id()}`) }, { name: 'bulk-delete', run: async () => call('DELETE', `${slug}?where[id][equals]=${id()}`) })
  return list
}

async function uploadAs(caller: Caller, apiPath: string, method: 'POST' | 'PATCH', data: Record<string, unknown>) {
  const slug = apiPath.split('/')[0]
  const role = caller === 'anonymous' || caller === 'app' ? null : caller
  return uploadForm(yixun, role, apiPath, await fileFor(slug), data, { method, headers: caller === 'app' ? headersOf('app') : undefined })
}

/** The live target's own fields (a copy of live content, the strongest thing to try to publish). */
async function createData(slug: string): Promise<Record<string, unknown>> {
  const id = targets.get(slug)
  if (id === undefined) return {}
  const doc = (await yixun.payload.findByID({ collection: slug as CollectionSlug, id, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  if (!doc) return {}
  const { id: _id, createdAt, updatedAt, sizes, url, filename, filesize, thumbnailURL, apiKey, apiKeyHash, ...rest } = doc
  return { ...rest, ...(slug === 'users' ? { email: `copy-${Date.now()}@yixun.local`, password: 'copy-password-2026' } : {}), ...(slug === 'departments' ? { code: `X${Date.now() % 100000}` } : {}) }
}

type GqlType = { kind: string; name: string | null; ofType: GqlType | null }
type GqlMutation = { name: string; args: Array<{ name: string; type: GqlType }>; type: GqlType }
let schema: { mutations: GqlMutation[]; inputs: Map<string, string[]>; collectionOfType: Map<string, string> } | undefined

const typeName = (type: GqlType): string => (type.kind === 'NON_NULL' ? `${typeName(type.ofType!)}!` : type.kind === 'LIST' ? `[${typeName(type.ofType!)}]` : type.name!)
const namedType = (type: GqlType): string => (type.ofType ? namedType(type.ofType) : type.name!)

async function graphqlSchema() {
  if (schema) return schema
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }'
  const { data } = await graphql(
    yixun,
    'admin',
    `{ __schema { mutationType { fields { name args { name type { ${typeRef} } } type { ${typeRef} } } } types { name kind inputFields { name } } } }`,
  )
  const inputs = new Map<string, string[]>()
  for (const type of data!.__schema.types) if (type.kind === 'INPUT_OBJECT') inputs.set(type.name, type.inputFields.map((field: { name: string }) => field.name))
  // Each collection's GraphQL type is its singular name (Notice for notices, WebhookDelivery for webhook-deliveries).
  const plain = (name: string) => name.replace(/[^a-z0-9]/gi, '').toLowerCase()
  const collectionOfType = new Map<string, string>()
  for (const mutation of data!.__schema.mutationType.fields as GqlMutation[]) {
    const type = plain(namedType(mutation.type))
    const slug = Object.keys(yixun.payload.collections).find((candidate) => [type, `${type}s`, type.replace(/y$/, 'ies')].includes(plain(candidate)))
    if (slug) collectionOfType.set(namedType(mutation.type), slug)
  }
  schema = { mutations: data!.__schema.mutationType.fields, inputs, collectionOfType }
  return schema
}

async function graphqlAttempts(slug: string, caller: Caller): Promise<Attempt[]> {
  const { mutations, inputs, collectionOfType } = await graphqlSchema()
  const list: Attempt[] = []
  for (const mutation of mutations) {
    if (AUTH_MUTATION.test(mutation.name) || collectionOfType.get(namedType(mutation.type)) !== slug) continue
    // A create or duplicate copies the stored live document (its data type is the create input).
    const copies = /^(create|duplicate)/.test(mutation.name)
    list.push({
      name: `graphql ${mutation.name}`,
      run: async () => {
        const variables: Record<string, unknown> = {}
        for (const arg of mutation.args) {
          const input = inputs.get(namedType(arg.type))
          if (arg.name === 'id') variables.id = mutation.name.startsWith('restoreVersion') ? (oldVersions.get(slug) ?? targets.get(slug)) : targets.get(slug)
          else if (arg.name === 'data' && input && (arg.type.kind === 'NON_NULL' || !mutation.name.startsWith('duplicate'))) {
            const data = { ...(copies ? await createData(slug) : {}), ...hostileData(slug) }
            variables.data = Object.fromEntries(Object.entries(data).filter(([key, value]) => input.includes(key) && value !== null && (typeof value !== 'object' || (Array.isArray(value) && value.every((item) => typeof item !== 'object')))))
          } else if (arg.name === 'draft') variables.draft = false
        }
        // A collection with no document at all (no webhook sent yet, say) has nothing to aim at.
        if ('id' in variables && variables.id === undefined) return 'no document'
        const declared = mutation.args.filter((arg) => arg.name in variables)
        const signature = declared.length ? `(${declared.map((arg) => `$${arg.name}: ${typeName(arg.type)}`).join(', ')})` : ''
        const call = declared.map((arg) => `${arg.name}: $${arg.name}`).join(', ')
        const who = caller === 'anonymous' ? null : caller === 'app' ? { headers: headersOf('app') } : caller
        const result = await graphql(yixun, who, `mutation${signature} { ${mutation.name}${call ? `(${call})` : ''} { __typename } }`, variables)
        // A request GraphQL itself rejects never reached Payload: it would prove nothing. (A copy of
        // the stored document may not fit GraphQL's input shape; copies only ever make drafts, and
        // the REST and Local API creates send the same copy.)
        if (!copies) for (const error of result.errors ?? []) if (/Variable "|Cannot query|Unknown argument|Expected type|invalid value|Syntax Error/.test(error.message)) malformed.push(`${mutation.name}: ${error.message}`)
        return result
      },
    })
  }
  return list
}

function localAttempts(slug: string, caller: Caller): Attempt[] {
  if (caller === 'app') return []
  const payload: Payload = yixun.payload
  const { config } = payload.collections[slug as CollectionSlug]
  const user = caller === 'anonymous' ? undefined : users.get(caller)
  const common = { collection: slug as CollectionSlug, overrideAccess: false, user, depth: 0 } as const
  const id = () => targets.get(slug)!
  const list: Attempt[] = [
    { name: 'local create', run: async () => payload.create({ ...common, data: { ...(await createData(slug)), ...hostileData(slug) } as never, ...(config.upload ? { file: await localFile(slug) } : {}) }) },
    { name: 'local update', run: async () => payload.update({ ...common, id: id(), data: hostileData(slug) as never }) },
    { name: 'local bulk-update', run: async () => payload.update({ ...common, where: { id: { equals: id() } }, data: hostileData(slug) as never }) },
    { name: 'local delete', run: async () => payload.delete({ ...common, id: id() }) },
  ]
  if (config.upload) list.push({ name: 'local upload-replace', run: async () => payload.update({ ...common, id: id(), data: {} as never, file: await localFile(slug) }) })
  if (config.versions) list.push({ name: 'local restore', run: async () => payload.restoreVersion({ ...common, id: (oldVersions.get(slug) ?? id()) as never }) })
  if (!config.disableDuplicate) list.push({ name: 'local duplicate', run: async () => payload.duplicate({ ...common, id: id() }) })
  return list
}

async function localFile(slug: string) {
  const file = await fileFor(slug)
  return { data: Buffer.from(file.bytes), mimetype: file.type, name: file.name, size: file.bytes.length }
}

describe('no write path changes a feed without an approval', () => {
  it('the snapshot sees a change: an approved edit changes the feed, a direct database write to an image too', async () => {
    const before = await feedSnapshot(yixun)
    const image = targets.get('media')!
    const { alt } = await yixun.payload.findByID({ collection: 'media', id: image, depth: 0 })
    await yixun.payload.db.updateOne({ collection: 'media', id: image, data: { alt: '绕过一切的写入' } })
    expect(await feedSnapshot(yixun)).not.toBe(before)
    await yixun.payload.db.updateOne({ collection: 'media', id: image, data: { alt } })
    expect(await feedSnapshot(yixun)).toBe(before)
  })

  it.each(CALLERS)('for %s: every collection, every REST, GraphQL and Local API write leaves both feeds byte for byte', async (caller) => {
    const changed: string[] = []
    let before = await feedSnapshot(yixun)
    for (const slug of Object.keys(yixun.payload.collections)) {
      if (!(await targetOf(slug))) targets.delete(slug)
      for (const attempt of [...restAttempts(slug, caller), ...(await graphqlAttempts(slug, caller)), ...localAttempts(slug, caller)]) {
        await targetOf(slug)
        const outcome = await attempt.run().then(
          (result) => (result instanceof Response ? result.status : (result as { status?: number; errors?: unknown[] })?.status ?? ((result as { errors?: unknown[] })?.errors ? 'graphql error' : 'ok')),
          (error: { status?: number }) => error?.status ?? 'error',
        )
        attempts++
        const after = await feedSnapshot(yixun)
        const key = `${slug} ${attempt.name.replace(/^(graphql|local) /, '')} ${caller}`
        if (after !== before && !allowedChange(slug, attempt.name, caller)) changed.push(`${attempt.name} on ${slug} as ${caller} (${outcome})`)
        if (outcome === 403 || outcome === 401 || outcome === 409) refusals.push(key)
        before = after
      }
    }
    expect(changed).toEqual([])
  }, 1_200_000)

  it('tried every collection, including Payload\'s own, and every GraphQL mutation of a collection', async () => {
    const { mutations, collectionOfType } = await graphqlSchema()
    const unclassified = mutations.filter((m) => !AUTH_MUTATION.test(m.name) && !collectionOfType.has(namedType(m.type))).map((m) => m.name)
    expect(unclassified).toEqual([])
    expect(malformed).toEqual([])
    expect(Object.keys(yixun.payload.collections)).toEqual(expect.arrayContaining(['payload-locked-documents', 'payload-preferences', 'payload-jobs', ...PUBLISHABLE_COLLECTIONS]))
    expect(attempts).toBeGreaterThan(1000)
    // The live content really was attacked: publishing it, replacing its image and deleting it were refused.
    for (const key of ['notices update admin', 'media upload-replace editor', 'brochures upload-replace admin', 'notices delete admin', 'departments delete admin']) expect(refusals).toContain(key)
  })

  it('an approval is what changes the feed', async () => {
    const before = await feedSnapshot(yixun)
    const id = targets.get('notices') as Id
    await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '审核通过的新标题' } })
    expect(await feedSnapshot(yixun)).toBe(before)
    await makeLive(yixun, 'notices' as PublishableCollection, id)
    const after = await feedSnapshot(yixun)
    expect(after).not.toBe(before)
    expect(after).toContain('审核通过的新标题')
  })
})
