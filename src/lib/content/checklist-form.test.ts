import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklist, type TChecklist } from '../check/checklist';
import { scoreChecklist, scoringDefinition } from '../check/score';
import {
  applyOp,
  checklistFromForm,
  checklistFromValues,
  checklistToValues,
  editableLists,
  fieldOf,
  formFromChecklist,
  formFromValues,
  parseOp,
  tryAnswers,
  validateChecklist,
  valuesFromForm,
  type TChecklistForm,
  type TEditableList,
  type TFormOp
} from './checklist-form';

const load = (id: string) =>
  parseChecklist(`data/checklists/${id}.json`, JSON.parse(readFileSync(`data/checklists/${id}.json`, 'utf8')));
const all = readdirSync('data/checklists')
  .filter((f) => f.endsWith('.json'))
  .map((f) => load(f.replace(/\.json$/, '')));
const carWash = load('car-wash');
const cleaning = load('cleaning');
const construction = load('construction');
const buyingSex = load('buying-sex');

/** What a checklist means, independent of the order of its lists: each item's references as sets of ids. */
function meaning(c: TChecklist) {
  const set = (ids: string[]) => [...ids].sort().join(',');
  const byId = <T extends { id: string }>(list: T[], f: (x: T) => unknown) =>
    Object.fromEntries(list.map((x) => [x.id, f(x)]));
  return {
    questions: byId(c.questions, (q) => [q.text.nb, q.weight, set(q.indicators), set(q.sources)]),
    indicators: byId(c.indicators, (x) => [x.text.nb, set(x.ilo.map(String)), set(x.sources)]),
    advice: byId(c.advice, (a) => [a.text.nb, set(a.levels), set(a.questions), set(a.sources)]),
    sources: byId(c.sources, (s) => [s.title, s.url ?? '']),
    sections: c.sections.map((s) => [s.id, s.title.nb, s.body.map((b) => b.nb), set(s.sources)]),
    orgNumberQuestion: c.orgNumberQuestion ?? null
  };
}

const check = (c: TChecklist, f: TChecklistForm) => validateChecklist(checklistFromForm(c, f));
const opArb = (c: TChecklist) =>
  fc.record({
    op: fc.constantFrom('remove' as const, 'up' as const, 'down' as const),
    list: fc.constantFrom(...editableLists),
    index: fc.integer({ min: -1, max: Math.max(c.questions.length, c.sources.length, c.indicators.length) })
  });

