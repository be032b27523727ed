import { z } from 'zod';
import { ZDisplayName, ZEmail, ZId, ZOrgNumber } from './fields';

/** An organisation chosen from a list: an empty choice asks the user to choose. */
const ZOrganisationChoice = z.uuid({ message: 'validation.choose' });

export const organisationKinds = [
  'ngo',
  'police',
  'labour_inspection',
  'shelter',
  'municipality',
  'government',
  'other'
] as const;
export const ZOrganisationKind = z.enum(organisationKinds, { message: 'validation.choose' });
export type TOrganisationKind = z.infer<typeof ZOrganisationKind>;

export const ZRoleInput = z.enum(['admin', 'editor', 'analyst', 'case_handler'], { message: 'validation.choose' });

export const ZOrganisationForm = z.object({
  name: ZDisplayName,
  kind: ZOrganisationKind,
  orgNumber: ZOrgNumber.optional().default('')
});
export type TOrganisationForm = z.infer<typeof ZOrganisationForm>;

export const ZInviteForm = z.object({
  email: ZEmail,
  organisationId: ZOrganisationChoice,
  role: ZRoleInput
});
export type TInviteForm = z.infer<typeof ZInviteForm>;

export const ZMembershipForm = z.object({
  userId: ZId,
  organisationId: ZOrganisationChoice,
  role: ZRoleInput
});
export type TMembershipForm = z.infer<typeof ZMembershipForm>;

export const ZUserIdForm = z.object({ userId: ZId });
