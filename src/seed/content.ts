import { createLocalReq, type Payload } from 'payload'

import type { Role } from '@/auth/roles'
import type { PublishableCollection, WorkflowState } from '@/workflow/states'
import { expireItem, performTransition } from '@/workflow/transition'

import { demoEmail } from './users'

type Id = number | string
const DAY = 24 * 3600_000

/** A Lexical document of plain paragraphs. */
const body = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      textFormat: 0,
      children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})

type Seed = { author: Role; state: WorkflowState; comment?: string; data: (ctx: { dept: (code: string) => Id; at: (days: number, hour?: number) => string }) => Record<string, unknown> }

const NOTICES: Seed[] = [
  {
    author: 'editor',
    state: 'published',
    data: ({ dept, at }) => ({
      title: '在线复诊续方服务正式上线',
      summary: '慢病复诊患者可在 App 内问诊并续开处方，药品配送到家。',
      audience: 'patient', placement: 'banner', kind: 'feature_launch', pinned: true, priority: 90,
      platforms: ['ios', 'android', 'mini_program'], minAppVersion: '5.3',
      departments: [dept('IHO'), dept('CARD'), dept('GI')], link: 'yixun://consult/revisit',
      publishAt: at(-3, 9), expireAt: at(60, 23),
      body: body('即日起，在本院就诊过的高血压、糖尿病、慢性胃炎等慢病患者，可通过互联网医院进行复诊并续开处方。', '药品由医院药房审核后配送到家，医保患者可在线结算。'),
    }),
  },
  {
    author: 'editor',
    state: 'published',
    data: ({ dept, at }) => ({
      title: '眼科元旦假期停诊通知',
      summary: '1月1日至1月3日眼科门诊及线上问诊暂停，急诊照常。',
      audience: 'patient', placement: 'popup', popupFrequency: 'daily', kind: 'clinic_suspension', priority: 80,
      departments: [dept('OPH')], publishAt: at(-1, 8), expireAt: at(38, 18),
      body: body('元旦假期期间眼科门诊及互联网医院眼科线上问诊暂停，眼外伤等急症请前往急诊科就诊。'),
    }),
  },
  {
    author: 'publicity',
    state: 'approved',
    data: ({ at }) => ({
      title: '医生端排班与停诊申请功能升级',
      summary: '医生可在 App 内直接申请停诊、调班，审批进度实时可见。',
      audience: 'doctor', placement: 'banner', kind: 'feature_launch', priority: 70,
      platforms: ['ios', 'android'], minAppVersion: '5.2', publishAt: at(3, 9), expireAt: at(33, 18),
      body: body('新版本上线后，停诊申请将由科室主任和医务部线上审批，无需再提交纸质单。'),
    }),
  },
  {
    author: 'editor',
    state: 'in_review',
    data: ({ dept, at }) => ({
      title: '儿科夜间门诊时间调整',
      summary: '自下周一起，儿科夜间门诊延长至22:00。',
      audience: 'patient', placement: 'ticker', kind: 'service_change', priority: 60,
      departments: [dept('PED')], publishAt: at(5, 8), expireAt: at(35, 22),
      body: body('冬季呼吸道疾病高发，儿科夜间门诊延长至22:00，线上问诊同步延长。'),
    }),
  },
  {
    author: 'editor',
    state: 'draft',
    data: ({ dept }) => ({
      title: '消化内科胃肠镜预约须知',
      summary: '预约无痛胃肠镜前请完成线上评估。',
      audience: 'patient', placement: 'list', kind: 'general', priority: 40, departments: [dept('GI')],
      body: body('检查前一天晚餐请进食流质，检查当日需有家属陪同。'),
    }),
  },
  {
    author: 'publicity',
    state: 'rejected',
    comment: '请补充医保线上支付适用的险种和开通地区，并附上操作指引链接。',
    data: ({ at }) => ({
      title: '医保线上支付开通',
      summary: '互联网医院复诊费用可使用医保个人账户支付。',
      audience: 'both', placement: 'banner', kind: 'feature_launch', priority: 75, publishAt: at(7, 9),
    }),
  },
  {
    author: 'publicity',
    state: 'withdrawn',
    comment: '疫苗到货时间推迟，活动延期另行通知。',
    data: ({ at }) => ({
      title: '冬季流感疫苗接种预约开启',
      summary: '60岁以上老人及慢病患者可在线预约接种。',
      audience: 'patient', placement: 'list', kind: 'activity', priority: 55, publishAt: at(-2, 9), expireAt: at(20, 18),
    }),
  },
  {
    author: 'publicity',
    state: 'expired',
    data: ({ at }) => ({
      title: '互联网医院国庆假期服务安排',
      summary: '国庆期间线上问诊正常开放，药品配送顺延。',
      audience: 'both', placement: 'list', kind: 'general', priority: 50, publishAt: at(-60, 9), expireAt: at(-50, 23),
    }),
  },
  {
    author: 'publicity',
    state: 'published',
    data: ({ dept, at }) => ({
      title: '护理部“护理质量月”活动通知',
      summary: '欢迎各病区护士长报名分享护理改进案例。',
      audience: 'doctor', placement: 'list', kind: 'activity', priority: 45, departments: [dept('NURS')], publishAt: at(-5, 9), expireAt: at(25, 18),
    }),
  },
  {
    author: 'editor',
    state: 'published',
    data: ({ dept, at }) => ({
      title: '心血管内科专家团队线上出诊安排',
      summary: '每周二、四晚间有主任医师线上出诊。',
      audience: 'patient', placement: 'list', kind: 'general', priority: 50, departments: [dept('CARD')], publishAt: at(-10, 9),
      link: 'https://hospital.example.cn/departments/cardiology/team',
    }),
  },
  {
    author: 'editor',
    state: 'draft',
    data: ({ dept }) => ({
      title: '检验报告线上查询说明',
      summary: '大部分检验报告出具后可在 App 内查看和下载。',
      audience: 'patient', placement: 'list', kind: 'service_change', priority: 30, departments: [dept('IHO')],
    }),
  },
  {
    author: 'publicity',
    state: 'in_review',
    data: ({ at }) => ({
      title: '互联网医院处方审核规则更新',
      summary: '线上处方将增加药师前置审核，请各位医生知悉。',
      audience: 'doctor', placement: 'ticker', kind: 'general', priority: 65, publishAt: at(2, 8), expireAt: at(30, 18),
    }),
  },
]

