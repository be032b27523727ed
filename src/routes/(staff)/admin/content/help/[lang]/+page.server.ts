import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { ZHelpReviewForm } from '$lib/schemas/help';
import { app } from '$lib/server/app';
import { lineDiff } from '$lib/server/content/content.diff';
import {
  HELP_KIND,
  HELP_LOCALE,
  helpFileText,
  helpTextOfForm,
  loadPublishedHelp,
  ZHelpEditForm
} from '$lib/server/content/content.help-kind';
import {
  ContentConflict,
  contentRoles,
  getContentSettings,
  getEditor,
  itemStatus,
  saveDraft
} from '$lib/server/content/content.service';
import { contentKind } from '$lib/server/content/content.registry';
import { conflictFailure, workflowActions } from '$lib/server/content/content.editor-route';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { helpReviewRoles, listHelpLanguages, markHelpReviewed } from '$lib/server/help/help.service';
import { findHelpLanguage, helpKeys, type THelpText } from '$lib/server/help/help.text';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function language(code: string, reader: App.Locals['locale']) {
  const found = findHelpLanguage(code);
  if (!found) error(404, { message: translate(reader, 'content.error.notFound'), code: 'not_found' });
  return found;
}

/** The reference column: bokmål, or English when asked (`?ref=en`) or when bokmål itself is edited. */
function referenceOf(code: string, asked: string | null): 'nb' | 'en' {
  if (code === 'nb') return 'en';
  if (code === 'en') return 'nb';
  return asked === 'en' ? 'en' : 'nb';
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  const lang = language(params.lang, locals.locale);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const view = await getEditor<THelpText, string>(db, actor, HELP_KIND, lang.code, HELP_LOCALE);
    const refCode = referenceOf(lang.code, url.searchParams.get('ref'));
    const settings = await getContentSettings(db);
    const refStatus = await itemStatus(db, contentKind(HELP_KIND), refCode, HELP_LOCALE, settings, new Date());
    const refText = (await loadPublishedHelp(db, [refCode])).get(refCode)!.text;
    const review = (await listHelpLanguages(db)).find((l) => l.code === lang.code)!;
    return {
      view,
      keys: helpKeys,
      language: { code: lang.code, endonym: lang.endonym, englishName: lang.englishName, dir: lang.dir },
      reference: {
        code: refCode,
        text: refText,
        published: refStatus.published,
        open: refStatus.open,
        choices: lang.code === 'nb' || lang.code === 'en' ? [] : (['nb', 'en'] as const)
      },
      review: {
        origin: review.origin,
        status: review.status,
        lastReview: review.lastReview,
        fingerprint: review.fingerprint
      },
      canCheck: actor.roles.some((r) => helpReviewRoles.includes(r))
    };
  });
};

/** The workflow buttons (submit, return, publish, archive), the same for every editor. */
const workflow = workflowActions<RequestEvent>((e) => ({
  kind: HELP_KIND,
  key: language(e.params.lang, e.locals.locale).code,
  locale: HELP_LOCALE
}));

export const actions: Actions = {
  /** Saves every text of the language as a draft; each refused text gets its message beside its field. */
  save: async (event) => {
    const actor = requireRole(event.locals, event.url, contentRoles);
    const lang = language(event.params.lang, event.locals.locale);
    const parsed = await parseForm(event.request, ZHelpEditForm, event.locals.locale);
    if (!parsed.ok) return parsed.failure;
    const body = helpTextOfForm(parsed.data);
    try {
      const r = await saveDraft(await app(), actor, HELP_KIND, {
        slug: lang.code,
        locale: HELP_LOCALE,
        revision: parsed.data.revision,
        base: parsed.data.base,
        body
      });
      return { saved: { number: r.number } };
    } catch (e) {
      if (e instanceof ContentConflict) {
        const theirs = (e as ContentConflict<THelpText>).theirs;
        return conflictFailure(event.locals.locale, e, parsed.values, parsed.data.base, {
          diff: lineDiff(helpFileText(theirs.body, lang.code), helpFileText(body, lang.code))
        });
      }
      return failFromError(e, event.locals.locale, parsed.values);
    }
  },
  submit: workflow.submit,
  return: workflow.return,
  publish: workflow.publish,
  archive: workflow.archive,
  /** A native speaker (an editor) marks the published translation checked: the fingerprint they read. */
  checked: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, contentRoles);
    const lang = language(params.lang, locals.locale);
    const parsed = await parseForm(request, ZHelpReviewForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await markHelpReviewed((await app()).db, actor, { ...parsed.data, lang: lang.code });
      return { checked: lang.code };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
