import React from 'react'

import type { FeedEvent, FeedImage, FeedNotice } from '@/feed/buildFeed'

import { PREVIEW_AUDIENCES, previewPath } from '../links'
import {
  APP_LOOK,
  AUDIENCE_LABELS,
  beijingTime,
  displayWindowText,
  durationText,
  KIND_LABELS,
  type Lang,
  notShownText,
  PLACEMENT_LABELS,
  POPUP_FREQUENCY_LABELS,
  safeLink,
} from '../presentation'
import type { PreviewData, PreviewItem } from '../previewData'
import { HlsVideo } from './HlsVideo'

const TEXT = {
  heading: { zh: '手机预览', en: 'Phone preview' },
  latest: { zh: '显示的是最新版本（审核中的内容），不是线上版本。', en: 'Shows the latest version (the one under review), not the live one.' },
  home: { zh: '首页', en: 'Home' },
  notices: { zh: '医院公告', en: 'Hospital notices' },
  detail: { zh: '点开后的详情页', en: 'Detail page (after a tap)' },
  placement: { zh: '展示位置', en: 'Placement' },
  window: { zh: '展示时间', en: 'Shown' },
  frequency: { zh: '弹出频率', en: 'Shown' },
  pinned: { zh: '置顶', en: 'Pinned' },
  more: { zh: '查看详情', en: 'Details' },
  close: { zh: '关闭', en: 'Close' },
  linkTo: { zh: '跳转', en: 'Opens' },
  platforms: { zh: '仅限平台', en: 'Platforms' },
  minVersion: { zh: '最低版本', en: 'Minimum app version' },
  wholeHospital: { zh: '全院', en: 'Whole hospital' },
  events: { zh: '义诊活动', en: 'Free clinics' },
  onsite: { zh: '线下义诊', en: 'On site' },
  online: { zh: '线上义诊', en: 'Online' },
  doctors: { zh: '出诊医生', en: 'Doctors' },
  sessions: { zh: '场次', en: 'Sessions' },
  quota: { zh: '名额', en: 'places' },
  noSessions: { zh: '尚未填写场次', en: 'No sessions yet' },
  register: { zh: '立即报名', en: 'Register' },
  videos: { zh: '健康视频', en: 'Health videos' },
  videoPending: { zh: '视频尚不能播放，转码状态：', en: 'The video cannot play yet. Transcoding: ' },
  brochures: { zh: '宣传册', en: 'Brochures' },
  pages: { zh: '页', en: 'pages' },
  readPdf: { zh: '阅读 PDF', en: 'Read the PDF' },
  noFile: { zh: '尚未上传文件', en: 'No file uploaded yet' },
  untitled: { zh: '（未填写标题）', en: '(no title yet)' },
}

type Props = { data: PreviewData; lang: Lang }

/**
 * The item inside a phone-sized patient or doctor app, drawn from what the feed would send
 * (see previewData.ts): a notice where its placement puts it, then its detail page; an event card
 * with its sessions; the video player; the brochure cover. A thin renderer: no data logic here.
 */
export const AppPreview: React.FC<Props> = ({ data, lang }) => {
  const look = APP_LOOK[data.audience]
  return (
    <main className="yx-preview" data-testid="app-preview" data-audience={data.audience} data-collection={data.collection} style={{ ['--app' as string]: look.colour, ['--app-tint' as string]: look.tint }}>
      <header className="yx-toolbar">
        <strong>{TEXT.heading[lang]}</strong>
        <nav className="yx-switch" aria-label={TEXT.heading[lang]}>
          {PREVIEW_AUDIENCES.map((audience) => (
            <a
              key={audience}
              href={previewPath(data.collection, data.id, audience)}
              aria-current={audience === data.audience ? 'page' : undefined}
              data-testid={`preview-switch-${audience}`}
            >
              {AUDIENCE_LABELS[audience][lang]}
            </a>
          ))}
        </nav>
        <span className="yx-state" data-testid="preview-state">
          {data.stateLabel[lang]}
        </span>
      </header>
      <p className="yx-hint">{TEXT.latest[lang]}</p>
      <div className="yx-phone">
        <div className="yx-statusbar" aria-hidden="true">
          <span>9:41</span>
          <span>▮▮▮ 5G ▭</span>
        </div>
        <div className="yx-appbar">{look.name[lang]}</div>
        {!data.shownInApp && (
          <p className="yx-not-shown" role="note" data-testid="preview-audience-note">
            {notShownText(data.audience, lang)}
          </p>
        )}
        <div className="yx-screen">
          <Item item={data.item} lang={lang} />
        </div>
      </div>
    </main>
  )
}

