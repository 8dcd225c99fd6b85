import fs from 'node:fs/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishedBrochureMedia } from '@/media/publishedMedia'

import { act, createAs, departmentId, noticeData, versionsOf } from '../helpers/content'
import { graphql } from '../helpers/graphql'
import { feedSnapshot, liveEventWithPoster, liveNoticeWithImage, makeLive, oldestVersion, pngOf } from '../helpers/liveContent'
import { uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { plainPdf, save } from '../media/pdfFixtures'

let yixun: TestYixun
let mediaDir: string

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('side-doors')
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await fs.rm(mediaDir, { recursive: true, force: true })
})

const codeOf = async (response: Response) => ((await response.json()) as { errors?: Array<{ code?: string }> }).errors?.[0]?.code

describe('restoring an old version', () => {
  it('through REST (the admin Restore button, ?draft=false) makes a draft; the live notice stays as approved', async () => {
    const { notice } = await liveNoticeWithImage(yixun)
    const old = await oldestVersion(yixun, 'notices', notice.id)
    const before = await feedSnapshot(yixun)
    const response = await yixun.rest.post(`notices/versions/${old.id}?draft=false`, { token: await yixun.tokenFor('editor') })
    expect(response.status).toBe(200)
    const { working, live } = await versionsOf(yixun, 'notices', notice.id)
    expect(working).toMatchObject({ title: '旧标题：未经审核的版本', _status: 'draft', workflowState: 'draft' })
    expect(live).toMatchObject({ title: '心血管内科线上复诊开通', workflowState: 'published' })
    expect(await feedSnapshot(yixun)).toBe(before)
  })

  it('does not bring a withdrawn notice back, and restoring from rejected stays a draft', async () => {
    const { notice } = await liveNoticeWithImage(yixun)
    await act(yixun, 'reviewer', 'notices', notice.id, 'withdraw')
    const withdrawn = await feedSnapshot(yixun)
    const { docs } = await yixun.payload.findVersions({ collection: 'notices', where: { and: [{ parent: { equals: notice.id } }, { 'version._status': { equals: 'published' } }] }, limit: 1 })
    expect((await yixun.rest.post(`notices/versions/${docs[0].id}`, { token: await yixun.tokenFor('editor') })).status).toBe(200)
    expect(await feedSnapshot(yixun)).toBe(withdrawn)
    expect((await versionsOf(yixun, 'notices', notice.id)).working).toMatchObject({ _status: 'draft', workflowState: 'draft' })

    const rejected = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '将被驳回' }))
    await act(yixun, 'editor', 'notices', rejected.id, 'submit')
    await act(yixun, 'reviewer', 'notices', rejected.id, 'reject', '请补充时间')
    const first = await oldestVersion(yixun, 'notices', rejected.id)
    expect((await yixun.rest.post(`notices/versions/${first.id}`, { token: await yixun.tokenFor('editor') })).status).toBe(200)
    expect((await versionsOf(yixun, 'notices', rejected.id))).toMatchObject({ working: { workflowState: 'draft', _status: 'draft' }, live: null })
  })

  it('through GraphQL or the Local API is refused unless it asks for a draft (403 RESTORE_AS_DRAFT_ONLY)', async () => {
    const { notice } = await liveNoticeWithImage(yixun)
    const old = await oldestVersion(yixun, 'notices', notice.id)
    const before = await feedSnapshot(yixun)
    const refused = await graphql(yixun, 'editor', `mutation { restoreVersionNotice(id: ${JSON.stringify(old.id)}) { id } }`)
    expect(refused.errors?.[0]?.message).toMatch(/restored as a draft/)
    const editor = (await yixun.payload.find({ collection: 'users', where: { email: { equals: 'editor@yixun.local' } } })).docs[0]
    await expect(yixun.payload.restoreVersion({ collection: 'notices', id: old.id, overrideAccess: false, user: editor })).rejects.toMatchObject({ status: 403, code: 'RESTORE_AS_DRAFT_ONLY' })
    expect(await feedSnapshot(yixun)).toBe(before)
    const asDraft = await graphql(yixun, 'editor', `mutation { restoreVersionNotice(id: ${JSON.stringify(old.id)}, draft: true) { id } }`)
    expect(asDraft.errors).toBeUndefined()
    expect((await versionsOf(yixun, 'notices', notice.id)).working).toMatchObject({ title: '旧标题：未经审核的版本', workflowState: 'draft' })
    expect(await feedSnapshot(yixun)).toBe(before)
  })

  it('of a live brochure keeps serving the reviewed PDF', async () => {
    const first = await uploadForm(yixun, 'editor', 'brochures', { bytes: await save(await plainPdf(2)), name: 'first.pdf', type: 'application/pdf' }, { title: '第一版', audience: 'patient', departments: [await departmentId(yixun, 'CARD')] })
    const id = first.body.doc.id
    const second = await uploadForm(yixun, 'editor', `brochures/${id}`, { bytes: await save(await plainPdf(4)), name: 'second.pdf', type: 'application/pdf' }, { title: '第二版' }, { method: 'PATCH' })
    expect(second.status).toBe(200)
    await makeLive(yixun, 'brochures', id)
    const before = await feedSnapshot(yixun)
    expect((await publishedBrochureMedia(yixun.payload, id))?.pageCount).toBe(4)
    const old = await oldestVersion(yixun, 'brochures', id)
    expect((await yixun.rest.post(`brochures/versions/${old.id}`, { token: await yixun.tokenFor('editor') })).status).toBe(200)
    expect(await feedSnapshot(yixun)).toBe(before)
    expect((await publishedBrochureMedia(yixun.payload, id))?.pageCount).toBe(4)
  })
})

