import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type Locale } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireDirectoryEditor } from '$lib/server/directory/directory.guard';
import {
  addChannel,
  entryToInput,
  getEntry,
  listRevisions,
  removeChannel,
  saveEntry
} from '$lib/server/directory/directory.service';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZChannelForm, ZChannelRemoveForm, ZEntryForm } from '$lib/schemas/directory';
import type { Actions, PageServerLoad } from './$types';

function entryId(param: string, locale: Locale): string {
  const id = z.uuid().safeParse(param);
  if (!id.success) error(404, { message: translate(locale, 'directory.error.notFound'), code: 'not_found' });
  return id.data;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireDirectoryEditor(locals, url);
  const id = entryId(params.id, locals.locale);
  const ctx = await app();
  try {
    const entry = await getEntry(ctx.db, id, { includeUnpublished: true });
    return {
      id,
      input: entryToInput(entry),
      channels: entry.channels,
      stale: entry.stale,
      published: entry.published,
      revisions: await listRevisions(ctx.db, actor, id),
      created: url.searchParams.has('created')
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locals.locale, 'directory.error.notFound'), code: 'not_found' });
    throw e;
  }
};

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    const actor = requireDirectoryEditor(locals, url);
    const id = entryId(params.id, locals.locale);
    const parsed = await parseForm(request, ZEntryForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await saveEntry((await app()).db, actor, id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  addChannel: async ({ request, locals, url, params }) => {
    const actor = requireDirectoryEditor(locals, url);
    const id = entryId(params.id, locals.locale);
    const parsed = await parseForm(request, ZChannelForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await addChannel((await app()).db, actor, id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { channelAdded: true };
  },
  removeChannel: async ({ request, locals, url, params }) => {
    const actor = requireDirectoryEditor(locals, url);
    const id = entryId(params.id, locals.locale);
    const parsed = await parseForm(request, ZChannelRemoveForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await removeChannel((await app()).db, actor, id, parsed.data.channelId);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { channelRemoved: true };
  }
};
