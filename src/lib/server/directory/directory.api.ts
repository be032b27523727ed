import { z } from 'zod';
import { ZCoverageQuery, ZDirectorySearch } from '../../schemas/directory';
import type { TApiOperation } from '../api/openapi';

const ZLocalised = z.object({ nb: z.string(), en: z.string() });

const ZLicence = z
  .object({ licence: z.string(), licenceUrl: z.string() })
  .describe('The licence the open data is published under (the administrator chooses; default NLOD 2.0)')
  .meta({ id: 'Licence' });

export const ZApiChannel = z
  .object({
    id: z.string(),
    kind: z.string().describe('phone, sms, web_form, email, walk_in, chat, other'),
    purpose: z.string().describe('emergency, tip, advice, report, contact'),
    value: z.string().describe('Number, address or link; empty for in-person channels'),
    labelNb: z.string(),
    labelEn: z.string(),
    availability: z.string().describe('always (24/7), hours, unknown'),
    hoursNb: z.string(),
    hoursEn: z.string(),
    anonymity: z.string().describe('possible, not_possible, unknown'),
    verification: z.string().describe('verified or unverified'),
    noteNb: z.string(),
    noteEn: z.string()
  })
  .meta({ id: 'DirectoryChannel' });

export const ZApiOrganisation = z
  .object({
    id: z.string(),
    name: z.string(),
    serviceType: z.string(),
    summary: ZLocalised,
    notDone: ZLocalised.describe('What the organisation does not do'),
    website: z.string(),
    links: z.array(z.string()).describe('prevention, intelligence, victim_follow_up'),
    sectors: z.array(z.string()),
    exploitation: z.array(z.string()),
    targets: z.array(z.string()),
    languages: z.array(z.string()),
    coverage: z.array(z.string()).describe('national, county:NN, police_district:<name>, municipality:NNNN'),
    channels: z.array(ZApiChannel),
    verification: z.string(),
    verificationNote: ZLocalised,
    verifiedAt: z.string().nullable().describe('Date last checked against the source (YYYY-MM-DD)'),
    stale: z.boolean().describe('Not checked in the last 12 months'),
    sourceUrl: z.string(),
    sourceNote: z.string(),
    published: z.boolean(),
    updatedAt: z.string()
  })
  .meta({ id: 'DirectoryOrganisation' });

export const ZApiOrganisationList = z
  .object({
    data: z.array(ZApiOrganisation.extend({ match: z.string().describe('How the entry covers the municipality') })),
    municipality: z
      .object({ number: z.string(), name: z.string(), countyNumber: z.string(), policeDistrict: z.string().nullable() })
      .nullable(),
    suggestions: z.array(z.object({ number: z.string(), name: z.string(), countyName: z.string() })),
    unknownCoverage: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Entries covering police districts, when the municipality’s district is not known'),
    licence: ZLicence
  })
  .meta({ id: 'DirectoryOrganisationList' });

export const ZApiOrganisationOne = z.object({ data: ZApiOrganisation, licence: ZLicence });

export const ZApiCoverage = z
  .object({
    scope: z.string().describe('national, or the county number'),
    mappingImported: z.boolean().describe('Whether the municipality → police district mapping has been imported'),
    entries: z.array(z.object({ id: z.string(), name: z.string(), links: z.array(z.string()) })),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        links: z.record(z.string(), z.object({ full: z.array(z.string()), partial: z.array(z.string()) })),
        gaps: z.array(z.string()),
        languages: z.array(z.string())
      })
    ),
    licence: ZLicence
  })
  .meta({ id: 'DirectoryCoverage' });

export const ZOrganisationIdParam = z.object({ id: z.uuid({ message: 'validation.invalid' }) });

export const directoryOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/organisations',
    summary: 'Directory: organisations and services, filtered by municipality, chain link, sector, language, text',
    tags: ['directory'],
    query: ZDirectorySearch,
    response: ZApiOrganisationList
  },
  {
    method: 'get',
    path: '/api/v1/organisations/{id}',
    summary: 'Directory: one organisation with its channels, coverage and source',
    tags: ['directory'],
    response: ZApiOrganisationOne,
    example: { params: { id: '76370803-3ab9-4f2e-9fba-2053bc6ab305' } }
  },
  {
    method: 'get',
    path: '/api/v1/organisations.csv',
    summary: 'Directory: every published entry as UTF-8 CSV (RFC 4180); the licence is in the Link header',
    tags: ['directory'],
    response: z.string().describe('text/csv')
  },
  {
    method: 'get',
    path: '/api/v1/coverage',
    summary:
      'Directory: the chain map — entries per link of the chain per county (or per municipality of a county), with gaps',
    tags: ['directory'],
    query: ZCoverageQuery,
    response: ZApiCoverage
  }
];
