import { z } from 'zod';
import { ZApiError, ZHealth, ZMunicipalityList, ZMunicipalityQuery } from '../../schemas/api';
import { checkOperations } from '../check/check.api';
import { directoryOperations } from '../directory/directory.api';
import { helpOperations } from '../help/help.api';
import { statisticsOperations } from '../statistics/statistics.api';

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
}

/** The foundation's operations. */
const foundationOperations: TApiOperation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and database status', tags: ['system'], response: ZHealth },
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
  ...helpOperations
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
      schema: { type: 'string' }
    }));
    const queryParameters = op.query
      ? Object.entries(op.query.shape).map(([name, schema]) => {
          const s = schema as z.ZodType;
          return {
            name,
            in: 'query',
            required: !s.safeParse(undefined).success,
            description: s.description,
            schema: jsonSchema(s, defs, 'input')
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
              content: { 'application/json': { schema: jsonSchema(op.body, defs, 'input') } }
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
