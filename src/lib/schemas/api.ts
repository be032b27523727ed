import { z } from 'zod';

/** Every API error answers with this body. */
export const ZApiError = z
  .object({
    message: z.string().describe('What went wrong, in the language of the request'),
    code: z.string().describe('A stable error code, e.g. validation, not_found'),
    fields: z.record(z.string(), z.string()).optional().describe('A message per invalid field')
  })
  .meta({ id: 'Error' });

export const ZHealth = z
  .object({
    status: z.enum(['ok', 'error']),
    db: z.enum(['sqlite', 'postgres']),
    version: z.string(),
    migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() })
  })
  .meta({ id: 'Health' });

export const ZMunicipality = z
  .object({
    number: z.string().describe('Four-digit municipality number (2024 division)'),
    name: z.string(),
    countyNumber: z.string(),
    countyName: z.string()
  })
  .meta({ id: 'Municipality' });

export const ZMunicipalityQuery = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/, { message: 'validation.invalid' })
    .optional()
    .describe('Only municipalities in this two-digit county number'),
  q: z
    .string()
    .max(100, { message: 'validation.tooLong' })
    .optional()
    .describe('Name contains this text (case-insensitive)')
});

export const ZMunicipalityList = z
  .object({
    data: z.array(ZMunicipality),
    source: z.string().describe('Where the data comes from')
  })
  .meta({ id: 'MunicipalityList' });
