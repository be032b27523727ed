import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { listMunicipalities } from '$lib/server/reference/reference.service';
import { sessionForTeacher, startClassSession } from '$lib/server/youth/classroom.service';
import { listQuizzes } from '$lib/server/youth/youth.service';
import { setCard } from '$lib/server/youth/youth.view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const db = (await app()).db;
  return {
    sets: (await listQuizzes(db)).map((s) => setCard(s, locals.locale)),
    municipalities: (await listMunicipalities(db)).map((m) => ({ number: m.number, name: m.name }))
  };
};

const ZStart = z.object({
  set: z.string({ message: 'validation.required' }).min(1, { message: 'validation.required' }).max(60),
  municipality: z.union([z.literal(''), z.string().regex(/^\d{4}$/, { message: 'youth.class.error.municipality' })])
});
const ZResume = z.object({
  key: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' })
});

export const actions: Actions = {
  start: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZStart, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let key: string;
    try {
      key = (
        await startClassSession(await app(), {
          setId: parsed.data.set,
          municipality: parsed.data.municipality || null
        })
      ).teacherKey;
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/youth/classroom/t/${key}`, locals.locale));
  },

  /** A teacher who closed the tab comes back with the key (the link holds it too). */
  resume: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZResume, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const key = parsed.data.key.replace(/^.*\/t\//, '');
    try {
      await sessionForTeacher(await app(), key);
    } catch (e) {
      const failure = failFromError(e, locals.locale, {});
      failure.data.errors = { key: failure.data.message ?? '' };
      return failure;
    }
    redirect(303, localizePath(`/youth/classroom/t/${key}`, locals.locale));
  }
};
