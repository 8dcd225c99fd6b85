import { describe, expect, it } from 'vitest'

import { isMediaRejection, MEDIA_REJECTION_CODES, MediaRejection } from '@/media/MediaRejection'

describe('MediaRejection', () => {
  it.each(MEDIA_REJECTION_CODES)('%s has a status and a message in Chinese and in English', (code) => {
    const rejection = new MediaRejection(code)
    expect([413, 415, 422]).toContain(rejection.status)
    expect(rejection.messages.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(rejection.messages.en).toMatch(/^[\x20-\x7e]+$/)
  })

  it('uses 415 for the wrong kind of file, 422 for broken or unsafe ones, 413 for too large', () => {
    expect(new MediaRejection('VIDEO_CONTAINER_NOT_ALLOWED').status).toBe(415)
    expect(new MediaRejection('IMAGE_SVG_REFUSED').status).toBe(415)
    expect(new MediaRejection('VIDEO_TRUNCATED').status).toBe(422)
    expect(new MediaRejection('PDF_JAVASCRIPT').status).toBe(422)
    expect(new MediaRejection('IMAGE_TOO_LARGE').status).toBe(413)
  })

  it('keeps tool output in `detail` for logs and out of what is sent to clients', () => {
    const cause = new Error('moov atom not found')
    const rejection = new MediaRejection('VIDEO_UNREADABLE', { detail: 'moov atom not found', cause })
    expect(rejection).toBeInstanceOf(Error)
    expect(isMediaRejection(rejection)).toBe(true)
    expect(rejection.cause).toBe(cause)
    expect(rejection.message).toContain('moov atom not found')
    expect(JSON.parse(JSON.stringify(rejection))).toEqual({ code: 'VIDEO_UNREADABLE', status: 422, messages: rejection.messages })
  })
})
