/**
 * The staff chart gallery (`/admin/charts`): the two survey charts drawn from (1) the Scottish published
 * reference series and (2) a small example computed by the survey statistics engine on data generated
 * here with a fixed seed — so editors can check the look of real engine output (weighted and
 * unweighted shares, intervals, suppression of counts under 5, n < 30 marked, method changes) before
 * any survey has answers. Generated data are labelled as such on the page.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { translate, type Locale, type MessageKey } from '../../i18n';
import type { TProportionItem } from '../../charts/proportion-layout';
import type { TReferenceSeries as TChartReference, TTrendPoint } from '../../charts/trend-layout';
import { suppressGroup } from '../../stats/suppress';
import {
  fromMicrodata,
  noWeighting,
  proportions,
  proportionsBy,
  rake,
  type TRespondent,
  type TTarget
} from '../../stats/survey';
import { referenceDataDir } from '../reference/reference.service';
import { scottishReferenceSeries, type TReferenceSeries } from '../surveys-reference/reference-series';

/** Under this many answers an estimate is marked as too uncertain (issue 7). */
export const UNRELIABLE_BELOW = 30;

const SEXES = ['female', 'male'] as const;
const AGES = ['16-29', '30-44', '45-64', '65+'] as const;
const ANSWERS = ['great', 'some', 'little', 'none', 'dontKnow'] as const;

function age4(group: string): (typeof AGES)[number] {
  const lower = Number(group.split(/[-+]/)[0]);
  return lower < 30 ? '16-29' : lower < 45 ? '30-44' : lower < 65 ? '45-64' : '65+';
}

