import { describe, expect, it } from 'vitest'

import { safeUploadName } from '@/media/uploadedFile'

describe('safeUploadName', () => {
  it('drops bidirectional overrides and isolates, so "gpj.exe" cannot pass for "exe.jpg"', () => {
    for (const mark of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(safeUploadName(`invoice${mark}gpj.exe.jpg`, 'jpg')).toBe('invoice-gpj.exe.jpg')
    }
  })

  it('drops zero-width characters, byte order marks, C0 and C1 controls and line separators', () => {
    expect(safeUploadName('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u0000g\u0007h\u0085i\u009Fj\u2028k\u2029l.png', 'png')).toBe('a-b-c-d-e-f-g-h-i-j-k-l.png')
  })

  it('keeps Chinese names readable', () => {
    expect(safeUploadName('高血压 手册（2026）.pdf', 'pdf')).toBe('高血压-手册（2026）.pdf')
  })
})
