import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStats, lineDiff } from './content.diff';
import { sanitiseMarkdown } from './content.sanitise';
import { contentActions, contentStates, transition } from './content.workflow';

const editor = { actorId: 'ed', canEdit: true, editedBy: ['ed'], twoPersonReview: true };

describe('workflow', () => {
  it('goes draft → in review → published → archived', () => {
    expect(transition('draft', 'submit', editor)).toEqual({ ok: true, state: 'in_review' });
    expect(transition('in_review', 'publish', { ...editor, actorId: 'other' })).toEqual({
      ok: true,
      state: 'published'
    });
    expect(transition('published', 'archive', editor)).toEqual({ ok: true, state: 'archived' });
    expect(transition('in_review', 'return', editor)).toEqual({ ok: true, state: 'draft' });
  });

  it('refuses the author publishing their own change under two-person review, and a draft skipping review', () => {
    expect(transition('in_review', 'publish', editor)).toEqual({ ok: false, reason: 'content.error.ownChange' });
    expect(transition('draft', 'publish', { ...editor, actorId: 'other' })).toEqual({
      ok: false,
      reason: 'content.error.reviewFirst'
    });
    expect(transition('in_review', 'publish', { ...editor, twoPersonReview: false })).toMatchObject({ ok: true });
    expect(transition('draft', 'publish', { ...editor, twoPersonReview: false })).toMatchObject({ ok: true });
  });

  it('allows nothing to someone who may not edit, and nothing out of an archived version', () => {
    fc.assert(
      fc.property(fc.constantFrom(...contentStates), fc.constantFrom(...contentActions), (state, action) => {
        expect(transition(state, action, { ...editor, canEdit: false }).ok).toBe(false);
        expect(transition('archived', action, editor).ok).toBe(false);
      })
    );
  });

  it('under two-person review, never lets anyone who edited a version publish it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...contentStates),
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
        fc.constantFrom('a', 'b', 'c'),
        (state, editedBy, actorId) => {
          const r = transition(state, 'publish', { actorId, canEdit: true, editedBy, twoPersonReview: true });
          if (editedBy.includes(actorId) || state !== 'in_review') expect(r.ok).toBe(false);
          else expect(r).toEqual({ ok: true, state: 'published' });
        }
      )
    );
  });
});

describe('the Markdown sanitiser', () => {
  it('removes scripts, tags, comments and javascript: links and says what it removed', () => {
    const r = sanitiseMarkdown(
      'Hei <b>du</b>.\n\n<script>alert(1)</script>\n<!-- skjult -->\n[klikk](javascript:alert(1)) og [trygg](https://example.org)'
    );
    expect(r.markdown).toBe('Hei du.\n\n\n\nklikk og [trygg](https://example.org)');
    expect(r.removed.map((x) => x.kind).sort()).toEqual(['comment', 'link', 'script', 'tag', 'tag']);
    expect(r.removed.find((x) => x.kind === 'script')?.text).toBe('<script>alert(1)</script>');
  });

  it('leaves code, autolinks and comparisons alone', () => {
    const md = 'Skriv `<b>` for fet.\n\n```\n<div>kode</div>\n```\n\n<https://example.org> og 3 < 5 > 2';
    expect(sanitiseMarkdown(md)).toEqual({ markdown: md, removed: [] });
  });

  it('reports nothing exactly when nothing changed, leaves no tag behind, and is idempotent', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '/',
      'script',
      'b',
      ' ',
      'a',
      '\n',
      '`',
      '!--',
      '-->',
      '(',
      ')',
      '[',
      ']',
      'x'
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const input = parts.join('');
        const once = sanitiseMarkdown(input);
        expect(once.removed.length === 0).toBe(once.markdown === input);
        expect(sanitiseMarkdown(once.markdown)).toEqual({ markdown: once.markdown, removed: [] });
        const outsideCode = once.markdown.split(/```[\s\S]*?(?:```|$)|`[^`\n]+`/).join('');
        // No whole tag is left (a lone "<script" without ">" is shown as text by the renderer).
        expect(outsideCode).not.toMatch(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/);
      })
    );
  });
});

describe('the diff', () => {
  it('marks added and removed lines', () => {
    const parts = lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(parts).toEqual([
      { kind: 'same', text: 'a\n' },
      { kind: 'removed', text: 'b\n' },
      { kind: 'added', text: 'B\n' },
      { kind: 'same', text: 'c\n' },
      { kind: 'added', text: 'd\n' }
    ]);
    expect(diffStats(parts)).toEqual({ added: 2, removed: 1 });
  });

  it('rebuilds both texts from its parts', () => {
    const text = fc
      .array(fc.constantFrom('a\n', 'b\n', 'c\n', 'x', '\n', 'æ\n'), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = lineDiff(a, b);
        expect(
          parts
            .filter((p) => p.kind !== 'added')
            .map((p) => p.text)
            .join('')
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.kind !== 'removed')
            .map((p) => p.text)
            .join('')
        ).toBe(b);
        if (a === b) expect(parts.every((p) => p.kind === 'same')).toBe(true);
      })
    );
  });
});
