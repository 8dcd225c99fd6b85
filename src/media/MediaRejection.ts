export type LocalisedMessages = { zh: string; en: string }

/**
 * 415: the upload is the wrong kind of file. 422: it is the right kind but broken or unsafe.
 * 413: it is too large to process safely.
 */
export type MediaRejectionStatus = 413 | 415 | 422

type Rule = { status: MediaRejectionStatus; messages: LocalisedMessages }

const RULES = {
  VIDEO_CONTAINER_NOT_ALLOWED: {
    status: 415,
    messages: { zh: '仅支持 MP4、MOV、M4V 或 WebM 格式的视频。', en: 'Only MP4, MOV, M4V or WebM videos are accepted.' },
  },
  VIDEO_TOO_LARGE: {
    status: 413,
    messages: { zh: '视频文件超过大小上限。', en: 'The video file is larger than the limit.' },
  },
  VIDEO_NO_VIDEO_STREAM: {
    status: 415,
    messages: { zh: '文件中没有视频画面。', en: 'The file contains no video picture.' },
  },
  VIDEO_ZERO_DURATION: {
    status: 422,
    messages: { zh: '视频时长为零，无法播放。', en: 'The video has no duration and cannot be played.' },
  },
  VIDEO_TRUNCATED: {
    status: 422,
    messages: { zh: '视频文件不完整，可能上传中断，请重新上传。', en: 'The video file is incomplete (perhaps an interrupted upload); please upload it again.' },
  },
  VIDEO_UNREADABLE: {
    status: 422,
    messages: { zh: '无法读取该视频文件。', en: 'The video file cannot be read.' },
  },
  PDF_NOT_PDF: {
    status: 415,
    messages: { zh: '该文件不是 PDF。', en: 'The file is not a PDF.' },
  },
  PDF_ENCRYPTED: {
    status: 422,
    messages: { zh: '不接受加密或设有密码的 PDF，请导出未加密版本。', en: 'Encrypted or password-protected PDFs are not accepted; please export an unencrypted copy.' },
  },
  PDF_JAVASCRIPT: {
    status: 422,
    messages: { zh: 'PDF 含有脚本（JavaScript），出于安全原因不予接受。', en: 'The PDF contains scripts (JavaScript) and is refused for safety.' },
  },
  PDF_LAUNCH_ACTION: {
    status: 422,
    messages: { zh: 'PDF 含有启动外部程序的动作，出于安全原因不予接受。', en: 'The PDF contains an action that launches programs and is refused for safety.' },
  },
  PDF_EXTERNAL_ACTION: {
    status: 422,
    messages: {
      zh: 'PDF 含有会自行打开网址、打开其他文件、提交或导入数据的动作，出于安全原因不予接受。',
      en: 'The PDF contains actions that open web addresses or other files, or submit or import data, by themselves, and is refused for safety.',
    },
  },
  PDF_EMBEDDED_FILE: {
    status: 422,
    messages: { zh: 'PDF 内嵌了附件文件，出于安全原因不予接受。', en: 'The PDF carries embedded file attachments and is refused for safety.' },
  },
  PDF_TOO_LARGE: {
    status: 413,
    messages: { zh: 'PDF 文件超过大小上限。', en: 'The PDF file is larger than the limit.' },
  },
  PDF_UNREADABLE: {
    status: 422,
    messages: { zh: '无法读取该 PDF 文件。', en: 'The PDF file cannot be read.' },
  },
  IMAGE_NOT_AN_IMAGE: {
    status: 415,
    messages: { zh: '该文件不是图片。', en: 'The file is not an image.' },
  },
  IMAGE_SVG_REFUSED: {
    status: 415,
    messages: { zh: '出于安全原因不接受 SVG 图片，请上传 PNG 或 JPEG。', en: 'SVG images are refused for safety; please upload a PNG or JPEG.' },
  },
  IMAGE_FORMAT_NOT_ALLOWED: {
    status: 415,
    messages: { zh: '仅支持 JPEG、PNG、WebP、GIF 或 AVIF 图片。', en: 'Only JPEG, PNG, WebP, GIF or AVIF images are accepted.' },
  },
  IMAGE_ANIMATION_TOO_LARGE: {
    status: 422,
    messages: {
      zh: '动图帧数或尺寸过大（最多 100 帧，所有帧合计不超过 2000 万像素），请精简动图或改为上传视频。',
      en: 'The animation has too many frames or pixels (at most 100 frames and 20 megapixels across all frames); shorten it or upload a video instead.',
    },
  },
  IMAGE_TOO_LARGE: {
    status: 413,
    messages: { zh: '图片像素过多，无法处理。', en: 'The image has too many pixels to process.' },
  },
  IMAGE_FILE_TOO_LARGE: {
    status: 413,
    messages: { zh: '图片文件超过大小上限。', en: 'The image file is larger than the limit.' },
  },
  IMAGE_UNREADABLE: {
    status: 422,
    messages: { zh: '图片已损坏，无法读取。', en: 'The image is damaged and cannot be read.' },
  },
} as const satisfies Record<string, Rule>

export type MediaRejectionCode = keyof typeof RULES

export const MEDIA_REJECTION_CODES = Object.keys(RULES) as MediaRejectionCode[]

/**
 * Why an upload was refused. `code` is stable for apps to key on, `messages` are for people,
 * `detail` is technical and for logs only (it may quote tool output, so never show it to users).
 */
export class MediaRejection extends Error {
  readonly code: MediaRejectionCode
  readonly status: MediaRejectionStatus
  readonly messages: LocalisedMessages
  readonly detail?: string

  constructor(code: MediaRejectionCode, options: { detail?: string; cause?: unknown } = {}) {
    const rule: Rule = RULES[code]
    super(`${code}: ${rule.messages.en}${options.detail ? ` (${options.detail})` : ''}`, { cause: options.cause })
    this.name = 'MediaRejection'
    this.code = code
    this.status = rule.status
    this.messages = rule.messages
    this.detail = options.detail
  }

  toJSON(): { code: MediaRejectionCode; status: MediaRejectionStatus; messages: LocalisedMessages } {
    return { code: this.code, status: this.status, messages: this.messages }
  }
}

export function isMediaRejection(error: unknown): error is MediaRejection {
  return error instanceof MediaRejection
}
