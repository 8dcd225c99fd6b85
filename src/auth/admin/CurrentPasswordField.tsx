'use client'

import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import React from 'react'

/**
 * The current password, typed hidden like any password. Payload's PasswordField demands a value
 * by default; this one may stay empty (saving one's name needs no password) — the server asks for
 * it only when the password changes (collections/Users/hooks/checkNewPassword.ts).
 */
export const CurrentPasswordField: TextFieldClientComponent = (props) => (
  <PasswordField {...(props as React.ComponentProps<typeof PasswordField>)} autoComplete="current-password" validate={() => true} />
)
