/** Fills a fresh database with live content through the real workflow (for the benchmarks). */
import { createLocalReq, type Payload } from 'payload'

import { seed } from '@/seed'
import { demoEmail } from '@/seed/users'
import { performTransition } from '@/workflow/transition'

async function reqAs(payload: Payload, role: 'publicity' | 'reviewer') {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, depth: 0 })
  return createLocalReq({ user: { ...docs[0], collection: 'users' } as never }, payload)
}

const paragraph = (text: string) => ({ root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }] } })

export async function fillLiveContent(payload: Payload, { notices = 200, events = 20, publishAt }: { notices?: number; events?: number; publishAt?: (i: number) => string | undefined } = {}) {
  await seed(payload, 'bench-password', { content: false })
  const author = await reqAs(payload, 'publicity')
  const reviewer = await reqAs(payload, 'reviewer')
  const placements = ['banner', 'popup', 'ticker', 'list'] as const
  const ids: Array<number | string> = []
  for (let i = 0; i < notices; i++) {
    const doc = await payload.create({
      collection: 'notices',
      data: {
        title: `互联网医院服务公告 ${i + 1}`,
        summary: '复诊续方、检验报告查询、药品配送等服务说明。',
        audience: i % 3 === 0 ? 'both' : 'patient',
        placement: placements[i % 4],
        kind: 'general',
        priority: i % 100,
        pinned: i % 50 === 0,
        publishAt: publishAt?.(i),
        body: paragraph('即日起，在本院就诊过的慢病患者可通过互联网医院复诊续方，药品配送到家。'),
      } as never,
      req: author,
      overrideAccess: false,
      draft: true,
    })
    await performTransition(author, { collection: 'notices', id: doc.id, action: 'submit' })
    await performTransition(reviewer, { collection: 'notices', id: doc.id, action: 'approve' })
    ids.push(doc.id)
  }
  const { docs: departments } = await payload.find({ collection: 'departments', limit: 5, depth: 0 })
  for (let i = 0; i < events; i++) {
    const start = Date.now() + (i + 2) * 86_400_000
    const doc = await payload.create({
      collection: 'free-clinic-events',
      data: {
        title: `义诊活动 ${i + 1}`,
        departments: [departments[i % departments.length].id],
        audience: 'patient',
        mode: i % 2 ? 'online' : 'onsite',
        address: '门诊大楼一楼大厅',
        sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3600_000).toISOString(), quota: 50 }],
        announceOnHomepage: false,
      } as never,
      req: author,
      overrideAccess: false,
      draft: true,
    })
    await performTransition(author, { collection: 'free-clinic-events', id: doc.id, action: 'submit' })
    await performTransition(reviewer, { collection: 'free-clinic-events', id: doc.id, action: 'approve' })
  }
  const app = (await payload.create({ collection: 'app-clients', data: { name: 'bench patient app', feeds: ['patient'], active: true } })) as unknown as { apiKey: string }
  return { ids, appKey: app.apiKey }
}
