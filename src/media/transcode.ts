import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { runFfmpeg } from './ffmpeg'
import { probeVideo, type VideoProbe } from './probeVideo'

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow'

export type TranscodeOptions = {
  input: string
  /** Created (or replaced) in one rename when everything is ready; never seen half-written. */
  outDir: string
  /** Whole percent, 0–100, only ever rising; 100 once outDir holds the result. */
  onProgress?: (percent: number) => void
  /** Aborting kills ffmpeg and removes everything written so far. */
  signal?: AbortSignal
  /** libx264 preset; `veryfast` encodes 1080p→720p at ~3× real time on two cores. */
  preset?: X264Preset
  /** A probe the caller already made, to skip probing again. */
  probe?: VideoProbe
}

export type RenditionName = '360p' | '720p'

export type HlsRendition = {
  name: RenditionName
  /** Relative to outDir, e.g. `hls/720p/index.m3u8`. */
  playlist: string
  width: number
  height: number
  /** Peak bits per second of a segment, as the master playlist declares it. */
  bandwidth: number
  averageBandwidth: number
  codecs: string
  segmentCount: number
  /** The variant playlist's EXT-X-VERSION, which the master playlist matches. */
  hlsVersion: number
}

export type ManifestFile = { path: string; bytes: number }

export type TranscodeManifest = {
  durationSeconds: number
  /** Size of video-720p.mp4 and of the poster. */
  width: number
  height: number
  mp4: string
  poster: string
  hlsMaster: string
  renditions: HlsRendition[]
  /** Every file in outDir, paths relative to it with `/` separators. */
  files: ManifestFile[]
}

export const MP4_FILE = 'video-720p.mp4'
export const POSTER_FILE = 'poster.jpg'
export const HLS_MASTER_FILE = 'hls/master.m3u8'

type RenditionSpec = {
  name: RenditionName
  /** The box the picture must fit in, landscape; portrait pictures fit the box turned upright. */
  box: { long: number; short: number }
  maxrateKbps: number
  audioKbps: number
  /** H.264 level: 4.0 covers 1280×720 at 60 fps, 3.1 covers 640×360 at 60 fps. */
  level: '4.0' | '3.1'
}

const RENDITIONS: RenditionSpec[] = [
  { name: '720p', box: { long: 1280, short: 720 }, maxrateKbps: 3000, audioKbps: 128, level: '4.0' },
  { name: '360p', box: { long: 640, short: 360 }, maxrateKbps: 800, audioKbps: 96, level: '3.1' },
]

/** Seconds per HLS segment; keyframes are forced every half segment so all renditions cut alike. */
const SEGMENT_SECONDS = 4
const MAX_FRAME_RATE = 60
const AAC_LC = 'mp4a.40.2'

/** Share of the total progress each step takes, from timings on two cores (the encode dominates). */
const STEP_WEIGHTS = { encode: 88, hls: 7, poster: 3 } as const

/**
 * Turns an accepted upload into what the apps play: an H.264/AAC fast-start MP4 at up to 720p,
 * HLS at 360p and 720p with a hand-written master playlist, and a JPEG poster. A source below a
 * rendition's size is never enlarged: that rendition keeps the source size (so a 480p upload
 * gives a 480p "720p" rendition and the paths stay the same for every video).
 */
