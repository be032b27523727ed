#!/usr/bin/env node
// The baseline every throughput figure is divided by: a bare node:http server on the same database
// with the same durability settings as the app (SQLite: WAL, synchronous=NORMAL; PostgreSQL: a pg pool),
// doing the least work a request of that kind needs.
//   GET  /read  → one select by primary key (cost independent of the table's size), JSON answer
//   POST /write → one insert of a small row, JSON answer
// Usage: DATABASE_URL=… PORT=… node bench/baseline-server.js
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const url = process.env.DATABASE_URL ?? 'sqlite::memory:';
const port = Number(process.env.PORT ?? 4900);

let read;
let write;
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
}

createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/write') {
      let body = '';
      for await (const chunk of req) body += chunk;
      await write(body);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else if (req.url === '/read') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await read()));
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));
