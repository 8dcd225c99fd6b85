import type { AfterErrorHook } from 'payload'

import { formatSize, largestUpload, UPLOAD_LIMIT_MESSAGE } from './mediaConfig'

/** Payload's own words when a multipart request as a whole runs past `requestSizeLimit`. */
const REQUEST_LIMIT_MESSAGE = 'Multipart request size limit has been reached'

/**
 * An upload stopped at the size limit while it streamed in answers 413 with a stable code and a
 * message people can read (Payload would say "Something went wrong."), like every other refusal.
 */
export const explainUploadLimit: AfterErrorHook = ({ error, req }) => {
  const { status, message } = error as { status?: number; message?: string }
  if (status !== 413 || (message !== UPLOAD_LIMIT_MESSAGE && message !== REQUEST_LIMIT_MESSAGE)) return
  const language = req?.i18n?.language ?? req?.headers?.get?.('accept-language') ?? ''
  const limit = formatSize(largestUpload())
  return {
    status: 413,
    response: {
      errors: [
        {
          code: 'UPLOAD_TOO_LARGE',
          message: language.startsWith('en') ? `The file is larger than the ${limit} limit.` : `文件超过 ${limit} 的上限。`,
        },
      ],
    },
  }
}