/** Sex and age margins of Norway's population 16+ (SSB 07459 via csdata, data/SOURCES.md). */
function norwayMargins(): TTarget[] {
  const rows = parse(readFileSync(resolve(referenceDataDir(), 'norway_population_margins.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true
  }) as { level: string; sex: string; age_group: string; population: string }[];
  const sex = new Map<string, number>();
  const age = new Map<string, number>();
  for (const r of rows.filter((r) => r.level === 'nation')) {
    sex.set(r.sex, (sex.get(r.sex) ?? 0) + Number(r.population));
    age.set(age4(r.age_group), (age.get(age4(r.age_group)) ?? 0) + Number(r.population));
  }
  return [
    { variables: ['sex'], cells: SEXES.map((l) => ({ levels: [l], total: sex.get(l)! })) },
    { variables: ['age'], cells: AGES.map((l) => ({ levels: [l], total: age.get(l)! })) }
  ];
}

/** mulberry32: a small seeded generator, so the gallery shows the same example every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, values: readonly T[], probs: readonly number[]): T {
  let u = rnd() * probs.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    u -= probs[i];
    if (u <= 0) return values[i];
  }
  return values[values.length - 1];
}

/**
 * Generated respondents of one wave: a sample with too many older women (so weighting matters) and few
 * under 30 (so that group has fewer than 30 answers); "not at all" is given by exactly 3 people (so it
 * is suppressed). `lift` raises "to a great extent" (for the trend).
 */
function generateWave(stratum: string, n: number, seed: number, lift: number): TRespondent[] {
  const rnd = random(seed);
  const out: TRespondent[] = [];
  for (let i = 0; i < n; i++) {
    const sex = pick(rnd, SEXES, [0.6, 0.4]);
    const age = pick(rnd, AGES, [0.03, 0.22, 0.4, 0.35]);
    const great = 0.16 + lift + (age === '65+' ? 0.08 : 0) + (sex === 'female' ? 0.03 : 0);
    const value = i < 3 ? 'none' : pick(rnd, ANSWERS, [great, 0.38, 0.3 - lift, 0, 0.07]);
    out.push({ stratum, cell: [sex, age], value, group: age });
  }
  return out;
}

export interface TGallery {
  scotland: {
    report: { title: string; items: TProportionItem[]; sources: { label: string; url: string }[]; caveats: string[] };
    understanding: {
      title: string;
      items: TProportionItem[];
      sources: { label: string; url: string }[];
      caveats: string[];
    };
  };
  example: {
    title: string;
    items: TProportionItem[];
    byAge: { title: string; items: TProportionItem[] };
    trend: { title: string; points: TTrendPoint[]; reference: TChartReference; caveats: string[] };
  };
  methods: Record<string, string>;
}

function publishedChart(series: TReferenceSeries[], locale: Locale) {
  const items: TProportionItem[] = series.flatMap((s) =>
    s.points.map((p) => ({ label: s.label[locale], value: p.value, series: String(p.year) }))
  );
  const points = series.flatMap((s) => s.points);
  return {
    items,
    sources: [...new Map(points.map((p) => [p.url, { label: p.source, url: p.url }])).values()],
    caveats: [...new Set(points.map((p) => p.caveat[locale]))]
  };
}

export function chartGallery(locale: Locale): TGallery {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const reference = scottishReferenceSeries();
  const byId = new Map(reference.map((s) => [s.indicator, s]));
  const report = publishedChart(
    reference.filter((s) => s.indicator.startsWith('would_')),
    locale
  );
  const understanding = publishedChart(
    reference.filter((s) => s.indicator.startsWith('understand_')),
    locale
  );

  // The engine on generated data: one wave raked to Norway's sex and age margins.
  const margins = norwayMargins();
  const answerLabel = (code: string) => t(`charts.admin.answer.${code}` as MessageKey);
  const one = fromMicrodata(['sex', 'age'], generateWave('w1', 800, 20270301, 0));
  const plain = proportions(one, noWeighting(one), {}, { codes: ANSWERS });
  const raked = rake(one, margins, { maxit: 50, epsilon: 1e-9 });
  const weighted = proportions(one, raked, {}, { codes: ANSWERS });
  const hidden = suppressGroup(plain.answers.map((a) => a.n));
  const items: TProportionItem[] = [];
  for (const [name, result] of [
    [t('charts.admin.unweighted'), plain],
    [t('charts.admin.weighted'), weighted]
  ] as const)
    result.answers.forEach((a, i) =>
      items.push({
        label: answerLabel(a.code),
        series: name,
        value: a.proportion,
        low: Math.max(0, a.ci_low),
        high: Math.min(1, a.ci_high),
        suppressed: hidden[i].suppressed,
        secondary: hidden[i].suppressed && plain.answers[i].n >= 5,
        unreliable: result.base_n < UNRELIABLE_BELOW
      })
    );
  const byAge = proportionsBy(one, raked, {}, { codes: ANSWERS }).map(({ group, result }) => {
    const a = result.answers.find((x) => x.code === 'some')!;
    return {
      label: t('charts.admin.ageGroup', { group }),
      value: a.proportion,
      low: Math.max(0, a.ci_low),
      high: Math.min(1, a.ci_high),
      suppressed: a.n > 0 && a.n < 5,
      unreliable: result.base_n < UNRELIABLE_BELOW
    };
  });

  // Four waves; the method changes after the second.
  const waves = [
    { stratum: 'w1', date: '2027-03-01', lift: 0, method: 'face_to_face' },
    { stratum: 'w2', date: '2027-09-01', lift: 0.03, method: 'face_to_face' },
    { stratum: 'w3', date: '2028-03-01', lift: 0.08, method: 'online' },
    { stratum: 'w4', date: '2028-09-01', lift: 0.09, method: 'online' }
  ];
  const all = fromMicrodata(
    ['sex', 'age'],
    waves.flatMap((w, i) => generateWave(w.stratum, 600, 20270301 + i, w.lift))
  );
  const allRaked = rake(all, margins, { maxit: 50, epsilon: 1e-9 });
  const points: TTrendPoint[] = waves.map((w, i) => {
    const r = proportions(all, allRaked, { strata: [w.stratum] }, { codes: ANSWERS });
    const a = r.answers.find((x) => x.code === 'great')!;
    return {
      label: `${t('charts.admin.wave', { number: i + 1 })} (${w.date.slice(0, 7)})`,
      date: w.date,
      value: a.proportion,
      low: Math.max(0, a.ci_low),
      high: Math.min(1, a.ci_high),
      method: w.method,
      suppressed: a.n > 0 && a.n < 5
    };
  });
  const scot = byId.get('issue_great_extent_scotland')!;
  return {
    scotland: {
      report: { title: t('charts.admin.reportTitle'), ...report },
      understanding: { title: t('charts.admin.understandingTitle'), ...understanding }
    },
    example: {
      title: t('charts.admin.exampleTitle'),
      items,
      byAge: { title: t('charts.admin.byAgeTitle'), items: byAge },
      trend: {
        title: t('charts.admin.trendTitle'),
        points,
        reference: {
          label: t('charts.admin.scotlandReference'),
          points: scot.points.map((p) => ({ label: String(p.year), value: p.value, source: p.source, url: p.url }))
        },
        caveats: [...new Set(scot.points.map((p) => p.caveat[locale]))]
      }
    },
    methods: { face_to_face: t('charts.admin.method.face_to_face'), online: t('charts.admin.method.online') }
  };
}
