import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import { currentChecklists } from '../check/checklists';
import type { DB, Executor } from '../db/schema';
import { ClientThrottle } from '../auth/throttle';
import { AppError } from '../errors';
import { notify } from '../notifications/notifications.service';
import { getOrCreateSecret } from '../secrets/secrets.service';
import { isoWeek } from '../../stats/iso-week';
import { suppressCount } from '../../stats/suppress';
import { REPORT_STATUSES, type TReportStatus, type TReportSubmit } from '../../schemas/report';
import {
  decryptText,
  encodeKey,
  decodeKey,
  encryptText,
  followUpKey,
  KDF_RECEIPT,
  newDataKey,
  newReceipt,
  newSalt,
  normaliseReceipt,
  openSealed,
  receiptLookupHash,
  ReportCryptoError,
  sealTo,
  unwrapWithKey,
  wrapWithKey,
  type TKdfCost
} from './report.crypto';
import { activeOrganisations, grantPendingMembers, sessionOrgKey } from './report.keys';
import { reportForwards } from './report.manage';
import { routeReport, type TReportKind, type TRoute, type TRoutingRule, type TRuleScope } from './report.routing';

/** What a report holds, encrypted as one JSON blob under the report's data key. */
export interface TReportContent {
  sector: string;
  indicators: string[];
  text: string;
  place: string;
  contact: string | null;
}

export interface TReportDeps {
  db: DB;
  /** argon2id cost for receipts; tests lower it. */
  receiptCost?: TKdfCost;
}

const contentAd = (id: string) => `forebygg/report/${id}/content`;
const messageAd = (id: string, position: number) => `forebygg/report/${id}/message/${position}`;
const noteAd = (id: string, eventId: string) => `forebygg/report/${id}/note/${eventId}`;
const reporterAd = (id: string) => `forebygg/report/${id}/reporter`;

