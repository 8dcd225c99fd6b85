import fs from 'node:fs/promises'

import { FfprobeError, runFfprobe } from './ffmpeg'
import { MediaRejection } from './MediaRejection'

/** `mp4` stands for the whole ISO family ffprobe reports together: MP4, MOV, M4V, 3GP. */
export type VideoContainer = 'mp4' | 'webm'

export type VideoProbe = {
  container: VideoContainer
  /** ffprobe's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string
  durationSeconds: number
  /** As the video is shown: rotation and non-square pixels applied (a portrait phone clip is taller than wide). */
  width: number
  height: number
  /** Clockwise degrees a player turns the stored picture. */
  rotation: 0 | 90 | 180 | 270
  /** ffmpeg's index of the picture stream (cover art in MP4s is a video stream too, and skipped). */
  videoStreamIndex: number
  videoCodec: string
  audioCodec: string | null
  hasAudio: boolean
  /** Frames per second, when the container says. */
  frameRate: number | null
  /** Bits per second over the whole file, when known. */
  bitRate: number | null
  sizeBytes: number
}

/** ffprobe's format names that may pass; anything else (jpeg_pipe, image2, avi, tty …) is refused. */
const ISO_FAMILY = 'mov,mp4,m4a,3gp,3g2,mj2'
const MATROSKA_FAMILY = 'matroska,webm'

/** WebM allows only these codecs; a Matroska file with others is a .mkv, which we do not accept. */
const WEBM_VIDEO_CODECS = new Set(['vp8', 'vp9', 'av1'])
const WEBM_AUDIO_CODECS = new Set(['opus', 'vorbis'])

/** How far the last packet may end before the declared duration (s) without calling the file cut. */
const END_TOLERANCE_SECONDS = 0.5
const END_TOLERANCE_SHARE = 0.02

type ProbeStream = {
  index: number
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  sample_aspect_ratio?: string
  avg_frame_rate?: string
  r_frame_rate?: string
  duration?: string
  nb_frames?: string
  nb_read_packets?: string
  disposition?: { attached_pic?: number }
  tags?: { rotate?: string }
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>
}

type ProbeJson = {
  streams?: ProbeStream[]
  format?: { format_name?: string; duration?: string; bit_rate?: string }
}

/**
 * Reads a video with ffprobe and refuses anything the pipeline should not accept: the wrong
 * container (a JPEG renamed .mp4 still probes), no picture, no duration, or a cut-off file.
 * Throws MediaRejection; other errors (missing file, no ffprobe) pass through.
 */
export async function probeVideo(file: string, { signal }: { signal?: AbortSignal } = {}): Promise<VideoProbe> {
  const { size } = await fs.stat(file)
  if (size === 0) throw new MediaRejection('VIDEO_UNREADABLE', { detail: 'empty file' })

  const probe = await readProbe(file, signal)
  const formatName = probe.format?.format_name ?? ''
  const streams = probe.streams ?? []
  const container = await containerOf(file, formatName, streams)

  const video = streams.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1)
  if (!video) throw new MediaRejection('VIDEO_NO_VIDEO_STREAM')
  const audio = streams.find((stream) => stream.codec_type === 'audio')

  const durationSeconds = positiveNumber(probe.format?.duration) ?? positiveNumber(video.duration)
  if (!durationSeconds) throw new MediaRejection('VIDEO_ZERO_DURATION')

  await assertComplete(file, video, durationSeconds, signal)

  const rotation = rotationOf(video)
  const { width, height } = displaySize(video, rotation)
  return {
    container,
    formatName,
    durationSeconds,
    width,
    height,
    rotation,
    videoStreamIndex: video.index,
    videoCodec: video.codec_name ?? 'unknown',
    audioCodec: audio?.codec_name ?? null,
    hasAudio: Boolean(audio),
    frameRate: frameRateOf(video),
    bitRate: positiveNumber(probe.format?.bit_rate),
    sizeBytes: size,
  }
}

