'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import React from 'react'

import { languageOf } from './language'

const LINKS = [
  { path: '', label: { zh: '工作台', en: 'Dashboard' } },
  { path: '/calendar', label: { zh: '发布日历', en: 'Publishing calendar' } },
  { path: '/statistics', label: { zh: '数据统计', en: 'Statistics' } },
]

/** Links to Yixun's own pages, above the collections in the admin's navigation. */
export const NavLinks: React.FC = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const lang = languageOf(i18n.language)
  const admin = config.routes.admin
  return (
    <div className="yixun-nav-links" style={{ display: 'flex', flexDirection: 'column', marginBottom: 'calc(var(--base) * 1.5)' }}>
      {LINKS.map(({ path, label }) => {
        const href = `${admin}${path}`
        const active = pathname === href
        return (
          <a key={href} className={`nav__link${active ? ' active' : ''}`} href={href} aria-current={active ? 'page' : undefined}>
            <span className="nav__link-label">{label[lang]}</span>
          </a>
        )
      })}
    </div>
  )
}