export async function transcodeVideo({ input, outDir, onProgress, signal, preset = 'veryfast', probe }: TranscodeOptions): Promise<TranscodeManifest> {
  const report = progressReporter(onProgress)
  report(0)
  signal?.throwIfAborted()
  const source = probe ?? (await probeVideo(input, { signal }))

  const target = path.resolve(outDir)
  await fs.mkdir(path.dirname(target), { recursive: true })
  // A sibling directory, so the final rename stays on one file system and is atomic.
  const staging = await fs.mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.partial-`))
  let published = false
  try {
    const sizes = RENDITIONS.map((spec) => ({ spec, ...fitInBox(source, spec.box) }))
    const workDir = path.join(staging, '.work')
    await fs.mkdir(workDir)
    const mp4Of = (name: RenditionName) => (name === '720p' ? path.join(staging, MP4_FILE) : path.join(workDir, `video-${name}.mp4`))

    await encodeRenditions({ input, source, sizes, preset, mp4Of, signal, onShare: (share) => report(STEP_WEIGHTS.encode * share) })

    let done: number = STEP_WEIGHTS.encode
    const renditions: HlsRendition[] = []
    for (const { spec, width, height } of sizes) {
      const dir = path.join(staging, 'hls', spec.name)
      await segmentForHls(mp4Of(spec.name), dir, signal)
      renditions.push(await describeRendition(staging, spec, { width, height }, source.hasAudio))
      done += STEP_WEIGHTS.hls / sizes.length
      report(done)
    }
    await fs.rm(workDir, { recursive: true, force: true })

    await writePoster(path.join(staging, MP4_FILE), path.join(staging, POSTER_FILE), posterTime(source.durationSeconds), signal)
    report(STEP_WEIGHTS.encode + STEP_WEIGHTS.hls + STEP_WEIGHTS.poster)

    // Smallest first: players that start with the first variant begin quickly and climb.
    const ascending = [...renditions].sort((a, b) => a.width * a.height - b.width * b.height || a.bandwidth - b.bandwidth)
    await fs.writeFile(path.join(staging, HLS_MASTER_FILE), masterPlaylist(ascending))

    const files = await listFiles(staging)
    // mkdtemp makes the directory private (0700); the published one must be readable by the web server.
    await fs.chmod(staging, 0o755)
    signal?.throwIfAborted()
    await publishDirectory(staging, target)
    published = true
    report(100)

    const mp4 = sizes.find(({ spec }) => spec.name === '720p')!
    return {
      durationSeconds: source.durationSeconds,
      width: mp4.width,
      height: mp4.height,
      mp4: MP4_FILE,
      poster: POSTER_FILE,
      hlsMaster: HLS_MASTER_FILE,
      renditions: ascending,
      files,
    }
  } finally {
    if (!published) await fs.rm(staging, { recursive: true, force: true })
  }
}

/**
 * The largest even size that fits the box (turned upright for portrait) without enlarging:
 * 1920×1080 → 1280×720, 1080×1920 → 720×1280, 640×480 → 640×480 for 720p.
 */
export function fitInBox(source: { width: number; height: number }, box: { long: number; short: number }): { width: number; height: number } {
  const landscape = source.width >= source.height
  const maxWidth = landscape ? box.long : box.short
  const maxHeight = landscape ? box.short : box.long
  const scale = Math.min(1, maxWidth / source.width, maxHeight / source.height)
  return { width: even(source.width * scale), height: even(source.height * scale) }
}

/** Rounds away float noise (1080 × ⅔ = 719.99…) first, then down to even so nothing grows. */
function even(value: number): number {
  return Math.max(2, Math.floor(Math.round(value) / 2) * 2)
}

/**
 * One ffmpeg run decodes the source once and encodes every rendition to MP4; HLS is then cut
 * from those by stream copy, so the 720p picture is encoded once for both the MP4 and HLS.
 */
async function encodeRenditions({
  input,
  source,
  sizes,
  preset,
  mp4Of,
  signal,
  onShare,
}: {
  input: string
  source: VideoProbe
  sizes: Array<{ spec: RenditionSpec; width: number; height: number }>
  preset: X264Preset
  mp4Of: (name: RenditionName) => string
  signal?: AbortSignal
  onShare: (share: number) => void
}): Promise<void> {
  // ffmpeg turns a rotated phone clip upright before this graph, so sizes are display sizes.
  const capFrameRate = source.frameRate && source.frameRate > MAX_FRAME_RATE ? `fps=${MAX_FRAME_RATE},` : ''
  const labels = sizes.map(({ spec }) => `v${spec.name}`)
  const branches = sizes.map(({ width, height }, i) => `[s${i}]scale=${width}:${height},setsar=1,format=yuv420p[${labels[i]}]`)
  const graph = `[0:${source.videoStreamIndex}]${capFrameRate}split=${sizes.length}${sizes.map((_, i) => `[s${i}]`).join('')};${branches.join(';')}`

  await runFfmpeg({
    inputs: [{ path: input }],
    complexFilter: graph,
    outputs: sizes.map(({ spec }, i) => ({ path: mp4Of(spec.name), options: h264Options(spec, labels[i]!, preset) })),
    signal,
    onTime: (seconds) => onShare(Math.min(1, seconds / source.durationSeconds)),
  })
}

function h264Options(spec: RenditionSpec, label: string, preset: X264Preset): string[] {
  return [
    '-map', `[${label}]`,
    '-map', '0:a:0?',
    '-c:v', 'libx264',
    '-preset', preset,
    '-profile:v', 'high',
    '-level:v', spec.level,
    '-crf', '23',
    '-maxrate', `${spec.maxrateKbps}k`,
    '-bufsize', `${spec.maxrateKbps * 2}k`,
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS / 2})`,
    '-c:a', 'aac',
    '-b:a', `${spec.audioKbps}k`,
    '-ac', '2',
    // Phone clips carry the recording place and device in their metadata; none of it is published.
    '-map_metadata', '-1',
    '-map_chapters', '-1',
    '-movflags', '+faststart',
  ]
}

async function segmentForHls(mp4: string, dir: string, signal?: AbortSignal): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  await runFfmpeg({
    inputs: [{ path: mp4 }],
    outputs: [
      {
        path: path.join(dir, 'index.m3u8'),
        options: [
          '-map', '0',
          '-c', 'copy',
          '-f', 'hls',
          '-hls_time', String(SEGMENT_SECONDS),
          '-hls_playlist_type', 'vod',
          '-hls_flags', 'independent_segments',
          '-hls_segment_filename', path.join(dir, 'segment-%03d.ts'),
        ],
      },
    ],
    signal,
  })
}

