/**
 * The respondent form without JavaScript: one page per section, each a plain POST. Answers of earlier
 * sections travel in hidden fields (`p.<question>`), the current section's in `q.<question>`; nothing is
 * stored until the last section is sent. See docs/surveys.md.
 */
import type { Cookies } from '@sveltejs/kit';
import type { TAnswers, TRawAnswers } from '../../surveys/response';

export const DONE_COOKIE = 'forebygg_survey_done';

export interface TSurveyPost {
  step: number | null;
  ageOk: string | null;
  carried: Record<string, string[]>;
  current: Record<string, string[]>;
}

export function readSurveyPost(form: FormData): TSurveyPost {
  const carried: Record<string, string[]> = {};
  const current: Record<string, string[]> = {};
  for (const [key, value] of form) {
    if (typeof value !== 'string') continue;
    const target = key.startsWith('p.') ? carried : key.startsWith('q.') ? current : null;
    if (!target) continue;
    (target[key.slice(2)] ??= []).push(value);
  }
  const rawStep = form.get('step');
  const step = typeof rawStep === 'string' && /^-?\d{1,3}$/.test(rawStep) ? Number(rawStep) : null;
  const ageOk = form.get('age_ok');
  return { step, ageOk: typeof ageOk === 'string' ? ageOk : null, carried, current };
}

export const rawOf = (answers: TAnswers): TRawAnswers => Object.fromEntries(answers);
export const recordOf = (answers: TAnswers): Record<string, string[]> => Object.fromEntries(answers);

/** Wave ids answered from this browser (the cookie holds nothing else). */
export function answeredWaves(cookies: Cookies): string[] {
  return (cookies.get(DONE_COOKIE) ?? '').split('.').filter((x) => /^[0-9a-f-]{36}$/.test(x));
}

export function markAnswered(cookies: Cookies, url: URL, waveId: string): void {
  const waves = [...answeredWaves(cookies).filter((w) => w !== waveId), waveId].slice(-20);
  cookies.set(DONE_COOKIE, waves.join('.'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: 60 * 60 * 24 * 400
  });
}
