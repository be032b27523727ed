import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { app } from '$lib/server/app';
import { lineDiff } from '$lib/server/content/content.diff';
import { ZVersionNumber } from '$lib/server/content/content.help-kind';
import {
  HOME_KIND,
  homeTextLimits,
  isHomeTextKey,
  loadPublishedHomeTexts,
  type THomeBody,
  type THomeTextKey
} from '$lib/server/content/content.home-kind';
import { ContentConflict, contentRoles, getEditor, saveDraft } from '$lib/server/content/content.service';
import { conflictFailure, workflowActions } from '$lib/server/content/content.editor-route';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The editor's form: the text (its own limit is checked by the kind) and the version check. */
const ZHomeEditForm = z.object({
  text: z
    .string('content.field.required')
    .trim()
    .min(1, 'content.field.required')
    .max(2000, 'contentHome.error.tooLong'),
  revision: ZVersionNumber,
  base: ZVersionNumber
});

function itemOf(params: { key: string; locale: string }, reader: Locale): { key: THomeTextKey; locale: Locale } {
  const { key, locale } = params;
  if ((locale !== 'nb' && locale !== 'en') || !isHomeTextKey(key))
    error(404, { message: translate(reader, 'content.error.notFound'), code: 'not_found' });
  return { key, locale };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  const item = itemOf(params, locals.locale);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const view = await getEditor<THomeBody, Locale>(db, actor, HOME_KIND, item.key, item.locale);
    const other: Locale = item.locale === 'nb' ? 'en' : 'nb';
    return {
      view,
      key: item.key,
      limit: homeTextLimits[item.key],
      dictionary: translate(item.locale, item.key as MessageKey),
      otherText: (await loadPublishedHomeTexts(db, other))[item.key] ?? translate(other, item.key as MessageKey)
    };
  });
};

/** The workflow buttons (submit, return, publish, archive), the same for every editor. */
const workflow = workflowActions<RequestEvent>((e) => ({ kind: HOME_KIND, ...itemOf(e.params, e.locals.locale) }));

export const actions: Actions = {
  save: async (event) => {
    const actor = requireRole(event.locals, event.url, contentRoles);
    const item = itemOf(event.params, event.locals.locale);
    const parsed = await parseForm(event.request, ZHomeEditForm, event.locals.locale);
    if (!parsed.ok) return parsed.failure;
    const body = { text: parsed.data.text };
    try {
      const r = await saveDraft(await app(), actor, HOME_KIND, {
        slug: item.key,
        locale: item.locale,
        revision: parsed.data.revision,
        base: parsed.data.base,
        body
      });
      return { saved: { number: r.number }, removed: r.removed };
    } catch (e) {
      if (e instanceof ContentConflict) {
        const theirs = (e as ContentConflict<THomeBody>).theirs;
        return conflictFailure(event.locals.locale, e, parsed.values, parsed.data.base, {
          text: theirs.body.text,
          diff: lineDiff(`${theirs.body.text}\n`, `${body.text}\n`)
        });
      }
      return failFromError(e, event.locals.locale, parsed.values);
    }
  },
  submit: workflow.submit,
  return: workflow.return,
  publish: workflow.publish,
  archive: workflow.archive
};
