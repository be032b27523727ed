import type { TApiOperation } from '../api/openapi';
import { ZKnowledgeGain, ZKnowledgeGainQuery, ZPublicQuiz, ZQuizList } from '../../schemas/youth';

/** The Youth module's API operations (registered in api/openapi.ts). */
export const youthOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/quizzes',
    summary: 'The published quiz sets: id, audience, title, summary (nb and en), number of questions',
    tags: ['youth'],
    response: ZQuizList
  },
  {
    method: 'get',
    path: '/api/v1/quizzes/{id}',
    summary: 'One published quiz set with its questions and options, without answers or explanations. 404 unknown set.',
    tags: ['youth'],
    response: ZPublicQuiz,
    example: { params: { id: 'what-is-trafficking' } }
  },
  {
    method: 'get',
    path: '/api/v1/youth/knowledge-gain',
    summary:
      'Knowledge gain from classroom sessions: per set and question, and per school municipality (optional filter), the share right before and after the lesson, over ISO weeks. Answer counts under 5 are suppressed (and their shares hidden).',
    tags: ['youth'],
    query: ZKnowledgeGainQuery,
    response: ZKnowledgeGain,
    example: { query: { from: '2026-W01', to: '2026-W52', municipality: '0301' } }
  }
];