describe('a reviewed file cannot change in place', () => {
  it('keeps serving a live brochure\'s PDF and cover while a new PDF waits for review, even after an earlier draft edit', async () => {
    const created = await uploadForm(yixun, 'editor', 'brochures', { bytes: await save(await plainPdf(2)), name: 'live.pdf', type: 'application/pdf' }, { title: '在线手册', audience: 'patient', departments: [await departmentId(yixun, 'CARD')] })
    const id = created.body.doc.id
    await makeLive(yixun, 'brochures', id)
    const before = await feedSnapshot(yixun)
    expect(before).toContain('live.pdf')
    expect((await yixun.rest.patch(`brochures/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '在线手册（改标题）' } })).status).toBe(200)
    const replaced = await uploadForm(yixun, 'editor', `brochures/${id}`, { bytes: await save(await plainPdf(5)), name: 'live.pdf', type: 'application/pdf' }, {}, { method: 'PATCH' })
    expect(replaced.status).toBe(200)
    expect(await feedSnapshot(yixun)).toBe(before)
    await makeLive(yixun, 'brochures', id)
    expect((await publishedBrochureMedia(yixun.payload, id))?.pageCount).toBe(5)
  })


  it('refuses a new alt text, a new file (REST multipart, GraphQL, Local API) and deletion of an image a live notice shows (409 MEDIA_IN_USE, naming it)', async () => {
    const { notice, image } = await liveNoticeWithImage(yixun)
    const before = await feedSnapshot(yixun)
    const alt = await yixun.rest.patch(`media/${image.id}`, { token: await yixun.tokenFor('editor'), body: { alt: '换掉的替代文字' } })
    expect(alt.status).toBe(409)
    const body = await alt.json()
    expect(body.errors[0].code).toBe('MEDIA_IN_USE')
    expect(body.errors[0].message).toContain('心血管内科线上复诊开通')
    const file = await uploadForm(yixun, 'editor', `media/${image.id}`, { bytes: await pngOf('#f00'), name: 'poster.png', type: 'image/png' }, {}, { method: 'PATCH' })
    expect([file.status, file.body.errors[0].code]).toEqual([409, 'MEDIA_IN_USE'])
    const gql = await graphql(yixun, 'editor', `mutation { updateMedia(id: ${JSON.stringify(image.id)}, data: { alt: "GraphQL 改的" }) { id } }`)
    expect(gql.errors?.[0]?.message).toMatch(/shown by live or reviewed content/)
    const editor = (await yixun.payload.find({ collection: 'users', where: { email: { equals: 'editor@yixun.local' } } })).docs[0]
    await expect(yixun.payload.update({ collection: 'media', id: image.id, data: { alt: 'Local' }, overrideAccess: false, user: editor })).rejects.toMatchObject({ status: 409 })
    const removed = await yixun.rest.delete(`media/${image.id}`, { token: await yixun.tokenFor('admin') })
    expect([removed.status, await codeOf(removed)]).toEqual([409, 'MEDIA_IN_USE'])
    const bulk = await yixun.rest.patch(`media?where[id][equals]=${image.id}`, { token: await yixun.tokenFor('admin'), body: { alt: '批量' } })
    expect(bulk.status).toBe(409)
    expect(await feedSnapshot(yixun)).toBe(before)
    expect(notice.id).toBeDefined()
  })

  it('also protects an event poster and an image under review; an unused image may still be fixed', async () => {
    const { poster } = await liveEventWithPoster(yixun)
    expect((await yixun.rest.patch(`media/${poster.id}`, { token: await yixun.tokenFor('admin'), body: { alt: '改' } })).status).toBe(409)

    const { image } = await liveNoticeWithImage(yixun)
    const draft = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '审核中的通知' }))
    const other = await yixun.payload.create({ collection: 'media', data: { alt: '草稿用图' }, file: { data: await pngOf('#00f'), mimetype: 'image/png', name: 'draft.png', size: 1 } })
    await yixun.rest.patch(`notices/${draft.id}`, { token: await yixun.tokenFor('editor'), body: { image: other.id } })
    // While only a draft uses it, the editor may still fix it.
    expect((await yixun.rest.patch(`media/${other.id}`, { token: await yixun.tokenFor('editor'), body: { alt: '草稿用图（改）' } })).status).toBe(200)
    await act(yixun, 'editor', 'notices', draft.id, 'submit')
    expect((await yixun.rest.patch(`media/${other.id}`, { token: await yixun.tokenFor('editor'), body: { alt: '审核中再改' } })).status).toBe(409)
    expect(image.id).toBeDefined()
  })
})

describe('deleting what the apps show', () => {
  it('refuses deleting a live notice (409 ITEM_IS_LIVE) or a department live content names (409 DEPARTMENT_IN_USE), even for the admin', async () => {
    const { notice } = await liveNoticeWithImage(yixun)
    const before = await feedSnapshot(yixun)
    const token = await yixun.tokenFor('admin')
    const one = await yixun.rest.delete(`notices/${notice.id}`, { token })
    expect([one.status, await codeOf(one)]).toEqual([409, 'ITEM_IS_LIVE'])
    expect((await yixun.rest.delete(`notices?where[id][equals]=${notice.id}`, { token })).status).toBe(409)
    const department = await yixun.rest.delete(`departments/${await departmentId(yixun, 'CARD')}`, { token })
    expect([department.status, await codeOf(department)]).toEqual([409, 'DEPARTMENT_IN_USE'])
    expect(await feedSnapshot(yixun)).toBe(before)
    // Withdrawn first, it may go.
    await act(yixun, 'reviewer', 'notices', notice.id, 'withdraw')
    expect((await yixun.rest.delete(`notices/${notice.id}`, { token })).status).toBe(200)
  })
})

describe('departments of shared content', () => {
  it('an editor limited to departments can neither strip another department from shared content nor edit it (403 DEPARTMENT_OUT_OF_SCOPE)', async () => {
    const [card, resp] = [await departmentId(yixun, 'CARD'), await departmentId(yixun, 'RESP')]
    const shared = await createAs(yixun, 'admin', 'notices', await noticeData(yixun, { title: '两个科室共享', departments: [card, resp] }))
    const strip = await yixun.rest.patch(`notices/${shared.id}`, { token: await yixun.tokenFor('editor'), body: { departments: [card] } })
    expect([strip.status, await codeOf(strip)]).toEqual([403, 'DEPARTMENT_OUT_OF_SCOPE'])
    const swap = await yixun.rest.patch(`notices/${shared.id}`, { token: await yixun.tokenFor('editor'), body: { departments: [resp] } })
    expect(swap.status).toBe(403)
    expect((await versionsOf(yixun, 'notices', shared.id)).working.departments.map(String).sort()).toEqual([card, resp].map(String).sort())
    const edit = await yixun.rest.patch(`notices/${shared.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '越权修改共享内容', departments: [card, resp] } })
    expect([edit.status, await codeOf(edit)]).toEqual([403, 'DEPARTMENT_OUT_OF_SCOPE'])
    const own = await createAs(yixun, 'admin', 'notices', await noticeData(yixun, { title: '本科室内容', departments: [card] }))
    const take = await yixun.rest.patch(`notices/${own.id}`, { token: await yixun.tokenFor('editor'), body: { departments: [card, resp] } })
    expect(take.status).toBe(403)
    expect((await yixun.rest.patch(`notices/${own.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '本科室可以编辑' } })).status).toBe(200)
  })
})

describe('locks and preferences', () => {
  it('refuse a lock or a preference in someone else\'s name, and hide others\' preferences', async () => {
    const users = await yixun.payload.find({ collection: 'users', depth: 0, limit: 10 })
    const reviewer = users.docs.find((u) => u.email === 'reviewer@yixun.local')!
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const token = await yixun.tokenFor('editor')
    const forged = await yixun.rest.post('payload-locked-documents', { token, body: { document: { relationTo: 'notices', value: notice.id }, user: { relationTo: 'users', value: reviewer.id } } })
    expect(forged.status).toBe(403)
    expect((await yixun.payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(0)
    const own = await yixun.rest.post('payload-locked-documents', { token, body: { document: { relationTo: 'notices', value: notice.id }, user: { relationTo: 'users', value: (await yixun.payload.find({ collection: 'users', where: { email: { equals: 'editor@yixun.local' } } })).docs[0].id } } })
    expect(own.status).toBe(201)
    const lockId = (await own.json()).doc.id
    // Someone else may not hand the lock to a third person, nor delete it.
    const moved = await yixun.rest.patch(`payload-locked-documents/${lockId}`, { token: await yixun.tokenFor('publicity'), body: { user: { relationTo: 'users', value: reviewer.id } } })
    expect(moved.status).toBe(403)
    expect((await yixun.rest.delete(`payload-locked-documents/${lockId}`, { token: await yixun.tokenFor('publicity') })).status).not.toBe(200)
    expect((await yixun.payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(1)
    // Payload's "take over": a colleague may move the lock to themselves.
    const publicity = users.docs.find((u) => u.email === 'publicity@yixun.local')!
    expect((await yixun.rest.patch(`payload-locked-documents/${lockId}`, { token: await yixun.tokenFor('publicity'), body: { user: { relationTo: 'users', value: publicity.id } } })).status).toBe(200)
    expect((await yixun.rest.get('payload-locked-documents')).status).toBe(401)

    const pref = await yixun.payload.create({ collection: 'payload-preferences', data: { key: 'nav', value: { open: true } } as never, user: reviewer })
    const read = await yixun.rest.get('payload-preferences', { token })
    expect((await read.json()).docs.map((d: { id: unknown }) => d.id)).not.toContain(pref.id)
    expect(JSON.stringify(await (await yixun.rest.get(`payload-preferences/${pref.id}`, { token })).json())).not.toContain('"open":true')
    const forgedPref = await yixun.rest.post('payload-preferences', { token, body: { key: 'x', value: {}, user: { relationTo: 'users', value: reviewer.id } } })
    expect(forgedPref.status).toBe(403)
    expect((await yixun.rest.patch(`payload-preferences/${pref.id}`, { token, body: { value: { open: false } } })).status).not.toBe(200)
  })
})
