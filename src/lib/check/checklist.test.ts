import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecklist, type TChecklist } from './checklist';

const dir = resolve('data/checklists');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string) =>
  parseChecklist(`data/checklists/${file}`, JSON.parse(readFileSync(resolve(dir, file), 'utf8')));

describe('checklist files', () => {
  it('covers the seven sectors of the issue', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([
      'beauty-salon',
      'buying-sex',
      'car-wash',
      'cleaning',
      'construction',
      'food-agriculture',
      'restaurant'
    ]);
  });

  for (const file of files) {
    it(`${file} is valid, sourced and in both languages`, () => {
      const c = load(file);
      expect(c.sources.length).toBeGreaterThan(0);
      if (c.kind === 'checklist') {
        expect(c.questions.length).toBeGreaterThanOrEqual(5);
        // A phone check in under a minute: a short list.
        expect(c.questions.length).toBeLessThanOrEqual(12);
        expect(c.questions.some((q) => q.strong)).toBe(true);
      } else {
        expect(c.sections.length).toBeGreaterThan(0);
      }
    });
  }

  it('buying sex has no score, only information', () => {
    const c = load('buying-sex.json');
    expect(c.kind).toBe('information');
    expect(c.questions).toEqual([]);
  });
});

describe('the checklist schema names the file and the field at fault', () => {
  const good = load('car-wash.json');
  const bad = (mutate: (c: Record<string, unknown>) => void) => {
    const copy = structuredClone(good) as unknown as Record<string, unknown>;
    mutate(copy);
    return () => parseChecklist('data/checklists/car-wash.json', copy);
  };

  it('a missing English text', () => {
    expect(bad((c) => delete ((c.questions as TChecklist['questions'])[2].why as Partial<{ en: string }>).en)).toThrow(
      /^data\/checklists\/car-wash\.json: questions\.2\.why\.en: /
    );
  });

  it('an indicator that does not exist', () => {
    expect(bad((c) => ((c.questions as TChecklist['questions'])[0].indicators = ['nope']))).toThrow(
      /questions\.0\.indicators\.0: unknown indicator "nope"/
    );
  });

  it('a source that is not listed', () => {
    expect(bad((c) => ((c.questions as TChecklist['questions'])[1].sources = ['made-up']))).toThrow(
      /questions\.1\.sources\.0: unknown source "made-up"/
    );
  });

  it('thresholds out of order, a duplicate id, an unknown field, a wrong id', () => {
    expect(bad((c) => (c.thresholds = { some: 9, strong: 3 }))).toThrow(/thresholds\.strong/);
    expect(
      bad((c) => (c.questions as TChecklist['questions']).push((c.questions as TChecklist['questions'])[0]))
    ).toThrow(/duplicate id "price-far-below"/);
    expect(bad((c) => (c.colour = 'red'))).toThrow(/colour/);
    expect(bad((c) => (c.id = 'cleaning'))).toThrow(/id: must be "car-wash"/);
  });
});
