'use client'

import { useLivePreview } from '@payloadcms/live-preview-react'
import React, { useCallback, useRef } from 'react'

import type { Lang } from '../presentation'
import type { PreviewData } from '../previewData'
import { AppPreview } from './AppPreview'

type RequestHandler = NonNullable<Parameters<typeof useLivePreview>[0]['requestHandler']>

/**
 * The preview page's live part: in the admin's Live Preview pane it re-renders from the edit
 * form as the editor types. Payload posts the form values here; they go to our preview endpoint,
 * which shapes them exactly as the feed would (so no shaping runs in the browser). Opened on its
 * own (a reviewer's new tab) it simply shows the server's data.
 */
export const LivePreview: React.FC<{ initialData: PreviewData; lang: Lang }> = ({ initialData, lang }) => {
  const lastGood = useRef(initialData)
  const { collection, id, audience } = initialData

  const requestHandler = useCallback<RequestHandler>(
    async ({ data, serverURL }) => {
      const response = await fetch(`${serverURL}/api/${collection}/${encodeURIComponent(id)}/preview?audience=${audience}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: data.data }),
      }).catch(() => null)
      // A refused or failed update (signed out, half-typed value) keeps the last good preview on screen.
      if (response?.ok) lastGood.current = (await response.json()) as PreviewData
      return Response.json(lastGood.current)
    },
    [collection, id, audience],
  )

  const { data } = useLivePreview<PreviewData>({
    initialData,
    serverURL: typeof window === 'undefined' ? '' : window.location.origin,
    depth: 1,
    requestHandler,
  })
  return <AppPreview data={data} lang={lang} />
}
