import { describe, expect, it } from 'vitest';
import { SurveyStatsError } from '../../stats/survey';
import { EstimateInputError, estimateFromCsv, parseEstimateArgs } from './surveys.estimate';

const responses = [
  'id,sex,age,q,w',
  '1,female,16-29,yes,1',
  '2,female,16-29,no,1.5',
  '3,female,30+,yes,1',
  '4,male,16-29,no,2',
  '5,male,30+,yes,1',
  '6,male,30+,,1',
  '7,male,16-29,no,0.5',
  '8,female,30+,no,1'
];
const margins = ['variable,level,total', 'sex,female,510', 'sex,male,490', 'age,16-29,300', 'age,30+,700'];
const args = (over: string[] = []) =>
  parseEstimateArgs(['--responses', 'r.csv', '--margins', 'm.csv', '--question', 'q', ...over]);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('estimate CLI', () => {
  it('rakes by default and prints unweighted and weighted shares with intervals', () => {
    const out = estimateFromCsv(args(['--weight', 'w']), responses.join('\n'), margins.join('\n'));
    expect(out.method).toBe('rake');
    expect(out.weighting_variables).toEqual(['sex', 'age']);
    expect(out.base_n).toBe(7);
    const yes = out.answers!.find((a) => a.code === 'yes')!;
    expect(yes.n).toBe(3);
    expect(yes.proportion).toBeCloseTo(3 / 7, 14);
    // Domain estimation as R's svymean(na.rm = TRUE): the one who did not answer stays in the sample
    // (n = 8), so V = 8/7 · Σ(y − p)²/7² = 8·p(1 − p)/49.
    expect(yes.se).toBeCloseTo(Math.sqrt((8 * (3 / 7) * (4 / 7)) / 49), 12);
    expect(yes.weighted_proportion).toBeGreaterThan(0);
    expect(yes.weighted_ci_low).toBeLessThan(yes.weighted_proportion);
    expect(out.answers!.reduce((s, a) => s + a.weighted_proportion, 0)).toBeCloseTo(1, 12);
  });

  it('reads a BOM, semicolons, decimal commas and CRLF exactly as a plain CSV', () => {
    const plain = estimateFromCsv(args(['--weight', 'w']), responses.join('\n'), margins.join('\n'));
    const excel = estimateFromCsv(
      args(['--weight', 'w']),
      '\uFEFF' +
        responses.map((l) => l.replace(/,/g, ';').replace('1.5', '1,5').replace('0.5', '0,5')).join('\r\n') +
        '\r\n',
      '\uFEFF' + margins.map((l) => l.replace(/,/g, ';')).join('\r\n')
    );
    expect(excel).toEqual(plain);
  });

  it('gives one block per group with --by', () => {
    const out = estimateFromCsv(
      args(['--by', 'sex', '--method', 'poststratify']),
      responses.join('\n'),
      margins.filter((l) => !l.startsWith('age')).join('\n')
    );
    expect(out.groups!.map((g) => g.group)).toEqual(['female', 'male']);
    expect(out.groups![1].base_n).toBe(3);
  });

  it('refuses a broken CSV with the file and line number', () => {
    const e = thrown(() =>
      estimateFromCsv(
        args(),
        [...responses.slice(0, 3), '9,male,30+', ...responses.slice(3)].join('\n'),
        margins.join('\n')
      )
    );
    expect(e).toBeInstanceOf(EstimateInputError);
    expect(e.message).toContain('r.csv, line 4');
    const w = thrown(() =>
      estimateFromCsv(args(['--weight', 'w']), [...responses, '9,male,30+,yes,heavy'].join('\n'), margins.join('\n'))
    );
    expect(w.message).toBe('r.csv, line 10: the weight "heavy" is not a positive number');
    const m = thrown(() => estimateFromCsv(args(), responses.join('\n'), [...margins, 'age,30+,lots'].join('\n')));
    expect(m.message).toContain('m.csv, line 6');
  });

  it('refuses missing columns, one-variable post-stratification with two, and bad flags', () => {
    expect(
      thrown(() => estimateFromCsv(args(['--by', 'county']), responses.join('\n'), margins.join('\n'))).message
    ).toBe('r.csv, line 1: there is no column "county"');
    expect(
      thrown(() => estimateFromCsv(args(['--method', 'poststratify']), responses.join('\n'), margins.join('\n')))
        .message
    ).toContain('poststratify takes a single variable');
    expect(
      thrown(() => parseEstimateArgs(['--responses', 'r.csv', '--question', 'q', '--method', 'rake'])).message
    ).toContain('needs --margins');
    expect(thrown(() => parseEstimateArgs(['--responses', 'r.csv', '--quesion', 'q'])).message).toContain(
      'unknown argument'
    );
  });

  it('names the margin cell without respondents and margins that do not add up', () => {
    const e = thrown(() => estimateFromCsv(args(), responses.join('\n'), [...margins, 'age,99+,10'].join('\n')));
    expect(e).toBeInstanceOf(SurveyStatsError);
    expect((e as SurveyStatsError).key).toBe('surveys.error.marginTotals');
    const f = thrown(() =>
      estimateFromCsv(
        args(),
        responses.join('\n'),
        margins
          .map((l) => l.replace('30+,700', '30+,690'))
          .concat('age,99+,10')
          .join('\n')
      )
    );
    expect((f as SurveyStatsError).key).toBe('surveys.error.noRespondents');
    expect(f.message).toContain('age=99+');
  });
});
