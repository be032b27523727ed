import { fail } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { AppError } from '$lib/server/errors';
import type { TChecklist } from '$lib/check/checklist';
import { scoreChecklist } from '$lib/check/score';
import {
  applyOp,
  checklistFromForm,
  checklistToValues,
  formFromValues,
  parseOp,
  tryAnswers,
  validateChecklist,
  valuesFromForm,
  type TFormValues
} from '$lib/content/checklist-form';
import { app } from '$lib/server/app';
import { lineDiff } from '$lib/server/content/content.diff';
import { currentChecklist } from '$lib/server/check/checklists';
import {
  CHECKLIST_KIND,
  CHECKLIST_LOCALE,
  checklistKind,
  nextChecklistVersion
} from '$lib/server/content/content.checklist-kind';
import { ContentConflict, contentRoles, getEditor, saveDraft } from '$lib/server/content/content.service';
import { conflictFailure, workflowActions } from '$lib/server/content/content.editor-route';
import { failFromError } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const editorOf = async (actor: Parameters<typeof getEditor>[1], sector: string) =>
  getEditor<TChecklist, string>((await app()).db, actor, CHECKLIST_KIND, sector, CHECKLIST_LOCALE);

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    const view = await editorOf(actor, params.sector);
    // A new sector's checklist has no published version until its first publish.
    const current = currentChecklist(params.sector);
    return {
      view,
      published: {
        version: current?.version ?? null,
        next: await nextChecklistVersion((await app()).db, params.sector)
      },
      values: { ...checklistToValues(view.body), revision: String(view.open?.revision ?? 0), base: String(view.base) }
    };
  });
};

/** Every text field of the form as typed (the names are the checklist's paths). */
async function formValues(request: Request): Promise<TFormValues> {
  const out: TFormValues = {};
  try {
    const form = await request.formData();
    for (const [k, v] of form) if (typeof v === 'string' && k.length <= 120) out[k] = v;
  } catch {
    // An unreadable body is an empty form: the schema names what is missing.
  }
  return out;
}

const count = (s: string | undefined) => (/^\d{1,9}$/.test(s ?? '') ? Number(s) : null);

/** The workflow buttons (submit, return, publish, archive), the same for every editor. */
const workflow = workflowActions<RequestEvent>((e) => ({
  kind: CHECKLIST_KIND,
  key: e.params.sector,
  locale: CHECKLIST_LOCALE
}));

export const actions: Actions = {
  /**
   * One form, several buttons: save the draft, try it, or add/remove/move a question, sign, advice or
   * source (nothing stored: the form comes back changed, with what else changed, or the reason it was refused).
   */
  save: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, contentRoles);
    const reader = locals.locale;
    const values = await formValues(request);
    try {
      const view = await editorOf(actor, params.sector);
      const keep = { revision: values.revision ?? '0', base: values.base ?? '0' };
      const form = formFromValues(values);
      const op = parseOp(values.op);
      if (op) {
        const r = applyOp(form, op, view.body.kind === 'checklist');
        if (!r.ok)
          return fail(400, {
            message: translate(reader, 'contentChecklist.refused'),
            errors: { [r.field]: translate(reader, r.reason.key, r.reason.params) },
            refused: true,
            values
          });
        return {
          op: values.op,
          notes: r.notes.map((n) => translate(reader, n.key, n.params)),
          values: { ...valuesFromForm(r.form), ...keep, ...tryValues(values) }
        };
      }
      const valid = validateChecklist({ ...checklistFromForm(view.body, form), id: params.sector });
      if (!valid.ok) return failFromError(invalid(valid.fields), reader, values);
      if (values.op === 'try') {
        const a = tryAnswers(valid.checklist, values);
        if (!a.ok) return failFromError(invalid(a.fields), reader, values);
        const r = scoreChecklist(valid.checklist, a.answers);
        return {
          values,
          tried: {
            level: r.level,
            score: r.score,
            maxScore: r.maxScore,
            triggered: r.triggered.map((i) => i.text),
            advice: r.advice.map((id) => valid.checklist.advice.find((x) => x.id === id)!.text)
          }
        };
      }
      const revision = count(values.revision);
      const base = count(values.base);
      if (revision === null || base === null) return failFromError(invalid({}), reader, values);
      const ctx = await app();
      try {
        const r = await saveDraft(ctx, actor, CHECKLIST_KIND, {
          slug: params.sector,
          locale: CHECKLIST_LOCALE,
          revision,
          base,
          body: valid.checklist
        });
        return { saved: { number: r.number } };
      } catch (e) {
        if (!(e instanceof ContentConflict)) throw e;
        const theirs = (e as ContentConflict<TChecklist>).theirs;
        return conflictFailure(reader, e, values, base, {
          text: checklistKind.fileText(theirs.body),
          diff: lineDiff(checklistKind.fileText(theirs.body), checklistKind.fileText(valid.checklist))
        });
      }
    } catch (e) {
      return failFromError(e, reader, values);
    }
  },
  submit: workflow.submit,
  return: workflow.return,
  publish: workflow.publish,
  archive: workflow.archive
};

const tryValues = (values: TFormValues) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('try.')));

const invalid = (fields: Record<string, MessageKey>) => new AppError('validation', 'validation.summary', { fields });