/** The day of a time, at 00:00 UTC: reporters' times are never finer. */
export function dayOf(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

async function secrets(db: DB) {
  return {
    lookup: await getOrCreateSecret(db, 'report_receipt_lookup_key'),
    followUp: await getOrCreateSecret(db, 'report_follow_up_key')
  };
}

// ---------------------------------------------------------------------------------------------------
// Routing

export async function routingRules(db: Executor): Promise<TRoutingRule[]> {
  const rows = await db.selectFrom('report_route_rule').selectAll().execute();
  return rows.map((r) => ({
    kind: r.kind as TReportKind,
    scope: r.scope as TRuleScope,
    area: r.area,
    organisationId: r.organisation_id
  }));
}

export interface TPlannedRoute {
  route: TRoute;
  organisations: { id: string; name: string }[];
  municipalityName: string;
}

/** Where a report of this kind from this municipality would go, with the organisations' names. */
export async function planRoute(db: Executor, kind: TReportKind, municipality: string): Promise<TPlannedRoute> {
  const muni = await db
    .selectFrom('municipality')
    .select(['number', 'name', 'county_number'])
    .where('number', '=', municipality)
    .executeTakeFirst();
  if (!muni) {
    throw new AppError('validation', 'report.error.municipality', {
      fields: { municipality: 'report.error.municipality' }
    });
  }
  const route = routeReport(await routingRules(db), await activeOrganisations(db), {
    kind,
    municipality: muni.number,
    county: muni.county_number
  });
  const organisations = route.organisationIds.length
    ? await db
        .selectFrom('organisation')
        .select(['id', 'name'])
        .where('id', 'in', route.organisationIds)
        .orderBy('name')
        .execute()
    : [];
  return { route, organisations, municipalityName: muni.name };
}

/** Indicator ids must belong to the sector's checklist (or, without a sector, to any checklist). */
function checkIndicators(sector: string, indicators: string[]): void {
  if (!indicators.length) return;
  const lists = currentChecklists().filter((c) => !sector || c.id === sector);
  const known = new Set(lists.flatMap((c) => c.indicators.map((i) => i.id)));
  if (!lists.length || indicators.some((i) => !known.has(i))) {
    throw new AppError('validation', 'report.error.indicator', { fields: { indicators: 'report.error.indicator' } });
  }
}

// ---------------------------------------------------------------------------------------------------
// Submitting

export type TSubmitOutcome =
  { kind: 'sent'; receipt: string; organisations: { id: string; name: string }[] } | { kind: 'no_receiver' };

/**
 * Accepts a report: routes it, encrypts its content under a new data key, seals the key to each
 * receiving organisation and wraps it for the reporter's receipt, all in one transaction. Stores only
 * kind, municipality, county, week, day and status in clear. With no active receiver nothing is
 * stored and the caller shows the official channels.
 */
export async function submitReport(deps: TReportDeps, input: TReportSubmit, now = new Date()): Promise<TSubmitOutcome> {
  if (input.homepage) throw new AppError('bad_request', 'report.error.rejected');
  checkIndicators(input.sector, input.indicators);
  const plan = await planRoute(deps.db, input.kind, input.municipality);
  if (plan.route.level === 'none') return { kind: 'no_receiver' };

  const { lookup, followUp } = await secrets(deps.db);
  const keys = await deps.db
    .selectFrom('report_org_key')
    .select(['organisation_id', 'public_key'])
    .where('organisation_id', 'in', plan.route.organisationIds)
    .execute();
  const id = randomUUID();
  const dataKey = await newDataKey();
  const receipt = await newReceipt();
  const digits = receipt.replace(/ /g, '');
  const salt = await newSalt();
  const reporterKey = await followUpKey(followUp, digits, salt, deps.receiptCost ?? KDF_RECEIPT);
  const content: TReportContent = {
    sector: input.sector,
    indicators: input.indicators,
    text: input.text,
    place: input.place,
    contact: input.identity === 'contact' ? input.contact : null
  };
  const sealed = await Promise.all(
    keys.map(async (k) => ({ orgId: k.organisation_id, sealed: await sealTo(await decodeKey(k.public_key), dataKey) }))
  );
  const row = {
    id,
    kind: input.kind,
    municipality_number: input.municipality,
    county_number: (
      await deps.db
        .selectFrom('municipality')
        .select('county_number')
        .where('number', '=', input.municipality)
        .executeTakeFirstOrThrow()
    ).county_number,
    received_week: isoWeek(now),
    received_on: dayOf(now),
    status: 'new',
    closed_at: null,
    receipt_lookup: receiptLookupHash(lookup, digits),
    receipt_salt: await encodeKey(salt),
    reporter_wrapped_key: await wrapWithKey(reporterKey, dataKey, reporterAd(id)),
    reporter_seen_on: dayOf(now),
    content: await encryptText(dataKey, JSON.stringify(content), contentAd(id))
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('report').values(row).execute();
    for (const s of sealed) {
      await trx
        .insertInto('report_recipient')
        .values({ report_id: id, organisation_id: s.orgId, sealed_data_key: s.sealed, created_at: row.received_on })
        .execute();
      await notifyCaseHandlers(trx, 'report.new', id, s.orgId, s.orgId, now);
    }
  });
  return {
    kind: 'sent',
    receipt,
    organisations: plan.organisations.filter((o) => sealed.some((s) => s.orgId === o.id))
  };
}

// ---------------------------------------------------------------------------------------------------
// The reporter's follow-up

export interface TFollowUpView {
  status: TReportStatus;
  receivedWeek: string;
  messages: { author: 'reporter' | 'organisation'; body: string; on: string }[];
  /** Organisations the report was forwarded to (report.manage.ts). */
  forwards: { to: string; on: string }[];
}

/** Wrong receipts per client (keyed hash of the address, in memory only): the wait grows with each. */
export const receiptThrottle = new ClientThrottle();

export interface TClient {
  throttle: ClientThrottle;
  key: string;
}

