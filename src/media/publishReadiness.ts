import type { PayloadRequest } from 'payload'

import { YixunError } from '@/errors'

import { TRANSCODE_STATUS_LABELS } from './transcodeStatus'
import { findTranscode } from './transcodes'
import { requestLanguage } from './uploadedFile'

type Doc = Record<string, any> & { id: number | string }

/**
 * Why an item cannot go live yet because of its media, or null. A promo video goes live only
 * with its uploaded source fully transcoded (the apps would otherwise link to nothing); a
 * brochure only with its cover made. Asked by the workflow on approval and again on going live.
 */
export async function mediaNotReady(req: PayloadRequest, collection: string, working: Doc): Promise<YixunError | null> {
  const language = requestLanguage(req)
  if (collection === 'promo-videos') {
    const transcode = working.filename ? await findTranscode(req.payload, working.id, working.filename, req) : null
    if (transcode?.status === 'ready') return null
    const label = transcode ? TRANSCODE_STATUS_LABELS[transcode.status] : { zh: '未上传', en: 'Not uploaded' }
    const progress = transcode?.status === 'processing' ? ` ${Math.floor(transcode.progress ?? 0)}%` : ''
    return new YixunError(
      'MEDIA_NOT_READY',
      409,
      {
        zh: `视频尚未转码完成（当前：${label.zh}${progress}），完成后才能批准发布。`,
        en: `The video is not ready (transcoding: ${label.en.toLowerCase()}${progress}); it can be approved once it is ready.`,
      },
      language,
    )
  }
  if (collection === 'brochures') {
    if (working.filename && working.pageCount && working.sizes?.thumbnail?.filename) return null
    return new YixunError('MEDIA_NOT_READY', 409, { zh: '宣传册缺少 PDF 或封面，请重新上传 PDF。', en: 'The brochure has no PDF or cover; upload the PDF again.' }, language)
  }
  return null
}
