import { describe, expect, it } from 'vitest'

import { auditedFieldNames, changedFields } from '@/audit/changedFields'
import { withoutSecrets } from '@/audit/withoutSecrets'

const FIELDS = ['title', 'departments', 'sessions', 'meta']

describe('changedFields', () => {
  it('names the fields whose values differ, whatever the key order of nested values', () => {
    const before = { title: '义诊', departments: [1, 2], sessions: [{ id: 'a', quota: 40 }], meta: { a: 1, b: 2 }, updatedAt: '2026-01-01' }
    const after = { title: '周六义诊', departments: [1, 2], sessions: [{ quota: 30, id: 'a' }], meta: { b: 2, a: 1 }, updatedAt: '2026-01-02' }
    expect(changedFields(FIELDS, before, after)).toEqual(['title', 'sessions'])
  })

  it('treats empty values alike and looks only at the named fields', () => {
    expect(changedFields(FIELDS, { departments: null, collection: 'users' }, { departments: [], collection: undefined })).toEqual([])
  })

  it('lists the fields given a value when there is no previous document', () => {
    expect(changedFields(FIELDS, undefined, { title: '新通知', departments: [], meta: null, id: 5 })).toEqual(['title'])
  })
})

describe('auditedFieldNames', () => {
  const fields = ['id', 'title', 'sessions', 'hash', 'loginAttempts', 'updatedAt', 'createdAt'].map((name) => ({ name, type: 'text' }))

  it('leaves out timestamps everywhere and sign-in bookkeeping only in auth collections', () => {
    expect(auditedFieldNames({ auth: undefined, flattenedFields: fields } as never)).toEqual(['title', 'sessions', 'hash', 'loginAttempts'])
    expect(auditedFieldNames({ auth: { maxLoginAttempts: 5 }, flattenedFields: fields } as never)).toEqual(['title'])
  })
})

describe('withoutSecrets', () => {
  it('drops secret-looking keys at any depth and keeps the rest', () => {
    expect(withoutSecrets({ email: 'a@b', password: 'p', nested: [{ resetPasswordToken: 't', keep: true }], apiKey: 'k', Authorization: 'JWT x' })).toEqual({
      email: 'a@b',
      nested: [{ keep: true }],
    })
  })
})
