import type { PayloadRequest } from 'payload'

import { YixunError } from '@/errors'

type Messages = { zh: string; en: string }

/** A workflow refusal with a stable code, in the caller's language. */
export const workflowError = (req: PayloadRequest, code: string, status: number, messages: Messages, details?: Record<string, unknown>) =>
  new YixunError(code, status, messages, req.i18n?.language ?? req.headers.get('accept-language') ?? undefined, details)
