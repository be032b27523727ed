import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { listQuizzes } from '$lib/server/youth/youth.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => ({
    data: (await listQuizzes((await app()).db)).map((s) => ({
      id: s.id,
      targetAge: s.targetAge,
      title: s.title,
      summary: s.summary,
      questionCount: s.questions.length
    }))
  }));