describe('the checklist form', () => {
  it('round-trips every checklist file through its form values unchanged', () => {
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const c of all) {
      expect(validateChecklist(checklistFromValues(c, checklistToValues(c))), c.id).toEqual({ ok: true, checklist: c });
      expect(formFromValues(valuesFromForm(formFromChecklist(c)))).toEqual(formFromChecklist(c));
    }
  });

  it('puts each schema error beside its form field', () => {
    expect(fieldOf(['questions', 2, 'text', 'nb'])).toBe('questions.2.text.nb');
    expect(fieldOf(['questions', 2, 'indicators', 0])).toBe('questions.2.indicators');
    expect(fieldOf(['advice', 1, 'questions', 0])).toBe('advice.1.questions');
    expect(fieldOf(['sources', 3, 'url'])).toBe('sources.3.url');
    expect(fieldOf(['questions'])).toBe('questions');
    expect(fieldOf([])).toBe('checklist');
    const values = checklistToValues(carWash);
    values['questions.0.weight'] = 'ten';
    values['questions.1.riskAnswer'] = 'maybe';
    values.dontKnowFactor = '2';
    values['sources.0.url'] = 'ftp://example.org/x';
    values['sources.1.date'] = '2024-13';
    const r = validateChecklist(checklistFromValues(carWash, values));
    expect(r).toEqual({
      ok: false,
      fields: {
        'questions.0.weight': 'content.checklist.error.weight',
        'questions.1.riskAnswer': 'content.checklist.error.riskAnswer',
        dontKnowFactor: 'content.checklist.error.factor',
        'sources.0.url': 'contentChecklist.error.url',
        'sources.1.date': 'contentChecklist.error.date'
      }
    });
  });

  it('a source keeps its publisher and date as structured fields; empty ones are left out', () => {
    const values = checklistToValues(carWash);
    values['sources.0.publisher'] = 'Arbeidstilsynet';
    values['sources.0.date'] = '2024-05';
    values['sources.1.url'] = '';
    const r = validateChecklist(checklistFromValues(carWash, values));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.checklist.sources[0]).toMatchObject({ publisher: 'Arbeidstilsynet', date: '2024-05' });
    expect(r.checklist.sources[1]).not.toHaveProperty('url');
    expect(r.checklist.sources[2]).not.toHaveProperty('publisher');
  });

  it('a new question is invalid until it is filled in, and valid once it is', () => {
    const r = applyOp(formFromChecklist(carWash), { op: 'add', list: 'questions' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const n = carWash.questions.length;
    const v = check(carWash, r.form);
    expect(Object.keys(v.ok ? {} : v.fields)).toEqual(
      expect.arrayContaining([`questions.${n}.id`, `questions.${n}.text.nb`, `questions.${n}.sources`])
    );
    const values = valuesFromForm(r.form);
    Object.assign(values, {
      [`questions.${n}.id`]: 'new-question',
      [`questions.${n}.text.nb`]: 'Spørsmål',
      [`questions.${n}.text.en`]: 'Question',
      [`questions.${n}.why.nb`]: 'Fordi',
      [`questions.${n}.why.en`]: 'Because',
      [`questions.${n}.indicators.0`]: 'on',
      [`questions.${n}.sources.0`]: 'on'
    });
    const ok = validateChecklist(checklistFromValues(carWash, values));
    expect(ok.ok && ok.checklist.questions.at(-1)).toMatchObject({
      id: 'new-question',
      indicators: [carWash.indicators[0].id],
      sources: [carWash.sources[0].id]
    });
  });

  it('references follow their item when its id is renamed in the same form', () => {
    const values = checklistToValues(cleaning);
    const old = cleaning.indicators[1].id;
    values['indicators.1.id'] = 'renamed-sign';
    values['sources.0.id'] = 'renamed-source';
    const r = validateChecklist(checklistFromValues(cleaning, values));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const users = cleaning.questions.filter((q) => q.indicators.includes(old)).map((q) => q.id);
    expect(users.length).toBeGreaterThan(0);
    for (const q of r.checklist.questions) expect(q.indicators.includes('renamed-sign')).toBe(users.includes(q.id));
    expect(JSON.stringify(r.checklist)).not.toContain(`"${cleaning.sources[0].id}"`);
  });

  it('reads only the buttons it knows', () => {
    expect(parseOp('add:questions')).toEqual({ op: 'add', list: 'questions' });
    expect(parseOp('add:sources')).toEqual({ op: 'add', list: 'sources' });
    expect(parseOp('up:advice:3')).toEqual({ op: 'up', list: 'advice', index: 3 });
    expect(parseOp('remove:indicators:12')).toEqual({ op: 'remove', list: 'indicators', index: 12 });
    for (const bad of [
      '',
      'save',
      'try',
      'add',
      'remove:2',
      'add:questions:1',
      'remove:questions',
      'up:paragraphs:1',
      'add:paragraphs:1.0',
      'add:sections:1',
      'up:questions:-1',
      'up:questions:x',
      'drop:questions:1',
      'up:questions:1234',
      null,
      undefined
    ])
      expect(parseOp(bad)).toBeNull();
  });

  it('removing a question takes its references along and says so; signs it alone used go too', () => {
    const f = formFromChecklist(cleaning);
    // A question some advice is also shown at, together with other questions.
    const i = f.questions.findIndex((_, n) => f.advice.some((a) => a.questions.includes(n) && a.questions.length > 1));
    if (i >= 0) {
      const r = applyOp(f, { op: 'remove', list: 'questions', index: i });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.notes.map((x) => x.key)).toContain('contentChecklist.note.adviceQuestion');
    }
    // A question whose sign no other question uses: the sign leaves with it.
    const lone = f.questions.findIndex((q, n) =>
      q.indicators.some((x) => !f.questions.some((o, m) => m !== n && o.indicators.includes(x)))
    );
    expect(lone).toBeGreaterThanOrEqual(0);
    const r = applyOp(f, { op: 'remove', list: 'questions', index: lone });
    if (r.ok) {
      expect(r.notes.map((x) => x.key)).toContain('contentChecklist.note.indicatorDropped');
      expect(r.form.indicators.length).toBeLessThan(f.indicators.length);
      expect(check(cleaning, r.form).ok).toBe(true);
    } else expect(r.reason.key).toBe('contentChecklist.refuse.adviceOnlyQuestion');
  });

  it('the organisation-number question can go, and the editor is told the field goes with it', () => {
    const f = formFromChecklist(construction);
    expect(f.orgNumberQuestion).not.toBeNull();
    const r = applyOp(f, { op: 'remove', list: 'questions', index: f.orgNumberQuestion! });
    if (!r.ok) return expect(r.reason.key).toBe('contentChecklist.refuse.adviceOnlyQuestion');
    expect(r.notes.map((x) => x.key)).toContain('contentChecklist.note.orgNumber');
    expect(r.form.orgNumberQuestion).toBeNull();
    const v = check(construction, r.form);
    expect(v.ok && v.checklist.orgNumberQuestion).toBeUndefined();
  });

  it('refuses what only the editor can mend, naming the reason and the item', () => {
    const one = { ...formFromChecklist(carWash) };
    one.questions = one.questions.slice(0, 1);
    expect(applyOp(one, { op: 'remove', list: 'questions', index: 0 })).toMatchObject({
      ok: false,
      field: 'questions.0',
      reason: { key: 'contentChecklist.refuse.lastQuestion' }
    });
    const f = formFromChecklist(carWash);
    const q = f.questions.findIndex((x) => x.indicators.length === 1);
    expect(applyOp(f, { op: 'remove', list: 'indicators', index: f.questions[q].indicators[0] })).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.indicatorOnly' }
    });
    const s = f.questions.findIndex((x) => x.sources.length === 1);
    expect(applyOp(f, { op: 'remove', list: 'sources', index: f.questions[s].sources[0] })).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.sourceOnlyQuestion', params: { number: s + 1 } }
    });
    const single = { ...f, sources: f.sources.slice(0, 1) };
    expect(applyOp(single, { op: 'remove', list: 'sources', index: 0 })).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.lastSource' }
    });
    const info = formFromChecklist(buyingSex);
    const k = info.sections.find((x) => x.sources.length === 1)!.sources[0];
    expect(applyOp(info, { op: 'remove', list: 'sources', index: k }, false)).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.sourceOnlySection' }
    });
    const full = { ...f, questions: Array.from({ length: 40 }, () => f.questions[0]) };
    expect(applyOp(full, { op: 'add', list: 'questions' })).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.full' }
    });
    expect(applyOp(f, { op: 'remove', list: 'advice', index: 99 })).toMatchObject({ ok: false });
  });

  it('property: from any valid checklist, removes and moves give a valid checklist or are refused', () => {
    for (const c of all) {
      fc.assert(
        fc.property(fc.array(opArb(c), { minLength: 1, maxLength: 12 }), (ops) => {
          let f = formFromChecklist(c);
          for (const op of ops) {
            const r = applyOp(f, op as TFormOp, c.kind === 'checklist');
            if (!r.ok) continue;
            f = r.form;
            const v = check(c, f);
            expect(v.ok ? 'valid' : v.fields).toBe('valid');
          }
        }),
        { numRuns: 60 }
      );
    }
  });

  it('property: a removed item leaves no reference behind, and everything else keeps its references', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all.filter((c) => c.kind === 'checklist')),
        fc.constantFrom<TEditableList>(...editableLists),
        fc.nat(),
        (c, list, seed) => {
          const items = c[list];
          if (items.length === 0) return;
          const index = seed % items.length;
          const gone = items[index].id;
          const r = applyOp(formFromChecklist(c), { op: 'remove', list, index });
          if (!r.ok) return;
          const v = check(c, r.form);
          expect(v.ok).toBe(true);
          if (!v.ok) return;
          // Valid means no reference to an unknown id is left (the schema refuses them).
          expect(v.checklist[list].map((x) => x.id)).not.toContain(gone);
          const before = meaning(c);
          const after = meaning(v.checklist);
          // Questions that stay keep their texts.
          for (const id of Object.keys(after.questions))
            expect((after.questions[id] as unknown[])[0]).toBe((before.questions[id] as unknown[])[0]);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('property: moves keep what the checklist means, and moving down then up restores the order', () => {
    // These three have no information sections (those are moved in the test below).
    const lists = editableLists.filter((l) => l !== 'sections');
    for (const c of [carWash, cleaning, construction]) {
      const base = formFromChecklist(c);
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              op: fc.constantFrom('up' as const, 'down' as const),
              list: fc.constantFrom(...lists),
              index: fc.integer({ min: -2, max: 12 })
            }),
            { maxLength: 20 }
          ),
          fc.constantFrom(...lists),
          fc.nat(),
          (ops, list, seed) => {
            let f = base;
            for (const op of ops) {
              const r = applyOp(f, op);
              expect(r.ok || op.index < 0 || op.index >= f[op.list].length).toBe(true);
              if (r.ok) f = r.form;
            }
            const v = check(c, f);
            expect(v.ok).toBe(true);
            if (v.ok) expect(meaning(v.checklist)).toEqual(meaning(c));
            const i = seed % (f[list].length - 1);
            const down = applyOp(f, { op: 'down', list, index: i });
            const back = down.ok ? applyOp(down.form, { op: 'up', list, index: i + 1 }) : down;
            expect(back.ok && back.form).toEqual(f);
          }
        ),
        { numRuns: 80 }
      );
    }
  });

  it('property: after an add the only errors are the new item’s own, and filling it in makes the checklist valid', () => {
    const fill: Record<TEditableList, (f: TChecklistForm, n: number) => TChecklistForm> = {
      questions: (f, n) => ({
        ...f,
        questions: f.questions.map((q, i) =>
          i === n
            ? {
                ...q,
                id: 'added-question',
                text: { nb: 'Nytt?', en: 'New?' },
                why: { nb: 'Fordi.', en: 'Because.' },
                indicators: [0],
                sources: [0]
              }
            : q
        )
      }),
      indicators: (f, n) => ({
        ...f,
        indicators: f.indicators.map((x, i) =>
          i === n ? { ...x, id: 'added-sign', text: { nb: 'Tegn', en: 'Sign' }, sources: [0] } : x
        ),
        questions: f.questions.map((q, i) => (i === 0 ? { ...q, indicators: [...q.indicators, n] } : q))
      }),
      advice: (f, n) => ({
        ...f,
        advice: f.advice.map((a, i) =>
          i === n ? { ...a, id: 'added-advice', text: { nb: 'Råd', en: 'Advice' }, levels: ['strong'] } : a
        )
      }),
      sources: (f, n) => ({
        ...f,
        sources: f.sources.map((s, i) => (i === n ? { ...s, id: 'added-source', title: 'Ny kilde' } : s))
      }),
      sections: (f, n) => ({
        ...f,
        sections: f.sections.map((x, i) =>
          i === n
            ? {
                ...x,
                id: 'added-section',
                title: { nb: 'Del', en: 'Part' },
                body: [{ nb: 'Avsnitt.', en: 'Paragraph.' }],
                sources: [0]
              }
            : x
        )
      })
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...all.filter((c) => c.kind === 'checklist')),
        fc.constantFrom<TEditableList>(...editableLists),
        (c, list) => {
          const r = applyOp(formFromChecklist(c), { op: 'add', list });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const n = c[list].length;
          const v = check(c, r.form);
          expect(v.ok).toBe(false);
          if (!v.ok) for (const field of Object.keys(v.fields)) expect(field.startsWith(`${list}.${n}.`)).toBe(true);
          const filled = check(c, fill[list](r.form, n));
          expect(filled.ok ? 'valid' : filled.fields).toBe('valid');
        }
      ),
      { numRuns: 40 }
    );
  });

  it('property: the try pane reads every answer given and scores as the public page’s browser definition does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('yes', 'no', 'unknown'), {
          minLength: carWash.questions.length,
          maxLength: carWash.questions.length
        }),
        (picked) => {
          const values = Object.fromEntries(carWash.questions.map((q, i) => [`try.${q.id}`, picked[i]]));
          const a = tryAnswers(carWash, values);
          expect(a.ok).toBe(true);
          if (a.ok) {
            expect(a.answers).toEqual(Object.fromEntries(carWash.questions.map((q, i) => [q.id, picked[i]])));
            expect(scoreChecklist(scoringDefinition(carWash), a.answers).level).toBe(
              scoreChecklist(carWash, a.answers).level
            );
          }
        }
      )
    );
    expect(tryAnswers(carWash, {})).toMatchObject({ ok: false });
  });

  it('edits the sections of an information page: parts and paragraphs are added, moved and removed', () => {
    expect(parseOp('add:paragraphs:1')).toEqual({ op: 'add', list: 'paragraphs', section: 1 });
    expect(parseOp('down:paragraphs:1.0')).toEqual({ op: 'down', list: 'paragraphs', section: 1, index: 0 });
    expect(parseOp('remove:sections:2')).toEqual({ op: 'remove', list: 'sections', index: 2 });
    const f = formFromChecklist(buyingSex);
    const s = f.sections.findIndex((x) => x.body.length > 1);
    const moved = applyOp(f, { op: 'down', list: 'paragraphs', section: s, index: 0 }, false);
    expect(moved.ok && moved.form.sections[s]!.body).toEqual([
      f.sections[s]!.body[1],
      f.sections[s]!.body[0],
      ...f.sections[s]!.body.slice(2)
    ]);
    const added = applyOp(f, { op: 'add', list: 'paragraphs', section: s }, false);
    expect(added.ok && added.form.sections[s]!.body.at(-1)).toEqual({ nb: '', en: '' });
    // The new paragraph's own fields are the only errors.
    const invalid = added.ok ? check(buyingSex, added.form) : null;
    const n = f.sections[s]!.body.length;
    expect(invalid).toEqual({
      ok: false,
      fields: {
        [`sections.${s}.body.${n}.nb`]: 'content.checklist.error.required',
        [`sections.${s}.body.${n}.en`]: 'content.checklist.error.required'
      }
    });
    const one = { ...f, sections: f.sections.map((x, i) => (i === s ? { ...x, body: x.body.slice(0, 1) } : x)) };
    expect(applyOp(one, { op: 'remove', list: 'paragraphs', section: s, index: 0 }, false)).toMatchObject({
      ok: false,
      field: `sections.${s}.body`,
      reason: { key: 'contentChecklist.refuse.lastParagraph' }
    });
    expect(applyOp(f, { op: 'remove', list: 'paragraphs', section: 99, index: 0 }, false)).toMatchObject({ ok: false });
    // Two parts with one id (the public page keys them by id) are refused beside the second id.
    const dup = { ...f, sections: f.sections.map((x, i) => (i === 1 ? { ...x, id: f.sections[0]!.id } : x)) };
    expect(check(buyingSex, dup)).toEqual({
      ok: false,
      fields: { 'sections.1.id': 'content.checklist.error.duplicate' }
    });
    const removed = applyOp(f, { op: 'remove', list: 'sections', index: 0 }, false);
    const v = removed.ok ? check(buyingSex, removed.form) : null;
    expect(v?.ok && v.checklist.sections.map((x) => x.id)).toEqual(buyingSex.sections.slice(1).map((x) => x.id));
  });

  it('property: on an information page, any sequence of part and paragraph moves and removes gives a valid page or a refusal, and texts are kept', () => {
    const paragraphOps = fc.record({
      op: fc.constantFrom('remove' as const, 'up' as const, 'down' as const),
      list: fc.constant('paragraphs' as const),
      section: fc.integer({ min: -1, max: buyingSex.sections.length }),
      index: fc.integer({ min: -1, max: 6 })
    });
    const sectionOps = fc.record({
      op: fc.constantFrom('remove' as const, 'up' as const, 'down' as const),
      list: fc.constant('sections' as const),
      index: fc.integer({ min: -1, max: buyingSex.sections.length })
    });
    const paragraphs = (c: { sections: { body: { nb: string }[] }[] }) =>
      new Set(c.sections.flatMap((x) => x.body.map((b) => b.nb)));
    fc.assert(
      fc.property(fc.array(fc.oneof(paragraphOps, sectionOps), { minLength: 1, maxLength: 15 }), (ops) => {
        let f = formFromChecklist(buyingSex);
        for (const op of ops) {
          const r = applyOp(f, op as TFormOp, false);
          if (!r.ok) continue;
          f = r.form;
          const v = check(buyingSex, f);
          expect(v.ok ? 'valid' : v.fields).toBe('valid');
          // Nothing is invented: every paragraph left is one of the page's own.
          if (v.ok) for (const p of paragraphs(v.checklist)) expect(paragraphs(buyingSex).has(p)).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });
});