const Item: React.FC<{ item: PreviewItem; lang: Lang }> = ({ item, lang }) => {
  switch (item.kind) {
    case 'notice':
      return <Notice notice={item.notice} lang={lang} />
    case 'event':
      return <EventCard event={item.event} lang={lang} />
    case 'video':
      return (
        <section className="yx-section">
          <h2 className="yx-section-title">{TEXT.videos[lang]}</h2>
          {item.media ? (
            <HlsVideo hls={item.media.hls} mp4={item.media.mp4} poster={item.media.poster} label={item.video.title} />
          ) : (
            <div className="yx-video-pending" data-testid="preview-video-pending">
              {TEXT.videoPending[lang]}
              {item.transcode.label[lang]}
            </div>
          )}
          <Title text={item.video.title} lang={lang} />
          <p className="yx-meta">
            {item.media ? durationText(item.media.durationSeconds) : null}
            {item.video.tags.map((tag) => (
              <span key={tag} className="yx-tag">
                {tag}
              </span>
            ))}
          </p>
          {item.video.description && <p className="yx-text">{item.video.description}</p>}
          <Window window={item.video.displayWindow} lang={lang} />
        </section>
      )
    case 'brochure':
      return (
        <section className="yx-section">
          <h2 className="yx-section-title">{TEXT.brochures[lang]}</h2>
          {item.media?.cover.length ? (
            <picture className="yx-cover">
              <source type="image/webp" srcSet={item.media.cover.map((size) => `${size.webp} ${size.width}w`).join(', ')} sizes="343px" />
              <img src={item.media.cover[0]!.jpeg} srcSet={item.media.cover.map((size) => `${size.jpeg} ${size.width}w`).join(', ')} sizes="343px" alt={item.brochure.title} data-testid="preview-cover" />
            </picture>
          ) : (
            <div className="yx-video-pending">{TEXT.noFile[lang]}</div>
          )}
          <Title text={item.brochure.title} lang={lang} />
          {item.media && (
            <p className="yx-meta">
              {item.media.pageCount} {TEXT.pages[lang]} ·{' '}
              <a href={item.media.pdf} target="_blank" rel="noopener noreferrer" data-testid="preview-pdf">
                {TEXT.readPdf[lang]}
              </a>
            </p>
          )}
          {item.brochure.description && <p className="yx-text">{item.brochure.description}</p>}
          <Window window={item.brochure.displayWindow} lang={lang} />
        </section>
      )
  }
}

const Title: React.FC<{ text: string | null | undefined; lang: Lang; as?: 'h3' | 'h4' }> = ({ text, lang, as: Tag = 'h3' }) => (
  <Tag className="yx-title" data-testid="preview-title">
    {text?.trim() ? text : TEXT.untitled[lang]}
  </Tag>
)

const Window: React.FC<{ window: { start: string | null; end: string | null }; lang: Lang }> = ({ window, lang }) => (
  <p className="yx-meta" data-testid="preview-window">
    {TEXT.window[lang]}：{displayWindowText(window, lang)}
  </p>
)

const Picture: React.FC<{ image: FeedImage; className: string }> = ({ image, className }) =>
  image ? <img className={className} src={image.sizes.card ?? image.sizes.thumbnail ?? image.url} alt={image.alt} data-testid="preview-image" /> : null

