import { fail } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { ZContentVersionForm } from '../../schemas/content';
import { app } from '../app';
import { failFromError, parseForm } from '../http/forms';
import { requireRole } from '../http/guards';
import type { TDiffPart } from './content.diff';
import type { TContentHistoryItem } from './content.history-route';
import { changeState, type ContentConflict, contentRoles } from './content.service';
import type { TContentAction } from './content.workflow';

type TEvent = { locals: App.Locals; url: URL; request: Request };

/**
 * The workflow buttons every editor page has (submit, return, publish, archive the version `number`), as
 * form actions. `itemOf` names the item from the route (and answers 404 for an unknown one); each action
 * checks the role first, and answers `{ changed }` or the refusal with its message.
 */
export function workflowActions<E extends TEvent>(itemOf: (event: E) => TContentHistoryItem) {
  const act = (action: Exclude<TContentAction, 'edit'>) => async (event: E) => {
    const actor = requireRole(event.locals, event.url, contentRoles);
    const item = itemOf(event);
    const parsed = await parseForm(event.request, ZContentVersionForm, event.locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const r = await changeState(await app(), actor, {
        kind: item.kind,
        slug: item.key,
        locale: item.locale,
        number: parsed.data.number,
        action
      });
      return { changed: { action, number: parsed.data.number, state: r.state } };
    } catch (e) {
      return failFromError(e, event.locals.locale, parsed.values);
    }
  };
  return { submit: act('submit'), return: act('return'), publish: act('publish'), archive: act('archive') };
}

/**
 * A save refused because someone else saved or published first (409): both versions are shown (`shown`:
 * their text and the diff from theirs to mine), and the form keeps what was typed, with the stored
 * revision, so the next save is a conscious one.
 */
export function conflictFailure<B>(
  reader: Locale,
  e: ContentConflict<B>,
  values: Record<string, string>,
  base: number,
  shown: { text?: string; diff: TDiffPart[] }
) {
  const theirs = e.theirs;
  return fail(409, {
    message: translate(reader, e.message),
    errors: {},
    values: {
      ...values,
      revision: String(theirs.revision),
      base: String(theirs.state === 'published' ? theirs.number : base)
    },
    conflict: { number: theirs.number, state: theirs.state, by: theirs.by, at: theirs.at, ...shown }
  });
}
