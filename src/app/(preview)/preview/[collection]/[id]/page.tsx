import config from '@payload-config'
import { cookies, headers } from 'next/headers'
import { getPayload } from 'payload'
import React from 'react'

import { previewAudience, previewPath } from '@/preview/links'
import { languageOf } from '@/preview/presentation'
import { isPreviewCollection, loadPreview } from '@/preview/previewData'
import { LivePreview } from '@/preview/ui/LivePreview'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ collection: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const TEXT = {
  signIn: { zh: '请先登录医讯管理后台，再打开预览。', en: 'Sign in to the Yixun admin to see this preview.' },
  signInLink: { zh: '登录', en: 'Sign in' },
  notFound: { zh: '找不到该内容，或您无权查看。', en: 'No such item, or you may not see it.' },
}

/**
 * /preview/<collection>/<id>?audience=patient|doctor — staff only: how the latest version of an
 * item looks in the patient or doctor app. Data comes from loadPreview (src/preview/previewData.ts).
 */
export default async function PreviewPage({ params, searchParams }: Props) {
  const [{ collection, id }, query, cookieStore] = await Promise.all([params, searchParams, cookies()])
  const lang = languageOf(cookieStore.get('payload-lng')?.value)
  const audience = previewAudience(Array.isArray(query.audience) ? query.audience[0] : query.audience)
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })

  if (!user) {
    const back = isPreviewCollection(collection) ? previewPath(collection, id, audience) : '/admin'
    return (
      <div className="yx-message" data-testid="preview-sign-in">
        <p>{TEXT.signIn[lang]}</p>
        <a href={`${payload.config.routes.admin}/login?redirect=${encodeURIComponent(back)}`}>{TEXT.signInLink[lang]}</a>
      </div>
    )
  }
  const data = isPreviewCollection(collection) ? await loadPreview(payload, { collection, id, user, audience }) : null
  if (!data) {
    return (
      <div className="yx-message" data-testid="preview-not-found">
        <p>{TEXT.notFound[lang]}</p>
      </div>
    )
  }
  return <LivePreview initialData={data} lang={lang} />
}
