/**
 * `npm run forebygg -- estimate`: weighted estimates of one question from two CSV files, for analysts
 * and for checking the engine against other tools (R, SPSS, Stata).
 *
 *   --responses <csv>  one row per respondent, a column per variable
 *   --margins <csv>    columns variable,level,total: population total of each category of each weighting variable
 *   --question <col>   the choice question to estimate (an empty cell = not answered)
 *   --by <col>         optional breakdown (one block of estimates per value)
 *   --method none|poststratify|rake   default rake with margins, none without; poststratify takes one variable
 *   --weight <col>     optional base weight (default 1)
 *
 * CSV: UTF-8 with or without BOM, `,` or `;` separated (a `;` file may use decimal commas), LF or CRLF.
 * Anything else is refused with the file and line number.
 */
import { parse } from 'csv-parse/sync';
import {
  fromMicrodata,
  noWeighting,
  postStratify,
  proportions,
  proportionsBy,
  rake,
  type TProportions,
  type TRespondent,
  type TTarget,
  type TWeighting
} from '../../stats/survey';

export class EstimateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EstimateInputError';
  }
}

export interface TEstimateArgs {
  responses: string;
  margins?: string;
  question: string;
  by?: string;
  method: 'none' | 'poststratify' | 'rake';
  weight?: string;
}

const USAGE =
  'usage: estimate --responses <csv> --margins <csv> --question <col> [--by <col>] [--method none|poststratify|rake] [--weight <col>]';

