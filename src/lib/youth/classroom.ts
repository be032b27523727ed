import { suppressCount, type TSuppressedCount } from '../stats/suppress';

/**
 * The pure core of classroom mode: join codes, the session's state machine, the live distribution of
 * answers, and the before/after comparison. No clock, no randomness of its own, no database.
 */

/** Join codes avoid letters and digits that are easy to confuse on a projector (0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** A code from `CODE_LENGTH` random bytes (any source of randomness). */
export function codeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}

/** What a pupil typed, as a code: upper case, without spaces or dashes; null when it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export const phases = ['lobby', 'question', 'reveal', 'between', 'ended'] as const;
export type TPhase = (typeof phases)[number];
export const runs = ['before', 'after'] as const;
export type TRun = (typeof runs)[number];
export const steps = ['start', 'reveal', 'next', 'end'] as const;
export type TStep = (typeof steps)[number];

export interface TClassState {
  phase: TPhase;
  run: TRun;
  index: number;
}

export const initialState: TClassState = { phase: 'lobby', run: 'before', index: 0 };

/**
 * The teacher's steps. `start` opens the first question of the before-run (from the lobby) or of the
 * after-run (between the runs); `reveal` shows the answer; `next` opens the next question, or ends the
 * run after the last; `end` ends the session from anywhere. Anything else is not allowed (null).
 */
export function nextState(state: TClassState, step: TStep, questionCount: number): TClassState | null {
  if (state.phase === 'ended') return null;
  switch (step) {
    case 'end':
      return { ...state, phase: 'ended' };
    case 'start':
      if (state.phase === 'lobby') return { phase: 'question', run: 'before', index: 0 };
      if (state.phase === 'between' && state.run === 'before') return { phase: 'question', run: 'after', index: 0 };
      return null;
    case 'reveal':
      return state.phase === 'question' ? { ...state, phase: 'reveal' } : null;
    case 'next':
      if (state.phase !== 'reveal') return null;
      return state.index + 1 < questionCount
        ? { ...state, phase: 'question', index: state.index + 1 }
        : { ...state, phase: 'between' };
  }
}

/** How many chose each option (a pupil may choose several where several are right). */
export function distribution(optionIds: readonly string[], answers: readonly (readonly string[])[]) {
  const counts = new Map(optionIds.map((id) => [id, 0]));
  for (const chosen of answers)
    for (const id of new Set(chosen)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  return optionIds.map((id) => ({ id, count: counts.get(id)! }));
}

/**
 * The same as `distribution`, from grouped answers: each group is one distinct choice and how many
 * pupils made it (what one aggregate query returns), so the projector never reads every answer.
 */
export function groupedDistribution(
  optionIds: readonly string[],
  groups: readonly { options: readonly string[]; count: number }[]
) {
  const counts = new Map(optionIds.map((id) => [id, 0]));
  for (const g of groups)
    for (const id of new Set(g.options)) if (counts.has(id)) counts.set(id, counts.get(id)! + g.count);
  return optionIds.map((id) => ({ id, count: counts.get(id)! }));
}

export interface TRunCount {
  answered: number;
  correct: number;
}

/** Share right (0–1), or null when nobody answered. */
export function shareCorrect(c: TRunCount | undefined): number | null {
  return c && c.answered > 0 ? c.correct / c.answered : null;
}

/** Before vs after for one question: each share, and the change in percentage points (rounded to 1). */
export function gain(before: TRunCount | undefined, after: TRunCount | undefined) {
  const b = shareCorrect(before);
  const a = shareCorrect(after);
  return {
    before: b,
    after: a,
    changePoints: a === null || b === null ? null : Math.round((a - b) * 1000) / 10
  };
}

/**
 * The same comparison for the public: answer counts under 5 are suppressed, and a share is only given
 * where its count is shown (a share of a suppressed count could reveal it).
 */
export function publicGain(before: TRunCount, after: TRunCount) {
  const b = suppressCount(before.answered);
  const a = suppressCount(after.answered);
  const shown = (c: TSuppressedCount, n: TRunCount) => (c.suppressed ? null : shareCorrect(n));
  const sb = shown(b, before);
  const sa = shown(a, after);
  return {
    answeredBefore: b,
    answeredAfter: a,
    shareBefore: sb,
    shareAfter: sa,
    changePoints: sb === null || sa === null ? null : Math.round((sa - sb) * 1000) / 10
  };
}

/**
 * Before and after per group (a school municipality, '' when none was given) summed over every question
 * and week: the rows are kept class tallies.
 */
export function totalsBy(rows: readonly { group: string; run: string; answered: number; correct: number }[]) {
  const map = new Map<string, { before: TRunCount; after: TRunCount }>();
  for (const r of rows) {
    if (r.run !== 'before' && r.run !== 'after') continue;
    const e = map.get(r.group) ?? { before: { answered: 0, correct: 0 }, after: { answered: 0, correct: 0 } };
    e[r.run].answered += r.answered;
    e[r.run].correct += r.correct;
    map.set(r.group, e);
  }
  return map;
}
