import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** A scratch directory for one test file; remove it with the returned function. */
export async function scratchDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `yixun-media-${label}-`))
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) }
}

export async function ffmpeg(args: string[]): Promise<void> {
  await execFileAsync('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args])
}

export async function ffprobeJson<T = Record<string, unknown>>(file: string, args: string[] = ['-show_format', '-show_streams']): Promise<T> {
  const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', ...args, '-of', 'json', file])
  return JSON.parse(stdout) as T
}

type ClipOptions = {
  size?: string
  seconds?: number
  rate?: number
  audio?: boolean
  /** Extra output options, e.g. codecs or `-movflags +faststart`. */
  output?: string[]
}

/** A test-pattern clip with a 440 Hz tone: H.264/AAC MP4 unless `output` says otherwise. */
export async function makeClip(file: string, { size = '1280x720', seconds = 2, rate = 25, audio = true, output }: ClipOptions = {}): Promise<string> {
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}`,
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440'] : []),
    '-t', String(seconds),
    ...(output ?? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', ...(audio ? ['-c:a', 'aac'] : [])]),
    file,
  ])
  return file
}

/** The first `share` of a file's bytes, as an interrupted upload leaves it. */
export async function cutShort(source: string, target: string, share = 0.5): Promise<string> {
  const bytes = await fs.readFile(source)
  await fs.writeFile(target, bytes.subarray(0, Math.floor(bytes.length * share)))
  return target
}

/** Top-level ISO boxes of an MP4 in file order, e.g. ['ftyp', 'moov', 'mdat']. */
export async function topLevelBoxes(file: string): Promise<string[]> {
  const bytes = await fs.readFile(file)
  const boxes: string[] = []
  for (let offset = 0; offset + 8 <= bytes.length; ) {
    let size = bytes.readUInt32BE(offset)
    boxes.push(bytes.toString('latin1', offset + 4, offset + 8))
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8))
    if (size < 8) break
    offset += size
  }
  return boxes
}

/** Whether a TIFF-structured EXIF block points to a GPS directory (tag 0x8825 in IFD0). */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd0 = u32(4)
  const entries = u16(ifd0)
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true
  return false
}

/** Lists the files under `dir`, relative and sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Child processes of this test process whose command is `name` (to prove ffmpeg was killed). */
export async function childProcesses(name: string): Promise<string[]> {
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)])
    return stdout.split('\n').filter((line) => line.trim().endsWith(` ${name}`))
  } catch {
    return [] // ps exits 1 when there are no children
  }
}