async function reporterAccess(deps: TReportDeps, receiptText: string, now: Date, client?: TClient) {
  const wait = client ? client.throttle.waitMs(client.key, now.getTime()) : 0;
  if (wait > 0) {
    throw new AppError('too_many_requests', 'auth.error.throttled', { params: { seconds: Math.ceil(wait / 1000) } });
  }
  try {
    const access = await reporterAccessOnce(deps, receiptText, now);
    client?.throttle.recordSuccess(client.key);
    return access;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') client?.throttle.recordFailure(client.key, now.getTime());
    throw e;
  }
}

async function reporterAccessOnce(deps: TReportDeps, receiptText: string, now: Date) {
  const neutral = new AppError('not_found', 'report.error.receiptUnknown', {
    fields: { receipt: 'report.error.receiptUnknown' }
  });
  const { lookup, followUp } = await secrets(deps.db);
  const digits = normaliseReceipt(receiptText);
  // An unknown receipt costs the same argon2id time as a known one.
  const slow = async () => {
    await followUpKey(followUp, digits ?? '0'.repeat(20), await newSalt(), deps.receiptCost ?? KDF_RECEIPT);
    return neutral;
  };
  if (!digits) throw await slow();
  const report = await deps.db
    .selectFrom('report')
    .leftJoin('report_recipient', 'report_recipient.report_id', 'report.id')
    .leftJoin('report_org_key', 'report_org_key.organisation_id', 'report_recipient.organisation_id')
    .select([
      'report.id',
      'report.status',
      'report.received_week',
      'report.receipt_salt',
      'report.reporter_wrapped_key',
      'report.reporter_seen_on',
      'report_org_key.reporter_retention_days'
    ])
    .where('report.receipt_lookup', '=', receiptLookupHash(lookup, digits))
    .executeTakeFirst();
  if (!report?.receipt_salt || !report.reporter_wrapped_key) throw await slow();
  const days = report.reporter_retention_days ?? 180;
  if (report.reporter_seen_on && new Date(report.reporter_seen_on).getTime() + days * 86_400_000 < now.getTime()) {
    throw await slow();
  }
  const key = await followUpKey(
    followUp,
    digits,
    await decodeKey(report.receipt_salt, 16),
    deps.receiptCost ?? KDF_RECEIPT
  );
  let dataKey: Uint8Array;
  try {
    dataKey = await unwrapWithKey(key, report.reporter_wrapped_key, reporterAd(report.id));
  } catch (e) {
    if (e instanceof ReportCryptoError) throw neutral;
    throw e;
  }
  return { report, dataKey };
}

