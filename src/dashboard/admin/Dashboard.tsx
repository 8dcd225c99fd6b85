import type { AdminViewServerProps } from 'payload'
import React from 'react'

/** "What needs me": shown on the admin's home page above the collections (placeholder). */
export const Dashboard: React.FC<AdminViewServerProps> = () => null
