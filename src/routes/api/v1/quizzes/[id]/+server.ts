import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { getQuiz, publicQuiz } from '$lib/server/youth/youth.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => publicQuiz(await getQuiz((await app()).db, event.params.id)));
