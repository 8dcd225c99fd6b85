/**
 * npm run bench:upload — the server's memory while a 1 GB promo video is uploaded.
 *
 * Starts a Yixun server process (Payload's REST handlers behind node:http, as Next's route hands
 * them the request: a streamed body), streams a generated 1 GB video (raw frames in a MOV, which
 * ffprobe accepts as a complete video) to POST /api/promo-videos as multipart, and samples the
 * server's resident memory every 50 ms. Target: less than 300 MB above its memory before the upload.
 *   BENCH_UPLOAD_MB (default 1024)
 *
 * It does not use `npm start`: the media collections have no migration yet, so their tables exist
 * only in a pushed development schema; the request path through Payload is the same.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'

import { freePort, rssMb, table, tempDatabase } from './bench-helpers'

const EMAIL = 'bench-admin@yixun.local'
const PASSWORD = 'bench-password-2026'

if (process.argv.includes('--serve')) await serve()
else await bench()

/** The server process: Payload on a fresh database, its REST handlers on a port. */
async function serve() {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  await payload.create({ collection: 'users', data: { email: EMAIL, password: PASSWORD, name: 'Bench', roles: ['admin'] } })
  const { token } = await payload.login({ collection: 'users', data: { email: EMAIL, password: PASSWORD } })
  const post = REST_POST(config)
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const request = new Request(url, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } as RequestInit)
      const response = await post(request, { params: Promise.resolve({ slug }) })
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' })
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.writeHead(500)
      res.end(String(error))
    }
  })
  const port = Number(process.env.BENCH_PORT)
  server.listen(port, '127.0.0.1', () => console.log(`ready ${token}`))
}

async function bench() {
  const megabytes = Number(process.env.BENCH_UPLOAD_MB || 1024)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-bench-upload-'))
  const video = path.join(work, 'big.mov')
  // 1280×720 raw UYVY frames are 1.84 MB each: as many frames as the size asks for, at 25 fps.
  const frames = Math.ceil((megabytes * 1024 * 1024) / (1280 * 720 * 2))
  console.log(`Generating a ${megabytes} MB video (${frames} raw 720p frames)…`)
  const made = spawnSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-frames:v', String(frames), '-c:v', 'rawvideo', '-pix_fmt', 'uyvy422', video])
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`)
  const size = fs.statSync(video).size

  const port = await freePort()
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/bench-upload.ts', '--serve'], {
    env: {
      ...process.env,
      BENCH_PORT: String(port),
      DATABASE_URI: tempDatabase(),
      YIXUN_MEDIA_DIR: path.join(work, 'media'),
      YIXUN_SCHEMA_PUSH: 'true',
      YIXUN_JOBS_AUTORUN: 'false',
      YIXUN_MEDIA_WORKER: 'false',
      PAYLOAD_SECRET: 'yixun-bench-secret-0123456789abcdef',
      NODE_ENV: 'test',
      DISABLE_LOGGING: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const token = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString())
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })

  try {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const before = rssMb(child.pid!)
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(child.pid!))
    }, 50)

    const boundary = `----yixun${Date.now()}`
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n` +
        JSON.stringify({ title: '内存测试', audience: 'patient' }) +
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mov"\r\nContent-Type: video/quicktime\r\n\r\n`,
    )
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const started = Date.now()
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/promo-videos',
          headers: { authorization: `JWT ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length },
        },
        (response) => {
          let text = ''
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
        },
      )
      request.on('error', reject)
      request.write(head)
      const file = fs.createReadStream(video)
      file.pipe(request, { end: false })
      file.on('end', () => request.end(tail))
    })
    const seconds = (Date.now() - started) / 1000
    clearInterval(sampler)
    if (status !== 201) throw new Error(`upload answered ${status}: ${body.slice(0, 500)}`)
    const doc = JSON.parse(body).doc
    table([
      {
        upload: `${Math.round(size / 1024 / 1024)} MB`,
        status,
        seconds: seconds.toFixed(1),
        'MB/s': (size / 1024 / 1024 / seconds).toFixed(0),
        'RSS before MB': before,
        'RSS peak MB': peak,
        'rise MB': Math.round((peak - before) * 10) / 10,
        'target MB': '< 300',
      },
    ])
    console.log(`Stored ${doc.filename} (${doc.filesize} bytes, ${doc.source?.durationSeconds} s, ${doc.source?.width}×${doc.source?.height}).`)
    if (peak - before >= 300) process.exitCode = 1
  } finally {
    child.kill('SIGKILL')
    fs.rmSync(work, { recursive: true, force: true })
  }
}