const EVENTS: Seed[] = [
  {
    author: 'editor',
    state: 'published',
    data: ({ dept, at }) => ({
      title: '心血管内科周六义诊',
      departments: [dept('CARD')], audience: 'patient', mode: 'onsite', address: '门诊大楼一楼大厅',
      sessions: [{ startsAt: at(2, 8), endsAt: at(2, 11), quota: 80 }, { startsAt: at(2, 14), endsAt: at(2, 16), quota: 60 }],
      doctors: [{ name: '王立新', title: '主任医师', department: dept('CARD') }, { name: '赵敏', title: '副主任医师', department: dept('CARD') }],
      registrationLink: 'yixun://events/cardiology-saturday', announceOnHomepage: true, publishAt: at(-1, 9),
      description: body('免费测量血压、血脂，专家现场解读心电图，提供高血压用药咨询。'),
    }),
  },
  {
    author: 'editor',
    state: 'approved',
    data: ({ dept, at }) => ({
      title: '眼科青少年近视筛查义诊',
      departments: [dept('OPH')], audience: 'patient', mode: 'onsite', address: '眼科门诊三楼',
      sessions: [{ startsAt: at(9, 9), endsAt: at(9, 12), quota: 100 }],
      doctors: [{ name: '孙晓光', title: '主任医师', department: dept('OPH') }],
      registrationLink: 'https://hospital.example.cn/events/myopia', announceOnHomepage: true, publishAt: at(4, 9),
    }),
  },
  {
    author: 'publicity',
    state: 'in_review',
    data: ({ dept, at }) => ({
      title: '联合国糖尿病日线上义诊',
      departments: [dept('ENDO')], audience: 'both', mode: 'online',
      sessions: [{ startsAt: at(6, 19), endsAt: at(6, 21), quota: 200 }],
      doctors: [{ name: '李红', title: '主任医师', department: dept('ENDO') }],
      registrationLink: 'yixun://events/diabetes-day', announceOnHomepage: true, publishAt: at(1, 9),
    }),
  },
  {
    author: 'editor',
    state: 'draft',
    data: ({ dept, at }) => ({
      title: '儿科冬季呼吸道疾病线上咨询',
      departments: [dept('PED')], audience: 'patient', mode: 'online',
      sessions: [{ startsAt: at(12, 19), endsAt: at(12, 20), quota: 150 }], announceOnHomepage: true,
    }),
  },
  {
    author: 'editor',
    state: 'rejected',
    comment: '请写明胃癌早筛的适用年龄和是否需要空腹。',
    data: ({ dept, at }) => ({
      title: '消化内科胃癌早筛义诊',
      departments: [dept('GI')], audience: 'patient', mode: 'onsite', address: '内镜中心候诊区',
      sessions: [{ startsAt: at(15, 8), endsAt: at(15, 11), quota: 50 }], announceOnHomepage: true,
    }),
  },
]

