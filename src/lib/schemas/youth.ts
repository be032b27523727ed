import { z } from 'zod';
import { isIsoWeek } from '../stats/iso-week';
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

const ZIsoWeek = z
  .string()
  .refine(isIsoWeek, { message: 'youth.class.error.week' })
  .describe('ISO week, e.g. 2026-W48');

export const ZKnowledgeGainQuery = z.object({
  from: ZIsoWeek.optional().describe('First ISO week (inclusive)'),
  to: ZIsoWeek.optional().describe('Last ISO week (inclusive)'),
  municipality: z
    .string()
    .regex(/^\d{4}$/, { message: 'youth.class.error.municipality' })
    .optional()
    .describe('Four-digit municipality number: only classes whose teacher gave this school municipality')
});

const ZGainCount = z
  .object({
    count: z.number().int().nullable().describe('null when suppressed'),
    suppressed: z.boolean(),
    display: z.string().describe('The count as shown: a number or "<5"')
  })
  .meta({ id: 'KnowledgeGainCount' });

const ZMunicipalityGain = z
  .object({
    municipality: z.string().nullable().describe('Four-digit number; null for classes that gave none'),
    name: z.string().nullable(),
    answeredBefore: ZGainCount,
    answeredAfter: ZGainCount,
    shareBefore: z.number().nullable().describe('Share right before the lesson over all questions; null when hidden'),
    shareAfter: z.number().nullable(),
    changePoints: z.number().nullable()
  })
  .meta({ id: 'KnowledgeGainMunicipality' });

export const ZKnowledgeGain = z
  .object({
    filter: z.object({ from: z.string().nullable(), to: z.string().nullable(), municipality: z.string().nullable() }),
    municipalities: z
      .array(ZMunicipalityGain)
      .describe('All answers per school municipality (the teacher may give one), counts under 5 suppressed'),
    data: z.array(
      z.object({
        setId: z.string(),
        questionId: z.string(),
        answeredBefore: ZGainCount,
        answeredAfter: ZGainCount,
        shareBefore: z.number().nullable().describe('Share right before the lesson (0–1); null when hidden or none'),
        shareAfter: z.number().nullable().describe('Share right after the lesson (0–1)'),
        changePoints: z.number().nullable().describe('After minus before, in percentage points')
      })
    )
  })
  .meta({
    id: 'KnowledgeGain',
    description: 'Classroom sessions, before vs after per question; answer counts under 5 are suppressed'
  });