async function readMessages(db: Executor, reportId: string, dataKey: Uint8Array) {
  const rows = await db
    .selectFrom('report_message')
    .select(['position', 'author', 'body', 'created_at', 'read_at'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
  return Promise.all(
    rows.map(async (m) => ({
      author: m.author as 'reporter' | 'organisation',
      body: await decryptText(dataKey, m.body, messageAd(reportId, m.position)),
      on: m.created_at.slice(0, 10),
      unread: m.author === 'reporter' && m.read_at === null
    }))
  );
}

/** What the holder of a receipt sees: status and messages. Any wrong receipt gets the same answer. */
export async function followUpReport(
  deps: TReportDeps,
  receiptText: string,
  now = new Date(),
  client?: TClient
): Promise<TFollowUpView> {
  const { report, dataKey } = await reporterAccess(deps, receiptText, now, client);
  await deps.db
    .updateTable('report')
    .set({ reporter_seen_on: dayOf(now) })
    .where('id', '=', report.id)
    .execute();
  const messages = await readMessages(deps.db, report.id, dataKey);
  return {
    status: report.status as TReportStatus,
    receivedWeek: report.received_week,
    messages: messages.map(({ author, body, on }) => ({ author, body, on })),
    forwards: await reportForwards(deps.db, report.id)
  };
}

/** Tells an organisation's case handlers, in the same transaction: only that something arrived, and where. */
function notifyCaseHandlers(
  trx: Executor,
  kind: 'report.new' | 'report.message',
  reportId: string,
  organisationId: string,
  period: string,
  now: Date
) {
  return notify(
    trx,
    {
      kind,
      organisationId,
      role: 'case_handler',
      subjectId: reportId,
      period,
      link: `/admin/inbox/${reportId}`,
      dayOnly: true
    },
    now
  );
}

async function appendMessage(
  trx: Executor,
  reportId: string,
  dataKey: Uint8Array,
  author: 'reporter' | 'organisation',
  organisationId: string | null,
  body: string,
  createdAt: string
): Promise<number> {
  const last = await trx
    .selectFrom('report_message')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  const position = Number(last?.max ?? 0) + 1;
  await trx
    .insertInto('report_message')
    .values({
      id: randomUUID(),
      report_id: reportId,
      position,
      author,
      organisation_id: organisationId,
      body: await encryptText(dataKey, body, messageAd(reportId, position)),
      created_at: createdAt,
      read_at: null
    })
    .execute();
  return position;
}

/** The reporter answers; the message is encrypted under the report's data key. */
export async function reporterReply(
  deps: TReportDeps,
  receiptText: string,
  body: string,
  now = new Date(),
  client?: TClient
) {
  const { report, dataKey } = await reporterAccess(deps, receiptText, now, client);
  await deps.db.transaction().execute(async (trx) => {
    const position = await appendMessage(trx, report.id, dataKey, 'reporter', null, body, dayOf(now));
    const orgs = await trx
      .selectFrom('report_recipient')
      .select('organisation_id')
      .where('report_id', '=', report.id)
      .execute();
    for (const o of orgs) {
      await notifyCaseHandlers(
        trx,
        'report.message',
        report.id,
        o.organisation_id,
        `${position}|${o.organisation_id}`,
        now
      );
    }
    await trx
      .updateTable('report')
      .set({ reporter_seen_on: dayOf(now) })
      .where('id', '=', report.id)
      .execute();
  });
}

// ---------------------------------------------------------------------------------------------------
// The case inbox

export interface TCaseSession {
  sessionId: string;
  sessionToken: string | undefined;
}

/** The organisations in which the user is a case handler. */
export function caseHandlerOrganisations(user: TSessionUser | null): string[] {
  return user ? user.memberships.filter((m) => m.role === 'case_handler').map((m) => m.organisationId) : [];
}

export function requireCaseHandler(user: TSessionUser | null, organisationId: string): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!caseHandlerOrganisations(user).includes(organisationId))
    throw new AppError('not_found', 'report.error.notFound');
}

export interface TInboxRow {
  id: string;
  kind: string;
  municipality: string;
  receivedWeek: string;
  status: string;
  unread: number;
}

