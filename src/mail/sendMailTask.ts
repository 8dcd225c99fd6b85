import type { TaskConfig } from 'payload'

/** Sends one queued mail. STUB: the mail work fills it in. */
export const sendMailTask: TaskConfig<'sendMail'> = {
  slug: 'sendMail',
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'textarea' },
  ],
  handler: async () => ({ output: {} }),
}