/** Parses the command line of `estimate`; file names, not contents. */
export function parseEstimateArgs(argv: readonly string[]): TEstimateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!['--responses', '--margins', '--question', '--by', '--method', '--weight'].includes(flag))
      throw new EstimateInputError(`unknown argument "${flag}"\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new EstimateInputError(`${flag} needs a value\n${USAGE}`);
    values.set(flag.slice(2), value);
  }
  const responses = values.get('responses');
  const question = values.get('question');
  if (!responses || !question) throw new EstimateInputError(`--responses and --question are required\n${USAGE}`);
  const margins = values.get('margins');
  const method = values.get('method') ?? (margins ? 'rake' : 'none');
  if (method !== 'none' && method !== 'poststratify' && method !== 'rake')
    throw new EstimateInputError(`--method must be none, poststratify or rake, not "${method}"`);
  if (method !== 'none' && !margins) throw new EstimateInputError(`--method ${method} needs --margins`);
  return { responses, margins, question, by: values.get('by'), method, weight: values.get('weight') };
}

interface TTable {
  columns: string[];
  rows: { line: number; values: Record<string, string> }[];
  semicolon: boolean;
}

/** Reads a CSV text: BOM, `,` or `;`, LF or CRLF; errors name the file and line. */
export function readCsv(text: string, file: string): TTable {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const semicolon = firstLine.includes(';') && !firstLine.includes(',');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: semicolon ? ';' : ',',
      info: true,
      skip_empty_lines: true,
      trim: true
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new EstimateInputError(
      `${file}${line ? `, line ${line}` : ''}: not a readable CSV file (${(e as Error).message})`
    );
  }
  if (records.length === 0) throw new EstimateInputError(`${file}: the file is empty`);
  const columns = records[0].record;
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') throw new EstimateInputError(`${file}, line 1: a column has no name`);
    if (seen.has(c)) throw new EstimateInputError(`${file}, line 1: the column "${c}" appears twice`);
    seen.add(c);
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((c, i) => [c, record[i]]))
  }));
  return { columns, rows, semicolon };
}

function numberOf(raw: string, semicolon: boolean): number {
  const s = semicolon ? raw.replace(',', '.') : raw;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}

function marginsOf(table: TTable, file: string): TTarget[] {
  for (const c of ['variable', 'level', 'total'])
    if (!table.columns.includes(c))
      throw new EstimateInputError(`${file}, line 1: the margins need the columns variable, level and total`);
  const byVariable = new Map<string, { levels: string[]; total: number }[]>();
  for (const { line, values } of table.rows) {
    const total = numberOf(values.total, table.semicolon);
    if (!Number.isFinite(total) || total < 0)
      throw new EstimateInputError(`${file}, line ${line}: the total "${values.total}" is not a number ≥ 0`);
    if (!values.variable || !values.level)
      throw new EstimateInputError(`${file}, line ${line}: variable and level must not be empty`);
    const list = byVariable.get(values.variable) ?? [];
    if (list.some((c) => c.levels[0] === values.level))
      throw new EstimateInputError(`${file}, line ${line}: ${values.variable}=${values.level} is given twice`);
    list.push({ levels: [values.level], total });
    byVariable.set(values.variable, list);
  }
  if (byVariable.size === 0) throw new EstimateInputError(`${file}: no margins`);
  return [...byVariable].map(([variable, cells]) => ({ variables: [variable], cells }));
}

export interface TEstimateAnswer {
  code: string;
  label: string;
  n: number;
  proportion: number;
  se: number;
  ci_low: number;
  ci_high: number;
  weighted_proportion: number;
  weighted_se: number;
  weighted_ci_low: number;
  weighted_ci_high: number;
  weighted_logit_ci_low: number;
  weighted_logit_ci_high: number;
  weighted_deff: number;
  weighted_effective_n: number;
}

export interface TEstimateBlock {
  base_n: number;
  /** Kish's effective sample size (Σw)²/Σw² of the weighted estimate, and n divided by it. */
  effective_n: number;
  deff: number;
  answers: TEstimateAnswer[];
}

export interface TEstimateOutput {
  question: string;
  method: TEstimateArgs['method'];
  weighting_variables: string[];
  raking_iterations?: number;
  by?: string;
  answers?: TEstimateAnswer[];
  base_n?: number;
  effective_n?: number;
  deff?: number;
  groups?: ({ group: string } & TEstimateBlock)[];
}

function block(unweighted: TProportions, weighted: TProportions): TEstimateBlock {
  return {
    base_n: weighted.base_n,
    effective_n: weighted.effective_n,
    deff: weighted.deff,
    answers: weighted.answers.map((w, i) => {
      const u = unweighted.answers[i];
      return {
        code: w.code,
        label: w.code,
        n: w.n,
        proportion: u.proportion,
        se: u.se,
        ci_low: u.ci_low,
        ci_high: u.ci_high,
        weighted_proportion: w.proportion,
        weighted_se: w.se,
        weighted_ci_low: w.ci_low,
        weighted_ci_high: w.ci_high,
        weighted_logit_ci_low: w.logit_ci_low,
        weighted_logit_ci_high: w.logit_ci_high,
        weighted_deff: w.deff,
        weighted_effective_n: w.effective_n
      };
    })
  };
}

/** The estimate of `args` from the two files' texts (the CLI reads them; tests pass strings). */
export function estimateFromCsv(args: TEstimateArgs, responsesText: string, marginsText?: string): TEstimateOutput {
  const responses = readCsv(responsesText, args.responses);
  const margins =
    marginsText !== undefined && args.margins ? marginsOf(readCsv(marginsText, args.margins), args.margins) : [];
  if (args.method === 'poststratify' && margins.length !== 1)
    throw new EstimateInputError(
      `${args.margins}: poststratify takes a single variable, the margins give ${margins.map((m) => m.variables[0]).join(', ')}; use --method rake`
    );
  const variables = args.method === 'none' ? [] : margins.map((m) => m.variables[0]);
  for (const c of [args.question, ...variables, ...(args.by ? [args.by] : []), ...(args.weight ? [args.weight] : [])])
    if (!responses.columns.includes(c))
      throw new EstimateInputError(`${args.responses}, line 1: there is no column "${c}"`);
  const people: TRespondent[] = [];
  const unit: TRespondent[] = [];
  for (const { line, values } of responses.rows) {
    let weight = 1;
    if (args.weight) {
      weight = numberOf(values[args.weight], responses.semicolon);
      if (!(weight > 0) || !Number.isFinite(weight))
        throw new EstimateInputError(
          `${args.responses}, line ${line}: the weight "${values[args.weight]}" is not a positive number`
        );
    }
    const cell = variables.map((v) => values[v]);
    const empty = variables.find((v) => values[v] === '');
    if (empty)
      throw new EstimateInputError(`${args.responses}, line ${line}: the weighting variable "${empty}" is empty`);
    const answer = values[args.question] === '' ? null : values[args.question];
    const group = args.by ? values[args.by] || null : null;
    people.push({ stratum: 'all', cell, value: answer, group, weight });
    unit.push({ stratum: 'all', cell: [], value: answer, group });
  }
  if (people.length === 0) throw new EstimateInputError(`${args.responses}: no respondents`);
  const weighted = fromMicrodata(variables, people);
  const plain = fromMicrodata([], unit);
  let w: TWeighting;
  if (args.method === 'poststratify') w = postStratify(weighted, margins[0]);
  else if (args.method === 'rake') w = rake(weighted, margins, { maxit: 50, epsilon: 1e-9 });
  else w = noWeighting(weighted);
  const codes = [...new Set(people.map((p) => p.value).filter((v): v is string => v !== null))].sort();
  if (codes.length === 0) throw new EstimateInputError(`${args.responses}: nobody answered "${args.question}"`);
  const head: TEstimateOutput = {
    question: args.question,
    method: args.method,
    weighting_variables: variables,
    ...(args.method === 'rake' ? { raking_iterations: w.iterations } : {})
  };
  if (!args.by)
    return {
      ...head,
      ...block(proportions(plain, noWeighting(plain), {}, { codes }), proportions(weighted, w, {}, { codes }))
    };
  const u = proportionsBy(plain, noWeighting(plain), {}, { codes });
  const g = proportionsBy(weighted, w, {}, { codes });
  return {
    ...head,
    by: args.by,
    groups: g.map((x, i) => ({ group: x.group, ...block(u[i].result, x.result) }))
  };
}
