import type { TestYixun } from './yixun'

/** A patient app and a doctor app with fresh keys (shown once at creation). */
export async function createApps(yixun: TestYixun) {
  const make = async (name: string, feeds: Array<'patient' | 'doctor'>) => {
    const doc = (await yixun.payload.create({ collection: 'app-clients', data: { name, feeds, active: true } })) as unknown as { id: number | string; apiKey: string }
    return { id: doc.id, key: doc.apiKey }
  }
  return { patient: await make('患者端（测试）', ['patient']), doctor: await make('医生端（测试）', ['doctor']) }
}
