import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { auditedFieldNames, changedFields } from '@/audit/changedFields'
import { refId } from '@/content/ids'
import { shanghaiDateTime } from '@/content/shanghaiTime'

import { claimVersion, latestVersionMarker } from '../claimVersion'
import { isWorkflowWrite } from '../context'
import { workflowError } from '../errors'
import { REVIEW_FIELD_NAMES } from '../fields'
import type { PublishableCollection } from '../states'

type Id = number | string
type Doc = Record<string, unknown>

const sameInstant = (a: unknown, b: unknown) => {
  const time = new Date(a as string).getTime()
  return !Number.isNaN(time) && time === new Date(b as string).getTime()
}

const workingCopy = (req: PayloadRequest, collection: PublishableCollection, id: Id) =>
  req.payload.findByID({ collection, id, draft: true, depth: 0, req, overrideAccess: true, disableErrors: true }) as Promise<Doc | null>

/** The working copy as it was saved at `updatedAt` (null when unknown or pruned: 50 versions are kept). */
async function versionAt(req: PayloadRequest, collection: PublishableCollection, id: Id, updatedAt: unknown): Promise<Doc | null> {
  const at = new Date(updatedAt as string)
  if (Number.isNaN(at.getTime())) return null
  const { docs } = await req.payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version.updatedAt': { equals: at.toISOString() } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return (docs[0]?.version as unknown as Doc | undefined) ?? null
}

/** Content fields (not review bookkeeping) that differ between two readings of an item. */
function contentChanges(req: PayloadRequest, collection: PublishableCollection, before: Doc, after: Doc): string[] {
  return changedFields(auditedFieldNames(req.payload.collections[collection].config), before, after).filter((name) => !REVIEW_FIELD_NAMES.includes(name))
}

function fieldLabel(req: PayloadRequest, collection: PublishableCollection, name: string, lang: 'zh' | 'en'): string {
  const field = req.payload.collections[collection].config.flattenedFields.find((candidate) => candidate.name === name)
  const label = field && 'label' in field ? field.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return (label as Record<string, string>)[lang] ?? name
  return name
}

/** 409 EDIT_CONFLICT: who changed the item, when (Beijing time), and which of the fields this save sends. */
async function editConflict(req: PayloadRequest, collection: PublishableCollection, current: Doc, changed: string[]) {
  const editorId = refId(current.lastEditedBy)
  const editor = editorId == null ? null : await req.payload.findByID({ collection: 'users', id: editorId, depth: 0, req, overrideAccess: true, disableErrors: true })
  const at = shanghaiDateTime(current.updatedAt as string)
  const who = { zh: editor?.name || editor?.email || '他人', en: editor?.name || editor?.email || 'someone else' }
  const list = (lang: 'zh' | 'en') => changed.map((name) => fieldLabel(req, collection, name, lang)).join(lang === 'zh' ? '、' : ', ')
  return workflowError(
    req,
    'EDIT_CONFLICT',
    409,
    changed.length > 0
      ? {
          zh: `保存失败：${who.zh} 已于 ${at}（北京时间）修改了此内容的 ${list('zh')}，您的修改基于旧版本，保存会覆盖对方的修改。请先复制您的改动，刷新页面后再编辑。`,
          en: `Not saved: ${who.en} changed ${list('en')} at ${at} (Beijing time). Your edit started from an older version and would overwrite that change. Copy your changes, reload and edit again.`,
        }
      : {
          zh: `保存失败：此内容已于 ${at}（北京时间）被他人修改或处理，您的修改基于旧版本。请刷新页面后再编辑。`,
          en: `Not saved: someone else changed or acted on this item at ${at} (Beijing time) and your edit started from an older version. Reload and edit again.`,
        },
    { changedFields: changed, updatedAt: current.updatedAt ?? null, updatedBy: editor ? { id: editor.id, name: editor.name ?? null, email: editor.email } : null },
  )
}

/**
 * Lost edits: two people saving the same item must not silently overwrite each other.
 *
 * A save that says which version it edited — `updatedAt` as last read; the admin's form always
 * sends it — is refused with 409 EDIT_CONFLICT when someone else has since changed a field it
 * sends. Changes to the review state alone (a decision, a reopen) are no edit it could undo, so
 * they do not block it. A save without `updatedAt` (a script that means to overwrite) is allowed.
 *
 * Either way the save claims the version it starts from (claimVersion), here, before Payload
 * writes anything (it drops stale document locks first): of two saves or a save and a workflow
 * step made at the same instant from one version, exactly one commits, the other gets 409.
 */
// Typed for any slug: one hook serves every publishable collection (Payload types hooks per slug).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const refuseStaleEdits: CollectionBeforeOperationHook<any> = async ({ args, collection, operation, req }) => {
  const id = 'id' in args ? (args.id as Id | undefined) : undefined
  // A bulk update (by `where`) names no single version; anonymous requests are refused by access.
  if (operation !== 'update' || id === undefined || id === null || !req.user) return args
  if (isWorkflowWrite(args.req?.context ?? req.context)) return args

  const slug = collection.slug as PublishableCollection
  const marker = await latestVersionMarker(req, slug, id)
  const current = await workingCopy(req, slug, id)
  if (!current) return args // Payload answers 404 itself.
  const data = (args.data ?? {}) as Doc
  const sent = (name: string) => name in data

  if (data.updatedAt != null && !sameInstant(data.updatedAt, current.updatedAt)) {
    const base = await versionAt(req, slug, id, data.updatedAt)
    const overwritten = base ? contentChanges(req, slug, base, current).filter(sent) : null
    if (!overwritten || overwritten.length > 0) throw await editConflict(req, slug, current, overwritten ?? [])
  }
  if (!(await claimVersion(req, slug, id, marker))) {
    // The lost claim ended this transaction; the change that won has committed and can be read.
    const now = (await workingCopy(req, slug, id)) ?? current
    throw await editConflict(req, slug, now, contentChanges(req, slug, current, now).filter(sent))
  }
  return args
}
