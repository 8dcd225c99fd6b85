import type { Metadata, Viewport } from 'next'
import React from 'react'

import '@/preview/ui/appPreview.css'

export const metadata: Metadata = { title: '手机预览 · 医讯 Yixun', robots: { index: false, follow: false } }
export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/** The phone preview's own root layout: a plain page outside Payload's admin (its styles would leak in). */
export default function PreviewLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  )
}
