import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import { promisify } from 'node:util'

import { findOnPath, isExecutable } from './findExecutable'

const execFileAsync = promisify(execFile)

/** Where a binary was found: an env variable, the system PATH, or an optional npm package. */
export type BinarySource = 'env' | 'path' | 'npm'

export type FfmpegBinaries = {
  ffmpegPath: string
  ffprobePath: string
  /** From the first line of `ffmpeg -version`, e.g. `5.1.9-0+deb12u1`. */
  ffmpegVersion: string
  ffprobeVersion: string
  sources: { ffmpeg: BinarySource; ffprobe: BinarySource }
}

type Tool = 'ffmpeg' | 'ffprobe'

const LOOKUP: Record<Tool, { env: string; npmPackage: string }> = {
  ffmpeg: { env: 'FFMPEG_PATH', npmPackage: '@ffmpeg-installer/ffmpeg' },
  ffprobe: { env: 'FFPROBE_PATH', npmPackage: '@ffprobe-installer/ffprobe' },
}

let cached: Promise<FfmpegBinaries> | undefined

/**
 * Finds ffmpeg and ffprobe once per process. Order: FFMPEG_PATH / FFPROBE_PATH, then PATH
 * (Debian's build, preferred), then the optional @ffmpeg-installer / @ffprobe-installer packages.
 */
export function locateFfmpeg(): Promise<FfmpegBinaries> {
  cached ??= locateUncached().catch((error: unknown) => {
    // A failed search is not cached: an operator may install ffmpeg without restarting.
    cached = undefined
    throw error
  })
  return cached
}

/** Drops the cached location so the next call searches again (tests, or after changing env). */
export function forgetFfmpegLocation(): void {
  cached = undefined
}

async function locateUncached(): Promise<FfmpegBinaries> {
  const ffmpeg = await locateTool('ffmpeg')
  const ffprobe = await locateTool('ffprobe')
  const [ffmpegVersion, ffprobeVersion] = await Promise.all([readVersion(ffmpeg.path, 'ffmpeg'), readVersion(ffprobe.path, 'ffprobe')])
  return {
    ffmpegPath: ffmpeg.path,
    ffprobePath: ffprobe.path,
    ffmpegVersion,
    ffprobeVersion,
    sources: { ffmpeg: ffmpeg.source, ffprobe: ffprobe.source },
  }
}

async function locateTool(tool: Tool): Promise<{ path: string; source: BinarySource }> {
  const { env, npmPackage } = LOOKUP[tool]
  const configured = process.env[env]
  if (configured) {
    // A wrong explicit setting must fail loudly rather than quietly fall back to another build.
    if (!(await isExecutable(configured))) throw new Error(`${env}=${configured} is not an executable file`)
    return { path: configured, source: 'env' }
  }
  const onPath = await findOnPath(tool)
  if (onPath) return { path: onPath, source: 'path' }
  const fromNpm = await binaryFromNpmPackage(npmPackage)
  if (fromNpm) return { path: fromNpm, source: 'npm' }
  throw new Error(`${tool} not found: set ${env}, install it on PATH (apt-get install ffmpeg), or install ${npmPackage}`)
}

/** The binary path an optional installer package exports, or null when the package is absent. */
async function binaryFromNpmPackage(specifier: string): Promise<string | null> {
  let exported: { path?: unknown; default?: { path?: unknown } }
  try {
    // A variable specifier keeps bundlers and tsc from requiring the optional package to exist.
    exported = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)
  } catch {
    return null
  }
  const binary = exported.default?.path ?? exported.path
  if (typeof binary !== 'string') return null
  if (await isExecutable(binary)) return binary
  try {
    // npm 11 skips these packages' install scripts, which would have made the binary executable.
    await fs.chmod(binary, 0o755)
  } catch {
    return null
  }
  return (await isExecutable(binary)) ? binary : null
}

async function readVersion(binary: string, tool: Tool): Promise<string> {
  const { stdout } = await execFileAsync(binary, ['-version'], { timeout: 10_000 })
  const version = parseVersionLine(stdout.split('\n')[0] ?? '', tool)
  if (!version) throw new Error(`${binary} -version printed no version line`)
  return version
}

/** `ffmpeg version 5.1.9-0+deb12u1 Copyright …` → `5.1.9-0+deb12u1`. */
export function parseVersionLine(line: string, tool: Tool = 'ffmpeg'): string | null {
  const match = new RegExp(`^${tool} version (\\S+)`).exec(line.trim())
  return match?.[1] ?? null
}
