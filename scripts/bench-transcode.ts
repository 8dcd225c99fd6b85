/**
 * npm run bench:transcode — what Yixun's media pipeline costs over running ffmpeg by hand.
 *
 * One generated clip (1080p test pattern with a tone) goes through Yixun's transcode (probe, the
 * one-pass 720p + 360p encode, HLS segmenting, poster, poster sizes: what the transcodeVideo task
 * runs) and through the plain ffmpeg CLI with the same settings. Prints CPU seconds (this process
 * and its ffmpeg/ffprobe children), wall time and speed × real time for both, and Yixun's overhead.
 * Target: ≤ 5 % more CPU and wall time than the CLI.
 *   BENCH_SECONDS (clip length, default 20), BENCH_SIZE (default 1920x1080), BENCH_ROUNDS (3), YIXUN_TRANSCODE_PRESET (veryfast)
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { table } from './bench-helpers'

const seconds = Number(process.env.BENCH_SECONDS || 20)
const size = process.env.BENCH_SIZE || '1920x1080'
const rounds = Number(process.env.BENCH_ROUNDS || 3)

const { transcodeVideo, fitInBox, posterTime } = await import('../src/media/transcode')
const { writePosterSizes } = await import('../src/media/posterSizes')
const { locateFfmpeg } = await import('../src/media/ffmpegBinaries')
const { transcodePreset } = await import('../src/media/mediaConfig')
const { probeVideo } = await import('../src/media/probeVideo')

const { ffmpegPath, ffmpegVersion, sources } = await locateFfmpeg()
const preset = transcodePreset()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-bench-transcode-'))
const clip = path.join(work, 'clip.mp4')

console.log(`ffmpeg ${ffmpegVersion} (${sources.ffmpeg}) at ${ffmpegPath}; preset ${preset}; ${cpus()} CPUs`)
console.log(`Generating a ${seconds} s ${size} clip…`)
ffmpeg([
  '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30`,
  '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
  '-t', String(seconds), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k', clip,
])

function cpus() {
  return os.availableParallelism?.() ?? os.cpus().length
}

function ffmpeg(args: string[]) {
  execFileSync(ffmpegPath, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
}

/** CPU seconds used so far by this process and by its children that have exited (Linux /proc). */
function cpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
  // After the command name: utime(12) stime(13) cutime(14) cstime(15), in clock ticks (USER_HZ = 100).
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
  return ticks / 100
}

async function measure(name: string, run: () => Promise<void> | void) {
  const cpu = cpuSeconds()
  const start = process.hrtime.bigint()
  await run()
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  return { name, cpu: cpuSeconds() - cpu, wall }
}

/** The same commands transcode.ts builds (keep in step with it): one encode, two stream-copy HLS cuts, a poster. */
function plainCli(outDir: string, probe: { width: number; height: number; durationSeconds: number }) {
  fs.mkdirSync(outDir, { recursive: true })
  const boxes = [
    { name: '720p', box: { long: 1280, short: 720 }, maxrate: 3000, audio: 128, level: '4.0' },
    { name: '360p', box: { long: 640, short: 360 }, maxrate: 800, audio: 96, level: '3.1' },
  ]
  const sized = boxes.map((spec) => ({ ...spec, ...fitInBox(probe, spec.box) }))
  const graph = `[0:0]split=2[s0][s1];${sized.map(({ width, height, name }, i) => `[s${i}]scale=${width}:${height},setsar=1,format=yuv420p[v${name}]`).join(';')}`
  const outputs = sized.flatMap((spec) => [
    '-map', `[v${spec.name}]`, '-map', '0:a:0?', '-c:v', 'libx264', '-preset', preset, '-profile:v', 'high', '-level:v', spec.level,
    '-crf', '23', '-maxrate', `${spec.maxrate}k`, '-bufsize', `${spec.maxrate * 2}k`, '-force_key_frames', 'expr:gte(t,n_forced*2)',
    '-c:a', 'aac', '-b:a', `${spec.audio}k`, '-ac', '2', '-map_metadata', '-1', '-map_chapters', '-1', '-movflags', '+faststart',
    path.join(outDir, `video-${spec.name}.mp4`),
  ])
  ffmpeg(['-i', clip, '-filter_complex', graph, ...outputs])
  for (const { name } of sized) {
    const dir = path.join(outDir, 'hls', name)
    fs.mkdirSync(dir, { recursive: true })
    ffmpeg(['-i', path.join(outDir, `video-${name}.mp4`), '-map', '0', '-c', 'copy', '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments', '-hls_segment_filename', path.join(dir, 'segment-%03d.ts'), path.join(dir, 'index.m3u8')])
  }
  ffmpeg(['-ss', posterTime(probe.durationSeconds).toFixed(3), '-i', path.join(outDir, 'video-720p.mp4'), '-map', '0:v:0', '-frames:v', '1', '-q:v', '3', '-update', '1', path.join(outDir, 'poster.jpg')])
}

try {
  const probe = await probeVideo(clip)
  // Warm the disk cache and the binaries once, then alternate so background noise falls on both alike.
  plainCli(path.join(work, 'warm'), probe)
  const rows: Array<{ name: string; cpu: number; wall: number }> = []
  for (let round = 0; round < rounds; round++) {
    rows.push(await measure('plain ffmpeg CLI', () => plainCli(path.join(work, `cli-${round}`), probe)))
    rows.push(
      await measure('Yixun pipeline', async () => {
        const outDir = path.join(work, `yixun-${round}`)
        const manifest = await transcodeVideo({ input: clip, outDir, preset, probe: await probeVideo(clip) })
        await writePosterSizes(outDir, manifest.poster)
      }),
    )
  }
  const best = (name: string) => {
    const runs = rows.filter((row) => row.name === name)
    return { cpu: Math.min(...runs.map((r) => r.cpu)), wall: Math.min(...runs.map((r) => r.wall)) }
  }
  const cli = best('plain ffmpeg CLI')
  const yixun = best('Yixun pipeline')
  const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(1)} %`
  table(
    [
      { variant: 'plain ffmpeg CLI', ...cli },
      { variant: 'Yixun pipeline', ...yixun },
    ].map(({ variant, cpu, wall }) => ({
      variant,
      'CPU s': cpu.toFixed(2),
      'wall s': wall.toFixed(2),
      '× real time': (seconds / wall).toFixed(2),
    })),
  )
  console.log(`Yixun overhead: CPU ${pct(yixun.cpu, cli.cpu)}, wall ${pct(yixun.wall, cli.wall)} (target ≤ 5 %); best of ${rounds} runs each, ${seconds} s ${size} clip.`)
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
