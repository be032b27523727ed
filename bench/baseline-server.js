#!/usr/bin/env node
// The baseline every throughput figure is divided by: a bare node:http server on the same database
// with the same durability settings as the app (SQLite: WAL, synchronous=NORMAL; PostgreSQL: a pg pool),
// doing the least work a request of that kind needs.
//   GET  /read  → one select by primary key (cost independent of the table's size), JSON answer
//   POST /write → one insert of a small row, JSON answer
//   POST /survey-write → what a survey response stores, in one transaction: the response row, one row per
//                  answer, +1 on its weighting cell's counter and +1 on each (question, answer, cell) counter
//                  (upserts), with the app's table shapes and indexes; the body is {"answers":{…}} as the app's
// Usage: DATABASE_URL=… PORT=… node bench/baseline-server.js
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const url = process.env.DATABASE_URL ?? 'sqlite::memory:';
const port = Number(process.env.PORT ?? 4900);

let read;
let write;
let surveyWrite;

const surveyTables = [
  'create table if not exists bench_survey_response (id text primary key, wave_id text not null, version_id text not null, iso_week text not null, source_code text, cell text not null)',
  'create index if not exists bench_survey_response_wave_idx on bench_survey_response (wave_id)',
  'create table if not exists bench_survey_answer (response_id text not null references bench_survey_response (id), question_id text not null, value text not null)',
  'create index if not exists bench_survey_answer_response_idx on bench_survey_answer (response_id)',
  'create table if not exists bench_survey_count (wave_id text not null, question_id text not null, answer text not null, cell text not null, n bigint not null, primary key (wave_id, question_id, answer, cell))',
  'create table if not exists bench_survey_cell_count (wave_id text not null, cell text not null, n bigint not null, primary key (wave_id, cell))'
];
/** The rows a response makes: its weighting cell and one (question, answer) per answer. */
function surveyRows(body) {
  const answers = Object.entries(JSON.parse(body).answers ?? {}).map(([q, v]) => [q, String(v)]);
  const get = (q) => answers.find(([k]) => k === q)?.[1] ?? '';
  return { cell: `${get('sex')}|${get('age_group')}|${get('county')}`, answers };
}
if (url.startsWith('sqlite:')) {
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(url.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'create table if not exists bench_row (id text primary key, kind text not null, week text not null, payload text not null)'
  );
  const insert = db.prepare('insert into bench_row (id, kind, week, payload) values (?, ?, ?, ?)');
  const select = db.prepare('select id, kind, week from bench_row where id = ?');
  db.prepare('insert or ignore into bench_row (id, kind, week, payload) values (?, ?, ?, ?)').run(
    'fixed',
    'bench',
    '2026-W48',
    '{}'
  );
  write = async (body) => insert.run(randomUUID(), 'bench', '2026-W48', body);
  for (const ddl of surveyTables) db.exec(ddl);
  const sResponse = db.prepare('insert into bench_survey_response values (?, ?, ?, ?, ?, ?)');
  const sAnswer = db.prepare('insert into bench_survey_answer values (?, ?, ?)');
  const sCell = db.prepare(
    'insert into bench_survey_cell_count values (?, ?, 1) on conflict (wave_id, cell) do update set n = n + 1'
  );
  const sCount = db.prepare(
    'insert into bench_survey_count values (?, ?, ?, ?, 1) on conflict (wave_id, question_id, answer, cell) do update set n = n + 1'
  );
  const store = db.transaction((id, cell, answers) => {
    sResponse.run(id, 'wave', 'version', '2026-W48', null, cell);
    for (const [q, v] of answers) sAnswer.run(id, q, v);
    sCell.run('wave', cell);
    for (const [q, v] of answers) sCount.run('wave', q, v, cell);
  });
  surveyWrite = async (body) => {
    const { cell, answers } = surveyRows(body);
    store(randomUUID(), cell, answers);
  };
  read = async () => select.get('fixed');
} else {
  const pg = await import('pg');
  const pool = new (pg.default ?? pg).Pool({ connectionString: url, max: 10 });
  await pool.query(
    'create table if not exists bench_row (id text primary key, kind text not null, week text not null, payload text not null)'
  );
  await pool.query(
    "insert into bench_row (id, kind, week, payload) values ('fixed', 'bench', '2026-W48', '{}') on conflict do nothing"
  );
  write = (body) =>
    pool.query('insert into bench_row (id, kind, week, payload) values ($1, $2, $3, $4)', [
      randomUUID(),
      'bench',
      '2026-W48',
      body
    ]);
  read = async () => (await pool.query('select id, kind, week from bench_row where id = $1', ['fixed'])).rows[0];
  for (const ddl of surveyTables) await pool.query(ddl);
  surveyWrite = async (body) => {
    const { cell, answers } = surveyRows(body);
    const id = randomUUID();
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('insert into bench_survey_response values ($1, $2, $3, $4, $5, $6)', [
        id,
        'wave',
        'version',
        '2026-W48',
        null,
        cell
      ]);
      const values = (width) =>
        answers.map((_, i) => `(${Array.from({ length: width }, (_, k) => `$${i * width + k + 1}`)})`);
      await client.query(
        `insert into bench_survey_answer values ${values(3).join(', ')}`,
        answers.flatMap(([q, v]) => [id, q, v])
      );
      await client.query(
        'insert into bench_survey_cell_count values ($1, $2, 1) on conflict (wave_id, cell) do update set n = bench_survey_cell_count.n + 1',
        ['wave', cell]
      );
      await client.query(
        `insert into bench_survey_count values ${answers.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, 1)`).join(', ')} on conflict (wave_id, question_id, answer, cell) do update set n = bench_survey_count.n + 1`,
        answers.flatMap(([q, v]) => ['wave', q, v, cell])
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  };
}

createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/write') {
      let body = '';
      for await (const chunk of req) body += chunk;
      await write(body);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else if (req.method === 'POST' && req.url === '/survey-write') {
      let body = '';
      for await (const chunk of req) body += chunk;
      await surveyWrite(body);
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"ok"}');
    } else if (req.url === '/read') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await read()));
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));