/** The steps that bring a new item to its seeded state, taken by the people who would take them. */
const PATH: Record<WorkflowState, Array<{ who: Role; action: 'submit' | 'approve' | 'reject' | 'withdraw' } | 'expire'>> = {
  draft: [],
  in_review: [{ who: 'author' as Role, action: 'submit' }],
  approved: [{ who: 'author' as Role, action: 'submit' }, { who: 'reviewer', action: 'approve' }],
  published: [{ who: 'author' as Role, action: 'submit' }, { who: 'reviewer', action: 'approve' }],
  rejected: [{ who: 'author' as Role, action: 'submit' }, { who: 'reviewer', action: 'reject' }],
  withdrawn: [{ who: 'author' as Role, action: 'submit' }, { who: 'reviewer', action: 'approve' }, { who: 'reviewer', action: 'withdraw' }],
  expired: [{ who: 'author' as Role, action: 'submit' }, { who: 'reviewer', action: 'approve' }, 'expire'],
}

/** Noon-free calendar times in Beijing: `at(2, 9)` is the day after tomorrow, 09:00 Asia/Shanghai. */
function beijingAt(days: number, hour = 9): string {
  const beijingMidnight = new Date(Math.floor((Date.now() + 8 * 3600_000) / DAY) * DAY - 8 * 3600_000)
  return new Date(beijingMidnight.getTime() + days * DAY + hour * 3600_000).toISOString()
}

/** Demo notices and free-clinic events in every state, made through the real workflow. Idempotent by title. */
export async function seedContent(payload: Payload): Promise<{ created: number; skipped: number }> {
  const users = new Map<Role, Record<string, unknown>>()
  for (const role of ['editor', 'publicity', 'reviewer'] as Role[]) {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, limit: 1, depth: 0 })
    users.set(role, { ...docs[0], collection: 'users' })
  }
  const { docs: departments } = await payload.find({ collection: 'departments', limit: 200, depth: 0 })
  const dept = (code: string) => departments.find((d) => d.code === code)!.id
  const reqAs = (role: Role) => createLocalReq({ user: users.get(role) as never }, payload)

  let created = 0
  let skipped = 0
  const plant = async (collection: PublishableCollection, seed: Seed) => {
    const data = seed.data({ dept, at: beijingAt })
    const existing = await payload.find({ collection, where: { title: { equals: data.title } }, draft: true, limit: 1, depth: 0 })
    if (existing.totalDocs > 0) return skipped++
    const doc = await payload.create({ collection, data: data as never, req: await reqAs(seed.author), overrideAccess: false, draft: true })
    for (const step of PATH[seed.state]) {
      if (step === 'expire') {
        await expireItem(await reqAs('reviewer'), collection, doc.id)
        continue
      }
      const who = step.who === ('author' as Role) ? seed.author : step.who
      const comment = step.action === 'reject' || step.action === 'withdraw' ? seed.comment : undefined
      await performTransition(await reqAs(who), { collection, id: doc.id, action: step.action, comment })
    }
    created++
  }
  for (const seed of NOTICES) await plant('notices', seed)
  for (const seed of EVENTS) await plant('free-clinic-events', seed)
  return { created, skipped }
}
