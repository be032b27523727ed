// The crash test's report writer: POST /api/v1/reports (the report row, its sealed data key and its receipt
// wrap in one transaction). A stored report counts only if it is whole: its recipient row exists and its
// content decrypts with the receiving organisation's key to the text that was sent.
import { randomUUID } from 'node:crypto';
import { openApp } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { setUpAdmin } from '../../src/lib/server/testing/fixtures';
import { addRule } from '../../src/lib/server/report/report.service';
import { sessionOrgKey } from '../../src/lib/server/report/report.keys';
import { decryptText, openSealed, type TKeyPair } from '../../src/lib/server/report/report.crypto';
import { createCaseHandler, createTestOrganisation, signIn } from '../../src/lib/server/report/report.testing';
import type { TReader } from './reader';
import { RejectedWrite } from './rejected';
import type { TWriter } from './writers';

// The app is started by run.ts with this process's environment: lift the per-client hourly report limit,
// or every write after the tenth would (rightly) be refused with 429.
process.env.REPORT_SUBMITS_PER_HOUR ??= '1000000';

/** The receiving organisation's key pair, unlocked once in prepare (a case handler's login, in process). */
let orgKey: TKeyPair | null = null;

export const reports: TWriter = {
  name: 'reports',
  // Each report costs an argon2id derivation (~0.4 s of the server's event loop here): one write in
  // twenty, so the checks keep their pace and reports still land between kills.
  weight: 0.05,
  async prepare(_origin, databaseUrl) {
    const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl }));
    try {
      const { admin } = await setUpAdmin(ctx);
      const org = await createTestOrganisation(ctx, admin, `Crash receiver ${randomUUID().slice(0, 6)}`);
      const handler = await createCaseHandler(ctx, admin, org);
      const session = await signIn(ctx, handler.id);
      orgKey = await sessionOrgKey(ctx.db, session, org);
      if (!orgKey) throw new Error('the crash receiver has no key');
      await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
    } finally {
      await ctx.close();
    }
    return null;
  },
  async write(origin, _context, random) {
    const text = `crash-report-${Math.floor(random() * 2 ** 48).toString(36)}-${randomUUID()}`;
    const res = await fetch(`${origin}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'other',
        indicators: [],
        text,
        municipality: '0301',
        place: '',
        identity: 'anonymous',
        contact: ''
      })
    });
    const body = (await res.json()) as { accepted?: boolean; message?: string };
    if (res.status !== 202 || !body.accepted)
      throw new RejectedWrite(`reports answered ${res.status}: ${body.message}`);
    return text;
  },
  async stored(reader: TReader) {
    if (!orgKey) throw new Error('prepare first');
    const rows = await reader.rows<{ id: string; content: string; sealed_data_key: string }>(
      `select report.id, report.content, report_recipient.sealed_data_key
         from report join report_recipient on report_recipient.report_id = report.id
        where report.receipt_lookup is not null and report.reporter_wrapped_key is not null`
    );
    const keys: string[] = [];
    for (const r of rows) {
      try {
        const dataKey = await openSealed(r.sealed_data_key, orgKey);
        const content = JSON.parse(await decryptText(dataKey, r.content, `forebygg/report/${r.id}/content`)) as {
          text: string;
        };
        keys.push(content.text);
      } catch {
        keys.push(`undecryptable:${r.id}`);
      }
    }
    return keys;
  }
};
