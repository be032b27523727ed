import { z } from 'zod';
import { ZApiError, ZHealth, ZMunicipalityList, ZMunicipalityQuery } from '../../schemas/api';
import { buyersOperations } from '../buyers/buyers.api';
import { actionPlanOperations } from '../actionplan/actionplan.api';
import { checkOperations } from '../check/check.api';
import { directoryOperations } from '../directory/directory.api';
import { learnOperations } from '../learn/learn.api';
import { reportOperations } from '../report/report.api';
import { helpOperations } from '../help/help.api';
import { campaignsOperations } from '../campaigns/campaigns.api';
import { statisticsOperations } from '../statistics/statistics.api';
import { youthOperations } from '../youth/youth.api';
import { surveysOperations } from '../surveys/surveys.api';

/** One documented API operation. Routes validate with the same schemas the document is made from. */
export interface TApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  auth?: 'session';
  /**
   * One valid request: required for operations with path parameters or a body. It is published in the
   * document and the fuzz suite (tests/fuzz) sends it before and after the bad input it generates.
   */
  example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
  /** Why an operation with path parameters has no fixed example (its ids are random): fuzzed without one. */
  noExample?: string;
}

/** The foundation's operations. */
const foundationOperations: TApiOperation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and database status', tags: ['system'], response: ZHealth },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document (OpenAPI 3.1)',
    tags: ['system'],
    response: z.looseObject({ openapi: z.literal('3.1.0') })
  },
  {
    method: 'get',
    path: '/api/v1/municipalities',
    summary: 'Norwegian municipalities and their counties (2024 division)',
    tags: ['reference'],
    query: ZMunicipalityQuery,
    response: ZMunicipalityList
  }
];

/**
 * Every /api route: each module exports its own list (`<module>/<module>.api.ts`) and adds it here.
 * The OpenAPI document and the routes' validation both read these schemas, so they cannot drift apart.
 */
export const apiOperations: TApiOperation[] = [
  ...foundationOperations,
  ...checkOperations,
  ...statisticsOperations,
  ...directoryOperations,
  ...buyersOperations,
  ...youthOperations,
  ...learnOperations,
  ...reportOperations,
  ...actionPlanOperations,
  ...helpOperations,
  ...campaignsOperations,
  ...surveysOperations
];

/**
 * JSON Schema for an OpenAPI document: schemas named with `.meta({ id })` move to
 * `components.schemas` (collected in `defs`) and are referenced from there.
 */
function jsonSchema(
  schema: z.ZodType,
  defs: Record<string, unknown>,
  io: 'input' | 'output' = 'output'
): Record<string, unknown> {
  const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io });
  const rewritten = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<
    string,
    unknown
  > & {
    $defs?: Record<string, unknown>;
  };
  const { $defs, $schema: _ignored, ...rest } = rewritten;
  void _ignored;
  Object.assign(defs, $defs ?? {});
  return rest;
}

/** Builds the OpenAPI 3.1 document from the operations' zod schemas. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const defs: Record<string, unknown> = {};
  for (const op of apiOperations) {
    // Path parameters are named in the path itself (`/organisations/{id}`): every one is required text.
    const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(op.example?.params?.[name] ? { example: op.example.params[name] } : {})
    }));
    const queryParameters = op.query
      ? Object.entries(op.query.shape).map(([name, schema]) => {
          const s = schema as z.ZodType;
          return {
            name,
            in: 'query',
            required: !s.safeParse(undefined).success,
            description: s.description,
            schema: jsonSchema(s, defs, 'input'),
            ...(op.example?.query?.[name] ? { example: op.example.query[name] } : {})
          };
        })
      : [];
    const parameters = [...pathParameters, ...queryParameters];
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      tags: op.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: jsonSchema(op.body, defs, 'input'),
                  ...(op.example?.body === undefined ? {} : { example: op.example.body })
                }
              }
            }
          }
        : {}),
      ...(op.auth ? { security: [{ session: [] }] } : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, defs) } } },
        '4XX': {
          description: 'The request was not valid',
          content: { 'application/json': { schema: jsonSchema(ZApiError, defs) } }
        }
      }
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Forebygg API',
      version,
      description: 'Open data and integration API of Forebygg. Errors answer { message, code, fields? }.'
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: defs,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'forebygg_session' } }
    }
  };
}
