import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { forgetFfmpegLocation, locateFfmpeg, parseVersionLine } from '@/media/ffmpegBinaries'

import { scratchDir } from './fixtures'

const saved = { PATH: process.env.PATH, FFMPEG_PATH: process.env.FFMPEG_PATH, FFPROBE_PATH: process.env.FFPROBE_PATH }
let dir: string
let remove: () => Promise<void>

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('binaries'))
})

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  forgetFfmpegLocation()
})

afterAll(() => remove())

describe('locateFfmpeg', () => {
  it("finds the system's ffmpeg and ffprobe on PATH and reads their versions", async () => {
    delete process.env.FFMPEG_PATH
    delete process.env.FFPROBE_PATH
    const found = await locateFfmpeg()
    expect(found.sources).toEqual({ ffmpeg: 'path', ffprobe: 'path' })
    expect(path.basename(found.ffmpegPath)).toBe('ffmpeg')
    expect(path.basename(found.ffprobePath)).toBe('ffprobe')
    expect(found.ffmpegVersion).toMatch(/^n?\d+\.\d+/)
    expect(found.ffprobeVersion).toBe(found.ffmpegVersion)
  })

  it('looks once per process and hands back the same answer', async () => {
    expect(await locateFfmpeg()).toBe(await locateFfmpeg())
  })

  it('prefers FFMPEG_PATH / FFPROBE_PATH over PATH', async () => {
    const ffmpeg = path.join(dir, 'my-ffmpeg')
    await fs.symlink((await locateFfmpeg()).ffmpegPath, ffmpeg)
    forgetFfmpegLocation()
    process.env.FFMPEG_PATH = ffmpeg
    const found = await locateFfmpeg()
    expect(found).toMatchObject({ ffmpegPath: ffmpeg, sources: { ffmpeg: 'env', ffprobe: 'path' } })
  })

  it('fails loudly when FFMPEG_PATH names something that cannot run, instead of quietly using another build', async () => {
    process.env.FFMPEG_PATH = path.join(dir, 'missing-ffmpeg')
    await expect(locateFfmpeg()).rejects.toThrow(/FFMPEG_PATH=.*missing-ffmpeg/)
  })

  it('says how to install ffmpeg when neither PATH nor the optional npm packages have it', async () => {
    delete process.env.FFMPEG_PATH
    process.env.PATH = dir
    await expect(locateFfmpeg()).rejects.toThrow(/ffmpeg not found.*@ffmpeg-installer\/ffmpeg/)
  })

  it('does not cache a failure: a later call finds ffmpeg once it is there', async () => {
    process.env.PATH = dir
    await expect(locateFfmpeg()).rejects.toThrow()
    process.env.PATH = saved.PATH
    await expect(locateFfmpeg()).resolves.toMatchObject({ sources: { ffmpeg: 'path' } })
  })
})

describe('parseVersionLine', () => {
  it('reads Debian, release and git-build version lines', () => {
    expect(parseVersionLine('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers')).toBe('5.1.9-0+deb12u1')
    expect(parseVersionLine('ffmpeg version N-92722-gf22fcd4483-static https://johnvansickle.com/ffmpeg/')).toBe('N-92722-gf22fcd4483-static')
    expect(parseVersionLine('ffprobe version 6.1 Copyright', 'ffprobe')).toBe('6.1')
    expect(parseVersionLine('something else')).toBeNull()
  })
})
