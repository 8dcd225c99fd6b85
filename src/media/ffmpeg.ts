/**
 * The only module that talks to fluent-ffmpeg (archived upstream) or spawns ffprobe, so either can
 * be replaced without touching the pipeline.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import ffmpeg from 'fluent-ffmpeg'

import { locateFfmpeg } from './ffmpegBinaries'

const execFileAsync = promisify(execFile)

export type FfmpegInput = { path: string; options?: string[] }

/** One output file and its options, each flag and each value a separate array element. */
export type FfmpegOutput = { path: string; options: string[] }

export type FfmpegJob = {
  inputs: FfmpegInput[]
  /** A `-filter_complex` graph; outputs pick its labels with `-map [label]`. */
  complexFilter?: string
  outputs: FfmpegOutput[]
  signal?: AbortSignal
  /** Called with how many seconds of media ffmpeg has written so far. */
  onTime?: (seconds: number) => void
}

/** ffmpeg exited with an error; `stderrTail` holds its last lines for logs. */
export class FfmpegError extends Error {
  readonly stderrTail: string

  constructor(message: string, stderrTail: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'FfmpegError'
    this.stderrTail = stderrTail
  }
}

/** Runs one ffmpeg command; resolves when it exits cleanly, rejects with the signal's reason when aborted. */
export async function runFfmpeg({ inputs, complexFilter, outputs, signal, onTime }: FfmpegJob): Promise<void> {
  signal?.throwIfAborted()
  const { ffmpegPath } = await locateFfmpeg()
  signal?.throwIfAborted()

  const command = ffmpeg().setFfmpegPath(ffmpegPath)
  inputs.forEach((input, index) => {
    command.input(input.path)
    // -nostdin: ffmpeg must never wait for keyboard commands on a server.
    const options = [...(index === 0 ? ['-hide_banner', '-nostdin'] : []), ...(input.options ?? [])]
    // The variadic form: fluent-ffmpeg splits a single option string at its space.
    if (options.length) command.inputOptions(...options)
  })
  if (complexFilter) command.complexFilter(complexFilter)
  for (const output of outputs) {
    command.output(output.path)
    if (output.options.length) command.outputOptions(...output.options)
  }

  await new Promise<void>((resolve, reject) => {
    let started = false
    const kill = () => {
      if (started) command.kill('SIGKILL')
    }
    const detach = () => signal?.removeEventListener('abort', kill)
    signal?.addEventListener('abort', kill, { once: true })

    command.on('start', () => {
      started = true
      // The abort may have landed while fluent-ffmpeg was still checking capabilities.
      if (signal?.aborted) command.kill('SIGKILL')
    })
    if (onTime) {
      command.on('progress', (progress: { timemark?: string }) => {
        const seconds = timemarkToSeconds(progress.timemark)
        if (seconds !== null) onTime(seconds)
      })
    }
    command.on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
      detach()
      if (signal?.aborted) return reject(signal.reason)
      reject(new FfmpegError(`ffmpeg failed: ${error.message.split('\n')[0]}`, tail(stderr ?? ''), error))
    })
    command.on('end', () => {
      detach()
      if (signal?.aborted) return reject(signal.reason)
      resolve()
    })
    command.run()
  })
}

export type FfprobeResult = { stdout: string; stderr: string }

/** ffprobe failed to read the file at all; `stderr` says why (for logs). */
export class FfprobeError extends Error {
  readonly stderr: string

  constructor(message: string, stderr: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'FfprobeError'
    this.stderr = stderr
  }
}

/** Runs ffprobe with the given arguments and returns what it printed. */
export async function runFfprobe(args: string[], { signal }: { signal?: AbortSignal } = {}): Promise<FfprobeResult> {
  const { ffprobePath } = await locateFfmpeg()
  try {
    // Packet listings of long videos run to megabytes: allow 64 MB of output.
    const { stdout, stderr } = await execFileAsync(ffprobePath, ['-hide_banner', ...args], { maxBuffer: 64 * 1024 * 1024, signal })
    return { stdout, stderr }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
    throw new FfprobeError(`ffprobe failed: ${tail(stderr, 3) || (error as Error).message}`, stderr, error)
  }
}

/** `00:01:02.50` → 62.5; null for ffmpeg's `N/A` or a negative time at start-up. */
export function timemarkToSeconds(timemark: string | undefined): number | null {
  if (!timemark) return null
  const match = /^(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(timemark.trim())
  if (!match || match[1]) return null
  return Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4])
}

function tail(text: string, lines = 12): string {
  return text.trim().split('\n').slice(-lines).join('\n')
}
