import fs from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The readable API docs for app developers, rendered by Redoc from our OpenAPI document. */
export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>医讯 Yixun · App API</title>
<style>body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}</style>
</head>
<body>
<redoc spec-url="/api/feed/openapi.json" native-scrollbars></redoc>
<script src="/api/feed/docs/redoc.standalone.js"></script>
</body>
</html>
`

let redocScript: Buffer | null = null

/** Redoc's browser bundle, read from node_modules once (served from here: no outside CDN). */
export function redocBundle(): Buffer {
  redocScript ??= fs.readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'))
  return redocScript
}
