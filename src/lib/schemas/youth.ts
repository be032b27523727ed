import { z } from 'zod';
import { targetAges, ZQuizSource, ZText } from '../youth/quiz';

/** Schemas of the Youth API, shared by the routes and the OpenAPI document. */
export const ZQuizSummary = z
  .object({
    id: z.string(),
    targetAge: z.enum(targetAges),
    title: ZText,
    summary: ZText,
    questionCount: z.number().int()
  })
  .meta({ id: 'QuizSummary' });

export const ZQuizList = z.object({ data: z.array(ZQuizSummary) }).meta({ id: 'QuizList' });

export const ZPublicQuiz = z
  .object({
    id: z.string(),
    targetAge: z.enum(targetAges),
    title: ZText,
    summary: ZText,
    questions: z.array(
      z.object({
        id: z.string(),
        text: ZText,
        multiple: z.boolean().describe('true: choose every option that applies; false: choose one'),
        options: z.array(z.object({ id: z.string(), text: ZText }))
      })
    ),
    sources: z.array(ZQuizSource)
  })
  .meta({ id: 'Quiz', description: 'A quiz set without its answers and explanations' });