/** A position in the inbox's order (newest first): the day a report was received and its id. */
export interface TInboxCursor {
  on: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor in a page link (`2026-11-20_<id>`); null for text that is not one. */
export function parseInboxCursor(text: string | null): TInboxCursor | null {
  const m = text ? CURSOR.exec(text) : null;
  return m ? { on: m[1], id: m[2] } : null;
}

export const formatInboxCursor = (c: TInboxCursor) => `${c.on}_${c.id}`;

export interface TInboxQuery {
  /** Rows per page (500 on the page). */
  limit?: number;
  /** Only reports in this status. */
  status?: TReportStatus;
  /** The page of reports older than this one (the "older" link)… */
  before?: TInboxCursor;
  /** …or newer than this one (the "newer" link). */
  after?: TInboxCursor;
}

/**
 * The organisation's reports: routing fields only, newest first, with the count of unread answers from
 * reporters. Nothing is decrypted. Grants the organisation's key to colleagues who are waiting for it.
 * Pages by keyset on (received_on, id) — the order of report_received_idx — so a page deep in the
 * inbox costs what the first does; `older`/`newer` are the cursors of the neighbouring pages (null
 * when there is none).
 */
export async function listInbox(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  organisationId: string,
  query: TInboxQuery = {}
): Promise<{
  rows: TInboxRow[];
  hasKey: boolean;
  organisationName: string;
  organisations: { id: string; name: string }[];
  older: TInboxCursor | null;
  newer: TInboxCursor | null;
}> {
  const limit = query.limit ?? 500;
  requireCaseHandler(user, organisationId);
  const orgKey = await sessionOrgKey(deps.db, session, organisationId);
  if (orgKey) await grantPendingMembers(deps.db, user.id, organisationId, orgKey);
  const org = await deps.db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  // Newest first along report_received_idx, stopping at `limit` + 1 (to know whether there is more):
  // no sort of all the organisation's reports. A "newer" page walks the index the other way.
  const forward = !query.after;
  const cursor = query.after ?? query.before;
  let fetched = await deps.db
    .selectFrom('report')
    .innerJoin('municipality', 'municipality.number', 'report.municipality_number')
    .select([
      'report.id',
      'report.kind',
      'municipality.name as municipality',
      'report.received_week',
      'report.received_on',
      'report.status'
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('report_recipient')
          .select('report_recipient.report_id')
          .whereRef('report_recipient.report_id', '=', 'report.id')
          .where('report_recipient.organisation_id', '=', organisationId)
      )
    )
    .$if(query.status !== undefined, (q) => q.where('report.status', '=', query.status as TReportStatus))
    .$if(cursor !== undefined, (q) =>
      q.where((eb) => {
        const c = cursor as TInboxCursor;
        const op = forward ? '<' : '>';
        return eb.or([
          eb('report.received_on', op, c.on),
          eb.and([eb('report.received_on', '=', c.on), eb('report.id', op, c.id)])
        ]);
      })
    )
    .orderBy('report.received_on', forward ? 'desc' : 'asc')
    .orderBy('report.id', forward ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const more = fetched.length > limit;
  fetched = fetched.slice(0, limit);
  const rows = forward ? fetched : fetched.reverse();
  const at = (r: (typeof rows)[number] | undefined) => (r ? { on: r.received_on, id: r.id } : null);
  const older = forward ? (more ? at(rows.at(-1)) : null) : at(rows.at(-1));
  const newer = forward ? (cursor ? at(rows[0]) : null) : more ? at(rows[0]) : null;
  // Unread answers for the listed reports only, in one grouped query (a subquery in the select list
  // would be counted for every report of the organisation before the sort and limit).
  const unread = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const counts = await deps.db
      .selectFrom('report_message')
      .select((m) => ['report_id', m.fn.countAll().as('n')])
      .where('report_id', 'in', ids)
      .where('author', '=', 'reporter')
      .where('read_at', 'is', null)
      .groupBy('report_id')
      .execute();
    for (const c of counts) unread.set(c.report_id, Number(c.n));
  }
  const organisations = await deps.db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', caseHandlerOrganisations(user))
    .orderBy('name')
    .execute();
  return {
    hasKey: orgKey !== null,
    organisationName: org.name,
    organisations,
    older,
    newer,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      municipality: r.municipality,
      receivedWeek: r.received_week,
      status: r.status,
      unread: unread.get(r.id) ?? 0
    }))
  };
}

export interface TCaseView {
  id: string;
  organisationId: string;
  kind: string;
  municipality: string;
  receivedWeek: string;
  status: TReportStatus;
  content: TReportContent;
  messages: { author: 'reporter' | 'organisation'; body: string; on: string; unread: boolean }[];
  events: { status: string; note: string | null; at: string; by: string }[];
}

/** The report's data key through the session's organisation key; 404 for anyone not a recipient. */
export async function caseAccess(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string
) {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  const orgs = caseHandlerOrganisations(user);
  if (!orgs.length || typeof reportId !== 'string' || !/^[0-9a-f-]{36}$/.test(reportId)) {
    throw new AppError('not_found', 'report.error.notFound');
  }
  const recipient = await deps.db
    .selectFrom('report_recipient')
    .innerJoin('report', 'report.id', 'report_recipient.report_id')
    .innerJoin('municipality', 'municipality.number', 'report.municipality_number')
    .select([
      'report_recipient.organisation_id',
      'report_recipient.sealed_data_key',
      'report.id',
      'report.kind',
      'report.status',
      'report.received_week',
      'report.content',
      'municipality.name as municipality'
    ])
    .where('report_recipient.report_id', '=', reportId)
    .where('report_recipient.organisation_id', 'in', orgs)
    .orderBy('report_recipient.organisation_id')
    .executeTakeFirst();
  if (!recipient) throw new AppError('not_found', 'report.error.notFound');
  const orgKey = await sessionOrgKey(deps.db, session, recipient.organisation_id);
  if (!orgKey) throw new AppError('forbidden', 'report.error.noKey');
  const dataKey = await openSealed(recipient.sealed_data_key, orgKey);
  return { user, recipient, dataKey };
}

