'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import React from 'react'

import { hasRole, type Role } from '@/auth/roles'
import type { User } from '@/payload-types'
import { STATS_READERS } from '@/stats/canReadStats'

import { languageOf } from './language'

const LINKS: Array<{ path: string; label: { zh: string; en: string }; roles?: Role[] }> = [
  { path: '', label: { zh: '工作台', en: 'Dashboard' } },
  { path: '/calendar', label: { zh: '发布日历', en: 'Publishing calendar' } },
  // Not shown to whom the page would only refuse (editors).
  { path: '/statistics', label: { zh: '数据统计', en: 'Statistics' }, roles: STATS_READERS },
]

/** Links to Yixun's own pages, above the collections in the admin's navigation. */
export const NavLinks: React.FC = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const { user } = useAuth<User>()
  const lang = languageOf(i18n.language)
  const admin = config.routes.admin
  return (
    <div className="yixun-nav-links" style={{ display: 'flex', flexDirection: 'column', marginBottom: 'calc(var(--base) * 1.5)' }}>
      {LINKS.filter(({ roles }) => !roles || hasRole(user, ...roles)).map(({ path, label }) => {
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
