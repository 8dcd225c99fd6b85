import { WORKFLOW_ACTION_LABELS } from '@/workflow/states'

import type { AuditAction } from './recordAudit'

/** Every action an entry can record; typed as a Record so a new AuditAction cannot go unlabelled. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, { zh: string; en: string }> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  ...WORKFLOW_ACTION_LABELS,
  login_failed: { zh: '登录失败', en: 'Login failed' },
  role_change: { zh: '角色变更', en: 'Role change' },
}

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]