/** Bandwidth figures come from the segments actually written, not from the encoder's targets. */
async function describeRendition(
  root: string,
  spec: RenditionSpec,
  size: { width: number; height: number },
  hasAudio: boolean,
): Promise<HlsRendition> {
  const playlist = `hls/${spec.name}/index.m3u8`
  const { segments, version } = await readMediaPlaylist(path.join(root, playlist))
  const rates = segments.map(({ seconds, bytes }) => ({ seconds, bps: (bytes * 8) / seconds }))
  // A tail segment of a few frames is one keyframe and would claim a peak the stream never holds.
  const steady = rates.filter(({ seconds }) => seconds >= 1)
  const peak = Math.max(...(steady.length ? steady : rates).map(({ bps }) => bps))
  const totalSeconds = segments.reduce((sum, { seconds }) => sum + seconds, 0)
  const totalBits = segments.reduce((sum, { bytes }) => sum + bytes * 8, 0)
  return {
    name: spec.name,
    playlist,
    width: size.width,
    height: size.height,
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil(totalBits / totalSeconds),
    codecs: [avc1Codec(spec.level), ...(hasAudio ? [AAC_LC] : [])].join(','),
    segmentCount: segments.length,
    hlsVersion: version,
  }
}

/** RFC 6381 name of x264's High profile output at `level`: avc1.64 00 <level×10 in hex>. */
export function avc1Codec(level: string): string {
  const levelIdc = Math.round(Number(level) * 10)
  return `avc1.6400${levelIdc.toString(16).padStart(2, '0')}`
}

async function readMediaPlaylist(playlistFile: string): Promise<{ segments: Array<{ seconds: number; bytes: number }>; version: number }> {
  const text = await fs.readFile(playlistFile, 'utf8')
  const version = Number(/^#EXT-X-VERSION:(\d+)/m.exec(text)?.[1] ?? 3)
  const lines = text.split('\n').map((line) => line.trim())
  const segments: Array<{ seconds: number; bytes: number }> = []
  for (let i = 0; i < lines.length; i++) {
    const match = /^#EXTINF:([\d.]+)/.exec(lines[i]!)
    const uri = lines[i + 1]
    if (!match || !uri || uri.startsWith('#')) continue
    const { size } = await fs.stat(path.join(path.dirname(playlistFile), uri))
    segments.push({ seconds: Number(match[1]), bytes: size })
  }
  if (!segments.length) throw new Error(`${playlistFile} lists no segments`)
  return { segments, version }
}

export function masterPlaylist(renditions: HlsRendition[]): string {
  // Validators warn when the master claims an older version than its media playlists.
  const version = Math.max(3, ...renditions.map((rendition) => rendition.hlsVersion))
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${version}`, '#EXT-X-INDEPENDENT-SEGMENTS']
  for (const rendition of renditions) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${rendition.bandwidth},AVERAGE-BANDWIDTH=${rendition.averageBandwidth},` +
        `RESOLUTION=${rendition.width}x${rendition.height},CODECS="${rendition.codecs}"`,
      path.posix.relative('hls', rendition.playlist),
    )
  }
  return `${lines.join('\n')}\n`
}

/** At 1 s, or at 10 % of a clip shorter than 10 s: the very first frame is often black. */
export function posterTime(durationSeconds: number): number {
  return Math.min(1, durationSeconds * 0.1)
}

async function writePoster(mp4: string, poster: string, atSeconds: number, signal?: AbortSignal): Promise<void> {
  await runFfmpeg({
    inputs: [{ path: mp4, options: ['-ss', atSeconds.toFixed(3)] }],
    outputs: [{ path: poster, options: ['-map', '0:v:0', '-frames:v', '1', '-q:v', '3', '-update', '1'] }],
    signal,
  })
}

async function listFiles(root: string, dir = root): Promise<ManifestFile[]> {
  const files: ManifestFile[] = []
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(root, full)))
    else files.push({ path: path.relative(root, full).split(path.sep).join('/'), bytes: (await fs.stat(full)).size })
  }
  return files.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Moves the finished staging directory to `target`. An earlier result (a retried job) is swapped
 * out first and deleted afterwards, so readers see the old set or the new one, never a mix.
 */
async function publishDirectory(staging: string, target: string): Promise<void> {
  const previous = `${target}.replaced-${randomBytes(4).toString('hex')}`
  let hadPrevious = true
  try {
    await fs.rename(target, previous)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    hadPrevious = false
  }
  try {
    await fs.rename(staging, target)
  } catch (error) {
    if (hadPrevious) await fs.rename(previous, target).catch(() => {})
    throw error
  }
  if (hadPrevious) await fs.rm(previous, { recursive: true, force: true })
}

function progressReporter(onProgress?: (percent: number) => void): (percent: number) => void {
  let last = -1
  return (percent) => {
    // 100 is kept for the moment the result is in place.
    const whole = percent >= 100 ? 100 : Math.min(99, Math.floor(percent))
    if (whole <= last) return
    last = whole
    onProgress?.(whole)
  }
}
