/** The admin speaks Chinese unless someone chose English (Payload's `i18n.language`, or its language cookie). */
export type Lang = 'zh' | 'en'

export const languageOf = (value: string | null | undefined): Lang => (value?.startsWith('en') ? 'en' : 'zh')
