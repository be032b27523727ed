import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  codeFromBytes,
  distribution,
  gain,
  groupedDistribution,
  initialState,
  nextState,
  normaliseCode,
  publicGain,
  steps,
  totalsBy,
  type TClassState
} from './classroom';

describe('join codes', () => {
  it('property: every code is six unambiguous characters and reads back as itself, also typed loosely', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: CODE_LENGTH, maxLength: CODE_LENGTH }), (bytes) => {
        const code = codeFromBytes(bytes);
        expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
        expect(normaliseCode(code)).toBe(code);
        expect(normaliseCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
      })
    );
  });

  it('refuses codes of the wrong length or with confusable characters', () => {
    expect(normaliseCode('ABC')).toBeNull();
    expect(normaliseCode('ABCDE0')).toBeNull();
    expect(normaliseCode('ABCDEI')).toBeNull();
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
});

describe('the session state machine', () => {
  it('runs before → between → after → between → ended', () => {
    let s: TClassState | null = initialState;
    s = nextState(s, 'start', 2);
    expect(s).toEqual({ phase: 'question', run: 'before', index: 0 });
    expect(nextState(s!, 'next', 2)).toBeNull(); // reveal first
    s = nextState(nextState(s!, 'reveal', 2)!, 'next', 2);
    expect(s).toEqual({ phase: 'question', run: 'before', index: 1 });
    s = nextState(nextState(s!, 'reveal', 2)!, 'next', 2);
    expect(s).toEqual({ phase: 'between', run: 'before', index: 1 });
    s = nextState(s!, 'start', 2);
    expect(s).toEqual({ phase: 'question', run: 'after', index: 0 });
    s = nextState(nextState(nextState(nextState(s!, 'reveal', 2)!, 'next', 2)!, 'reveal', 2)!, 'next', 2);
    expect(s).toEqual({ phase: 'between', run: 'after', index: 1 });
    expect(nextState(s!, 'start', 2)).toBeNull(); // no third run
    expect(nextState(s!, 'end', 2)?.phase).toBe('ended');
  });

  it('property: any sequence of steps keeps the index in range, and nothing follows the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.constantFrom(...steps), { maxLength: 80 }),
        (n, sequence) => {
          let s: TClassState = initialState;
          for (const step of sequence) {
            const next = nextState(s, step, n);
            if (s.phase === 'ended') expect(next).toBeNull();
            if (next) s = next;
            expect(s.index).toBeGreaterThanOrEqual(0);
            expect(s.index).toBeLessThan(n);
            if (s.run === 'after') expect(s.phase).not.toBe('lobby');
          }
        }
      )
    );
  });
});

describe('distribution and gain', () => {
  it('property: counts each pupil at most once per option, and only known options', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { maxLength: 5 }), { maxLength: 60 }),
        (answers) => {
          const d = distribution(['a', 'b', 'c'], answers);
          for (const { id, count } of d) expect(count).toBe(answers.filter((a) => (a as string[]).includes(id)).length);
          expect(d.map((x) => x.id)).toEqual(['a', 'b', 'c']);
        }
      )
    );
  });

  it('property: grouped answers give the same distribution as every answer one by one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            options: fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { maxLength: 4 }),
            count: fc.integer({ min: 0, max: 60 })
          }),
          { maxLength: 12 }
        ),
        (groups) => {
          const oneByOne = groups.flatMap((g) => Array.from({ length: g.count }, () => g.options));
          expect(groupedDistribution(['a', 'b', 'c'], groups)).toEqual(distribution(['a', 'b', 'c'], oneByOne));
        }
      )
    );
  });

  it('counts a group of pupils who chose two options under both', () => {
    expect(
      groupedDistribution(
        ['a', 'b'],
        [
          { options: ['a', 'b'], count: 3 },
          { options: ['b'], count: 2 }
        ]
      )
    ).toEqual([
      { id: 'a', count: 3 },
      { id: 'b', count: 5 }
    ]);
  });

  it('gives the change in percentage points', () => {
    expect(gain({ answered: 20, correct: 5 }, { answered: 20, correct: 15 })).toEqual({
      before: 0.25,
      after: 0.75,
      changePoints: 50
    });
    expect(gain(undefined, { answered: 3, correct: 1 }).changePoints).toBeNull();
  });

  it('property: the public figure never shows a count or share from fewer than 5 answers', () => {
    const count = fc
      .integer({ min: 0, max: 40 })
      .chain((answered) =>
        fc.record({ answered: fc.constant(answered), correct: fc.integer({ min: 0, max: answered }) })
      );
    fc.assert(
      fc.property(count, count, (before, after) => {
        const g = publicGain(before, after);
        if (before.answered > 0 && before.answered < 5) {
          expect(g.answeredBefore.suppressed).toBe(true);
          expect(g.shareBefore).toBeNull();
          expect(g.changePoints).toBeNull();
        }
        if (after.answered > 0 && after.answered < 5) expect(g.shareAfter).toBeNull();
        if (g.shareBefore !== null) expect(g.shareBefore).toBeCloseTo(before.correct / before.answered);
      })
    );
  });
});

describe('totals per municipality', () => {
  it('property: sums answered and right per group and run, and ignores other runs', () => {
    const row = fc.record({
      group: fc.constantFrom('', '0301', '4601'),
      run: fc.constantFrom('before', 'after', 'self'),
      answered: fc.integer({ min: 0, max: 100 }),
      correct: fc.integer({ min: 0, max: 100 })
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const totals = totalsBy(rows);
        for (const group of ['', '0301', '4601'])
          for (const run of ['before', 'after'] as const) {
            const mine = rows.filter((r) => r.group === group && r.run === run);
            const t = totals.get(group)?.[run] ?? { answered: 0, correct: 0 };
            expect(t.answered).toBe(mine.reduce((n, r) => n + r.answered, 0));
            expect(t.correct).toBe(mine.reduce((n, r) => n + r.correct, 0));
          }
        expect([...totals.keys()].every((g) => rows.some((r) => r.group === g && r.run !== 'self'))).toBe(true);
      })
    );
  });
});
