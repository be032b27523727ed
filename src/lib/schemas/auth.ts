import { z } from 'zod';
import { ZDisplayName, ZEmail, ZOptionalTotpCode, ZOrgNumber, ZPassword, ZToken, ZTotpCode } from './fields';
import { ZOrganisationKind } from './admin';

export const ZLoginForm = z.object({
  email: ZEmail,
  password: z
    .string({ message: 'validation.required' })
    .min(1, { message: 'validation.required' })
    .max(256, { message: 'validation.passwordLength' }),
  code: ZOptionalTotpCode
});
export type TLoginForm = z.infer<typeof ZLoginForm>;

const passwordsMatch = <T extends { password: string; passwordConfirm: string }>(v: T) =>
  v.password === v.passwordConfirm;
const mismatch = { message: 'validation.passwordMismatch', path: ['passwordConfirm'] };

export const ZSetupForm = z
  .object({
    token: ZToken,
    organisationName: ZDisplayName,
    organisationKind: ZOrganisationKind,
    orgNumber: ZOrgNumber.optional().default(''),
    displayName: ZDisplayName,
    email: ZEmail,
    password: ZPassword,
    passwordConfirm: z.string({ message: 'validation.required' }),
    totpSecret: z.string().regex(/^[A-Z2-7]{32}$/, { message: 'validation.invalid' }),
    code: ZTotpCode
  })
  .refine(passwordsMatch, mismatch);
export type TSetupForm = z.infer<typeof ZSetupForm>;

export const ZInviteAcceptForm = z
  .object({
    token: ZToken,
    displayName: ZDisplayName,
    password: ZPassword,
    passwordConfirm: z.string({ message: 'validation.required' }),
    totpSecret: z
      .string()
      .regex(/^[A-Z2-7]{32}$/, { message: 'validation.invalid' })
      .optional()
      .default(''),
    code: ZOptionalTotpCode
  })
  .refine(passwordsMatch, mismatch);
export type TInviteAcceptForm = z.infer<typeof ZInviteAcceptForm>;

export const ZTotpEnrolForm = z.object({
  totpSecret: z.string().regex(/^[A-Z2-7]{32}$/, { message: 'validation.invalid' }),
  code: ZTotpCode
});

export const ZPasswordChangeForm = z
  .object({
    currentPassword: z.string({ message: 'validation.required' }).min(1, { message: 'validation.required' }).max(256),
    password: ZPassword,
    passwordConfirm: z.string({ message: 'validation.required' })
  })
  .refine(passwordsMatch, mismatch);