async function readProbe(file: string, signal?: AbortSignal): Promise<ProbeJson> {
  try {
    // -count_packets demuxes the whole file (no decoding) so a cut-off file shows missing packets.
    const { stdout } = await runFfprobe(['-v', 'error', '-count_packets', '-show_format', '-show_streams', '-of', 'json', file], { signal })
    const probe = JSON.parse(stdout) as ProbeJson
    if (!probe.format) throw new MediaRejection('VIDEO_UNREADABLE', { detail: 'ffprobe found no container' })
    return probe
  } catch (error) {
    if (!(error instanceof FfprobeError)) throw error
    // A non-fast-start MP4 cut short loses its index (moov) and ffprobe cannot open it at all.
    if (await isoBoxRunsPastEnd(file)) throw new MediaRejection('VIDEO_TRUNCATED', { detail: 'an MP4 box runs past the end of the file', cause: error })
    throw new MediaRejection('VIDEO_UNREADABLE', { detail: error.stderr.trim().split('\n').slice(-2).join(' '), cause: error })
  }
}

async function containerOf(file: string, formatName: string, streams: ProbeStream[]): Promise<VideoContainer> {
  if (formatName === ISO_FAMILY) {
    // ffprobe reports 3GP (old feature phones) with MP4; its brand tells them apart.
    const brand = await isoMajorBrand(file)
    if (brand?.startsWith('3g')) throw new MediaRejection('VIDEO_CONTAINER_NOT_ALLOWED', { detail: `3GP (brand ${brand})` })
    return 'mp4'
  }
  if (formatName === MATROSKA_FAMILY) {
    if ((await matroskaDocType(file)) !== 'webm') {
      throw new MediaRejection('VIDEO_CONTAINER_NOT_ALLOWED', { detail: 'Matroska (.mkv), not WebM' })
    }
    const foreign = streams.find(
      (stream) =>
        (stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1 && !WEBM_VIDEO_CODECS.has(stream.codec_name ?? '')) ||
        (stream.codec_type === 'audio' && !WEBM_AUDIO_CODECS.has(stream.codec_name ?? '')),
    )
    if (foreign) throw new MediaRejection('VIDEO_CONTAINER_NOT_ALLOWED', { detail: `WebM with ${foreign.codec_name} is not real WebM` })
    return 'webm'
  }
  throw new MediaRejection('VIDEO_CONTAINER_NOT_ALLOWED', { detail: `container ${formatName || 'unknown'}` })
}

/**
 * Refuses a file whose packets stop early. MP4 declares its frame count, so counted packets must
 * reach it; WebM declares none, so the last packet must end near the declared duration.
 */
async function assertComplete(file: string, video: ProbeStream, durationSeconds: number, signal?: AbortSignal): Promise<void> {
  const declared = positiveNumber(video.nb_frames)
  if (declared) {
    const read = Number(video.nb_read_packets ?? 0)
    if (read < declared) throw new MediaRejection('VIDEO_TRUNCATED', { detail: `read ${read} of ${declared} declared video frames` })
    return
  }
  const lastEnd = await lastPacketEnd(file, signal)
  const tolerance = Math.max(END_TOLERANCE_SECONDS, durationSeconds * END_TOLERANCE_SHARE)
  if (lastEnd === null || lastEnd < durationSeconds - tolerance) {
    throw new MediaRejection('VIDEO_TRUNCATED', { detail: `packets end at ${lastEnd ?? 0}s of ${durationSeconds}s` })
  }
}

/** When the last packet of any stream ends (s), or null when none has a timestamp. */
async function lastPacketEnd(file: string, signal?: AbortSignal): Promise<number | null> {
  const { stdout } = await runFfprobe(['-v', 'error', '-show_entries', 'packet=pts_time,dts_time,duration_time', '-of', 'compact=p=0', file], { signal })
  let end: number | null = null
  for (const line of stdout.split('\n')) {
    const fields = Object.fromEntries(line.split('|').map((pair) => pair.split('=') as [string, string]))
    const start = finiteNumber(fields.pts_time) ?? finiteNumber(fields.dts_time)
    if (start === null) continue
    const packetEnd = start + (finiteNumber(fields.duration_time) ?? 0)
    if (end === null || packetEnd > end) end = packetEnd
  }
  return end
}

const ISO_FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid'])

/**
 * Walks the top-level ISO boxes (MP4/MOV): true when one claims more bytes than the file holds,
 * which is what an interrupted upload or copy leaves behind.
 */