/** A fake home screen around the notice, so its placement can be judged in context. */
const Notice: React.FC<{ notice: FeedNotice; lang: Lang }> = ({ notice, lang }) => {
  const link = safeLink(notice.link)
  const kind = KIND_LABELS[notice.kind]?.[lang]
  const placement = notice.placement
  return (
    <>
      <section className="yx-section yx-home" data-testid="preview-placement" data-placement={placement}>
        <p className="yx-meta">
          {TEXT.placement[lang]}：{PLACEMENT_LABELS[placement]?.[lang] ?? placement}
          {placement === 'popup' && notice.popupFrequency && ` · ${TEXT.frequency[lang]}：${POPUP_FREQUENCY_LABELS[notice.popupFrequency]?.[lang] ?? notice.popupFrequency}`}
        </p>
        {placement === 'ticker' && (
          <div className="yx-ticker">
            <span aria-hidden="true">📢</span>
            <div className="yx-ticker-track">
              <span className="yx-ticker-text">{notice.title}</span>
            </div>
          </div>
        )}
        {placement === 'banner' ? (
          <div className="yx-banner" style={notice.image ? { backgroundImage: `url("${(notice.image.sizes.card ?? notice.image.url).replace(/"/g, '%22')}")` } : undefined}>
            <div className="yx-banner-caption">
              {kind && <span className="yx-tag yx-tag-light">{kind}</span>}
              <Title text={notice.title} lang={lang} />
              {notice.summary && <p>{notice.summary}</p>}
            </div>
            <div className="yx-dots" aria-hidden="true">
              <i className="on" />
              <i />
              <i />
            </div>
          </div>
        ) : (
          <div className="yx-banner yx-placeholder" aria-hidden="true" />
        )}
        <div className="yx-shortcuts" aria-hidden="true">
          {['挂号', '问诊', '报告', '处方'].map((name) => (
            <span key={name}>{name}</span>
          ))}
        </div>
        <h2 className="yx-section-title">{TEXT.notices[lang]}</h2>
        {placement === 'list' ? (
          <article className="yx-list-item">
            <div>
              {notice.pinned && <span className="yx-tag">{TEXT.pinned[lang]}</span>}
              {kind && <span className="yx-tag">{kind}</span>}
            </div>
            <Title text={notice.title} lang={lang} as="h4" />
            {notice.summary && <p className="yx-text yx-clamp">{notice.summary}</p>}
            <p className="yx-meta">{beijingTime(notice.displayWindow.start, lang)}</p>
          </article>
        ) : (
          <div className="yx-list-item yx-placeholder" aria-hidden="true" />
        )}
        {placement === 'popup' && (
          <div className="yx-popup-backdrop">
            <div className="yx-popup" role="dialog" aria-label={notice.title}>
              <span className="yx-popup-close" aria-label={TEXT.close[lang]}>
                ×
              </span>
              <Picture image={notice.image} className="yx-popup-image" />
              <Title text={notice.title} lang={lang} />
              {notice.summary && <p className="yx-text">{notice.summary}</p>}
              <span className="yx-button">{TEXT.more[lang]}</span>
            </div>
          </div>
        )}
      </section>
      <section className="yx-section yx-detail" data-testid="preview-detail">
        <h2 className="yx-section-title">{TEXT.detail[lang]}</h2>
        <Picture image={notice.image} className="yx-wide-image" />
        <Title text={notice.title} lang={lang} as="h4" />
        {notice.summary && <p className="yx-text yx-summary">{notice.summary}</p>}
        {/* bodyHtml is the feed's sanitised HTML (src/content/richText.ts): no scripts, handlers, styles or javascript: links. */}
        {notice.bodyHtml && <div className="yx-body" dangerouslySetInnerHTML={{ __html: notice.bodyHtml }} />}
        {link && (
          <p className="yx-meta">
            {TEXT.linkTo[lang]}：<code>{link}</code>
          </p>
        )}
        <p className="yx-meta">{notice.departments.length ? notice.departments.map((d) => d.name).join('、') : TEXT.wholeHospital[lang]}</p>
        {notice.platforms.length > 0 && (
          <p className="yx-meta">
            {TEXT.platforms[lang]}：{notice.platforms.join(' / ')}
            {notice.minAppVersion && ` · ${TEXT.minVersion[lang]} ${notice.minAppVersion}`}
          </p>
        )}
        <Window window={notice.displayWindow} lang={lang} />
      </section>
    </>
  )
}

const EventCard: React.FC<{ event: FeedEvent; lang: Lang }> = ({ event, lang }) => (
  <section className="yx-section">
    <h2 className="yx-section-title">{TEXT.events[lang]}</h2>
    <article className="yx-event" data-testid="preview-event">
      <Picture image={event.poster} className="yx-wide-image" />
      <span className="yx-tag">{event.mode === 'online' ? TEXT.online[lang] : TEXT.onsite[lang]}</span>
      <Title text={event.title} lang={lang} />
      {event.address && <p className="yx-meta">📍 {event.address}</p>}
      {event.departments.length > 0 && <p className="yx-meta">{event.departments.map((d) => d.name).join('、')}</p>}
      {event.doctors.length > 0 && (
        <p className="yx-text">
          {TEXT.doctors[lang]}：{event.doctors.map((d) => [d.name, d.title].filter(Boolean).join(' ')).join('，')}
        </p>
      )}
      <h4 className="yx-subtitle">{TEXT.sessions[lang]}</h4>
      {event.sessions.length ? (
        <ul className="yx-sessions" data-testid="preview-sessions">
          {event.sessions.map((session) => (
            <li key={`${session.startsAt}-${session.endsAt}`}>
              <span>
                {beijingTime(session.startsAt, lang)} – {beijingTime(session.endsAt, lang).slice(-5)}
              </span>
              <span>
                {session.quota} {TEXT.quota[lang]}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="yx-meta">{TEXT.noSessions[lang]}</p>
      )}
      {event.registrationLink && <span className="yx-button">{TEXT.register[lang]}</span>}
      {event.descriptionHtml && <div className="yx-body" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />}
      <Window window={event.displayWindow} lang={lang} />
    </article>
  </section>
)
