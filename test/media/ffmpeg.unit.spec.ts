import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FfmpegError, runFfmpeg, timemarkToSeconds } from '@/media/ffmpeg'

import { ffprobeJson, scratchDir } from './fixtures'

let dir: string
let remove: () => Promise<void>

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('ffmpeg'))
})

afterAll(() => remove())

describe('runFfmpeg', () => {
  it('passes an option value containing spaces as one argument', async () => {
    const out = path.join(dir, 'with title.mp4')
    await runFfmpeg({
      inputs: [{ path: 'testsrc2=size=160x120:rate=10', options: ['-f', 'lavfi', '-t', '0.5'] }],
      outputs: [{ path: out, options: ['-c:v', 'libx264', '-preset', 'ultrafast', '-metadata', 'title=Free clinic day'] }],
    })
    const probe = await ffprobeJson<{ format: { tags?: { title?: string } } }>(out)
    expect(probe.format.tags?.title).toBe('Free clinic day')
  })

  it('rejects with an FfmpegError carrying the end of stderr', async () => {
    const failure = runFfmpeg({ inputs: [{ path: path.join(dir, 'absent.mp4') }], outputs: [{ path: path.join(dir, 'x.mp4'), options: [] }] })
    await expect(failure).rejects.toBeInstanceOf(FfmpegError)
    await expect(failure).rejects.toMatchObject({ stderrTail: expect.stringContaining('absent.mp4') })
  })
})

describe('timemarkToSeconds', () => {
  it("reads ffmpeg's time= values", () => {
    expect(timemarkToSeconds('00:01:02.50')).toBe(62.5)
    expect(timemarkToSeconds('01:00:00.00')).toBe(3600)
    expect(timemarkToSeconds('-00:00:00.04')).toBeNull()
    expect(timemarkToSeconds('N/A')).toBeNull()
    expect(timemarkToSeconds(undefined)).toBeNull()
  })
})