/** Opens a report: decrypts it for a case handler of a receiving organisation, and audits the opening. */
export async function openReport(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string,
  now = new Date()
): Promise<TCaseView> {
  const { recipient, dataKey, user: actor } = await caseAccess(deps, user, session, reportId);
  const content = JSON.parse(await decryptText(dataKey, recipient.content, contentAd(recipient.id))) as TReportContent;
  const messages = await readMessages(deps.db, recipient.id, dataKey);
  const eventRows = await deps.db
    .selectFrom('report_event')
    .innerJoin('app_user', 'app_user.id', 'report_event.user_id')
    .select([
      'report_event.id',
      'report_event.status',
      'report_event.note',
      'report_event.created_at',
      'app_user.display_name'
    ])
    .where('report_event.report_id', '=', recipient.id)
    .where('report_event.organisation_id', '=', recipient.organisation_id)
    .orderBy('report_event.created_at')
    .execute();
  const events = await Promise.all(
    eventRows.map(async (e) => ({
      status: e.status,
      note: e.note ? await decryptText(dataKey, e.note, noteAd(recipient.id, e.id)) : null,
      at: e.created_at,
      by: e.display_name
    }))
  );
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_message')
      .set({ read_at: now.toISOString() })
      .where('report_id', '=', recipient.id)
      .where('author', '=', 'reporter')
      .where('read_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.opened',
      targetType: 'report',
      targetId: recipient.id,
      details: { organisationId: recipient.organisation_id }
    });
  });
  return {
    id: recipient.id,
    organisationId: recipient.organisation_id,
    kind: recipient.kind,
    municipality: recipient.municipality,
    receivedWeek: recipient.received_week,
    status: recipient.status as TReportStatus,
    content,
    messages,
    events
  };
}

/** Changes a report's status with an encrypted internal note; audited. */
export async function changeStatus(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string,
  input: { status: TReportStatus; note: string },
  now = new Date()
): Promise<void> {
  if (!REPORT_STATUSES.includes(input.status)) throw new AppError('validation', 'report.error.status');
  const { recipient, dataKey, user: actor } = await caseAccess(deps, user, session, reportId);
  const eventId = randomUUID();
  const note = input.note ? await encryptText(dataKey, input.note, noteAd(recipient.id, eventId)) : null;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report')
      .set({
        status: input.status,
        closed_at: ['forwarded', 'referred', 'closed'].includes(input.status) ? dayOf(now) : null
      })
      .where('id', '=', recipient.id)
      .execute();
    await trx
      .insertInto('report_event')
      .values({
        id: eventId,
        report_id: recipient.id,
        organisation_id: recipient.organisation_id,
        user_id: actor.id,
        status: input.status,
        note,
        created_at: now.toISOString()
      })
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.status_changed',
      targetType: 'report',
      targetId: recipient.id,
      details: { from: recipient.status, to: input.status }
    });
  });
}