export async function isoBoxRunsPastEnd(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r')
  try {
    const { size } = await handle.stat()
    const header = Buffer.alloc(16)
    let offset = 0
    for (let boxes = 0; offset < size && boxes < 100_000; boxes++) {
      const { bytesRead } = await handle.read(header, 0, 16, offset)
      if (bytesRead < 8) return true
      const type = header.toString('latin1', 4, 8)
      if (boxes === 0 && !ISO_FIRST_BOXES.has(type)) return false
      let boxSize = header.readUInt32BE(0)
      if (boxSize === 1) {
        if (bytesRead < 16) return true
        boxSize = Number(header.readBigUInt64BE(8))
      }
      if (boxSize === 0) return false // runs to the end of the file by definition
      if (boxSize < 8) return false // malformed, not a truncation: let ffprobe's verdict stand
      if (offset + boxSize > size) return true
      offset += boxSize
    }
    return false
  } finally {
    await handle.close()
  }
}

/** The major brand of an ISO file's leading `ftyp` box (e.g. `isom`, `qt  `, `3gp5`), or null. */
async function isoMajorBrand(file: string): Promise<string | null> {
  const handle = await fs.open(file, 'r')
  try {
    const header = Buffer.alloc(12)
    const { bytesRead } = await handle.read(header, 0, 12, 0)
    return bytesRead === 12 && header.toString('latin1', 4, 8) === 'ftyp' ? header.toString('latin1', 8, 12) : null
  } finally {
    await handle.close()
  }
}

/** The EBML DocType of a Matroska file (`webm` or `matroska`), read from its header. */
async function matroskaDocType(file: string): Promise<string | null> {
  const handle = await fs.open(file, 'r')
  try {
    const header = Buffer.alloc(256)
    const { bytesRead } = await handle.read(header, 0, header.length, 0)
    const bytes = header.subarray(0, bytesRead)
    if (bytes.readUInt32BE(0) !== 0x1a45dfa3) return null
    const at = bytes.indexOf(Buffer.from([0x42, 0x82]), 4) // DocType element id
    if (at < 0) return null
    const length = readVint(bytes, at + 2)
    if (!length) return null
    return bytes.toString('latin1', at + 2 + length.width, at + 2 + length.width + length.value)
  } finally {
    await handle.close()
  }
}

/** An EBML variable-length integer: its width comes from the leading zero bits of the first byte. */
function readVint(bytes: Buffer, at: number): { value: number; width: number } | null {
  const first = bytes[at]
  if (first === undefined || first === 0) return null
  const width = Math.clz32(first) - 23
  if (width > 8 || at + width > bytes.length) return null
  let value = first & (0xff >> width)
  for (let i = 1; i < width; i++) value = value * 256 + bytes[at + i]!
  return { value, width }
}

function rotationOf(video: ProbeStream): VideoProbe['rotation'] {
  const matrix = video.side_data_list?.find((data) => typeof data.rotation === 'number')?.rotation
  const degrees = matrix ?? Number(video.tags?.rotate ?? 0)
  // ffprobe reports the display matrix counter-clockwise (-90 for a phone held upright).
  const clockwise = ((Math.round(-degrees / 90) * 90) % 360 + 360) % 360
  return clockwise as VideoProbe['rotation']
}

function displaySize(video: ProbeStream, rotation: VideoProbe['rotation']): { width: number; height: number } {
  const codedWidth = video.width ?? 0
  const height = video.height ?? 0
  const [sarNum, sarDen] = (video.sample_aspect_ratio ?? '1:1').split(':').map(Number)
  const width = sarNum && sarDen ? Math.round((codedWidth * sarNum) / sarDen) : codedWidth
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height }
}

function frameRateOf(video: ProbeStream): number | null {
  for (const rate of [video.avg_frame_rate, video.r_frame_rate]) {
    const [num, den] = (rate ?? '').split('/').map(Number)
    if (num && den) return num / den
  }
  return null
}

function finiteNumber(value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'N/A') return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

function positiveNumber(value: string | undefined): number | null {
  const number = finiteNumber(value)
  return number !== null && number > 0 ? number : null
}
