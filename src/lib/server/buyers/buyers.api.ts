import { ZRulesRequest, ZRulesResponse, ZTransparencyRequest, ZTransparencyResponse } from '../../schemas/buyers';
import type { TApiOperation } from '../api/openapi';

/** The Buyers module's API: pure computations; nothing sent is stored. */
export const buyersOperations: TApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/buyers/rules',
    summary:
      'Which rules apply to a purchase (buyer type, sector, contract type, value), with sources, and its due-diligence plan. Nothing is stored.',
    tags: ['buyers'],
    body: ZRulesRequest,
    response: ZRulesResponse
  },
  {
    method: 'post',
    path: '/api/v1/buyers/transparency-scope',
    summary: 'Whether a company is covered by åpenhetsloven (two of three size limits exceeded). Nothing is stored.',
    tags: ['buyers'],
    body: ZTransparencyRequest,
    response: ZTransparencyResponse
  }
];