/** A case handler writes to the reporter; encrypted under the report's data key; audited. */
export async function messageReporter(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string,
  body: string,
  now = new Date()
): Promise<void> {
  const { recipient, dataKey, user: actor } = await caseAccess(deps, user, session, reportId);
  await deps.db.transaction().execute(async (trx) => {
    await appendMessage(trx, recipient.id, dataKey, 'organisation', recipient.organisation_id, body, now.toISOString());
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.message_sent',
      targetType: 'report',
      targetId: recipient.id
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Routing rules (administrators)

function requireAdmin(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin')) throw new AppError('forbidden', 'auth.error.forbidden');
}

export async function listRules(db: DB, user: TSessionUser | null) {
  requireAdmin(user);
  const active = await activeOrganisations(db);
  const rules = await db
    .selectFrom('report_route_rule')
    .innerJoin('organisation', 'organisation.id', 'report_route_rule.organisation_id')
    .select([
      'report_route_rule.id',
      'report_route_rule.kind',
      'report_route_rule.scope',
      'report_route_rule.area',
      'organisation.id as organisationId',
      'organisation.name as organisationName'
    ])
    .orderBy('report_route_rule.kind')
    .orderBy('report_route_rule.scope')
    .orderBy('report_route_rule.area')
    .execute();
  const organisations = await db.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute();
  return { rules: rules.map((r) => ({ ...r, active: active.has(r.organisationId) })), organisations };
}

export async function addRule(
  db: DB,
  user: TSessionUser | null,
  input: { kind: TReportKind; scope: TRuleScope; area: string; organisationId: string }
): Promise<string> {
  requireAdmin(user);
  const area = input.scope === 'national' ? null : input.area;
  if (area !== null) {
    const exists =
      input.scope === 'municipality'
        ? await db.selectFrom('municipality').select('number').where('number', '=', area).executeTakeFirst()
        : await db.selectFrom('county').select('number').where('number', '=', area).executeTakeFirst();
    if (!exists)
      throw new AppError('validation', 'report.error.unknownArea', { fields: { area: 'report.error.unknownArea' } });
  }
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!org) {
    throw new AppError('validation', 'report.error.unknownOrganisation', {
      fields: { organisationId: 'report.error.unknownOrganisation' }
    });
  }
  let dup = db
    .selectFrom('report_route_rule')
    .select('id')
    .where('kind', '=', input.kind)
    .where('scope', '=', input.scope)
    .where('organisation_id', '=', input.organisationId);
  dup = area === null ? dup.where('area', 'is', null) : dup.where('area', '=', area);
  if (await dup.executeTakeFirst()) throw new AppError('conflict', 'report.error.ruleExists');
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_route_rule')
      .values({
        id,
        kind: input.kind,
        scope: input.scope,
        area,
        organisation_id: input.organisationId,
        created_at: new Date().toISOString()
      })
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      action: 'report.rule_added',
      targetType: 'report_route_rule',
      targetId: id,
      details: { kind: input.kind, scope: input.scope, area, organisationId: input.organisationId }
    });
  });
  return id;
}

export async function deleteRule(db: DB, user: TSessionUser | null, ruleId: string): Promise<void> {
  requireAdmin(user);
  await db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('report_route_rule').where('id', '=', String(ruleId)).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new AppError('not_found', 'report.error.notFound');
    await appendAudit(trx, {
      actorId: user.id,
      action: 'report.rule_deleted',
      targetType: 'report_route_rule',
      targetId: String(ruleId)
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Public aggregate

/**
 * Reports per kind × county × month, for the public: counts under 5 suppressed (stats/suppress.ts).
 * Nothing finer (no municipality, week or day) leaves the server.
 */
export async function reportSummary(db: DB) {
  const rows = await db
    .selectFrom('report')
    .innerJoin('county', 'county.number', 'report.county_number')
    .select(['report.kind', 'report.county_number', 'county.name as county_name', 'report.received_on'])
    .execute();
  const counts = new Map<string, { kind: string; county: string; countyName: string; month: string; n: number }>();
  for (const r of rows) {
    const month = r.received_on.slice(0, 7);
    const key = `${r.kind}|${r.county_number}|${month}`;
    const e = counts.get(key) ?? { kind: r.kind, county: r.county_number, countyName: r.county_name, month, n: 0 };
    e.n += 1;
    counts.set(key, e);
  }
  return [...counts.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.county.localeCompare(b.county) || a.kind.localeCompare(b.kind))
    .map(({ n, ...rest }) => {
      const c = suppressCount(n);
      return { ...rest, count: c.count, suppressed: c.suppressed };
    });
}
