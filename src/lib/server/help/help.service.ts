import { randomUUID } from 'node:crypto';
import type { THelpReviewForm } from '../../schemas/help';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { helpContacts, helpFigures, helpSources, type THelpContact } from './help.facts';
import { loadPublishedHelp } from '../content/content.help-kind';
import { withFigures } from './help.content';
import { fillHelpText, helpFingerprint, reviewState, type THelpReviewState } from './help.core';
import { findHelpLanguage, helpLanguages, type THelpLanguage, type THelpText } from './help.text';
import * as repo from './help.repository';

/** Only editors mark a translation reviewed (issue 14). */
export const helpReviewRoles: readonly TRole[] = ['editor'];

export interface THelpLanguageSummary extends THelpLanguage, THelpReviewState {
  fingerprint: string;
}

export interface THelpPage extends THelpLanguageSummary {
  text: THelpText;
  /** When the text shown was published in the content studio (null: the text built into the app). */
  updatedAt: string | null;
  contacts: readonly THelpContact[];
  figures: typeof helpFigures;
  sources: typeof helpSources;
}

/** Every help language with its review status, in the order of the language choice. */
export async function listHelpLanguages(db: DB): Promise<THelpLanguageSummary[]> {
  const latest = await repo.latestReviews(db);
  const texts = await loadPublishedHelp(db);
  const sources = { nb: texts.get('nb')!.text, en: texts.get('en')!.text };
  return helpLanguages.map((language) => {
    const fingerprint = helpFingerprint(sources, texts.get(language.code)!.text);
    return {
      ...language,
      fingerprint,
      ...reviewState(language.origin, fingerprint, latest.get(language.code) ?? null)
    };
  });
}

/** The fingerprint of a language's published text together with the published source texts. */
export async function publishedHelpFingerprint(db: DB, code: string) {
  const texts = await loadPublishedHelp(db, [...new Set(['nb', 'en', code])]);
  const own = texts.get(code)!;
  return {
    fingerprint: helpFingerprint({ nb: texts.get('nb')!.text, en: texts.get('en')!.text }, own.text),
    text: own.text,
    publishedAt: own.publishedAt
  };
}

/**
 * One language's page as published in the content studio: its text with the figures filled in, the
 * contacts, sources, review status and the time it was published.
 */
export async function getHelpPage(db: DB, code: string): Promise<THelpPage> {
  const language = findHelpLanguage(code);
  if (!language) throw new AppError('not_found', 'help.error.unknownLanguage');
  const latest = await repo.latestReviews(db);
  const { fingerprint, text, publishedAt } = await publishedHelpFingerprint(db, code);
  return {
    ...language,
    fingerprint,
    ...reviewState(language.origin, fingerprint, latest.get(code) ?? null),
    text: withFigures(text),
    updatedAt: publishedAt,
    contacts: helpContacts,
    figures: helpFigures,
    sources: helpSources
  };
}

/**
 * An editor marks a translation reviewed. The form carries the fingerprint of the version the editor
 * read: if the text changed in the meantime the review is refused (409), so nobody approves a text
 * they have not seen. The review and its audit entry are written in one transaction.
 */
export async function markHelpReviewed(
  db: DB,
  actor: TSessionUser,
  input: THelpReviewForm,
  now = new Date()
): Promise<void> {
  if (!actor.roles.some((r) => helpReviewRoles.includes(r))) throw new AppError('forbidden', 'help.error.editorsOnly');
  const language = findHelpLanguage(input.lang);
  if (!language)
    throw new AppError('not_found', 'help.error.unknownLanguage', { fields: { lang: 'help.error.unknownLanguage' } });
  if (language.origin === 'source') throw new AppError('bad_request', 'help.error.sourceText');
  if ((await publishedHelpFingerprint(db, language.code)).fingerprint !== input.fingerprint)
    throw new AppError('conflict', 'help.error.changed');
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.insertReview(trx, {
      id,
      lang: language.code,
      fingerprint: input.fingerprint,
      reviewer_id: actor.id,
      reviewed_at: now.toISOString()
    });
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'help.translation.reviewed',
      targetType: 'help_review',
      targetId: id,
      details: { lang: language.code, fingerprint: input.fingerprint }
    });
  });
}

/** What a help page or card shows: the page, the review line in its own language, and the other languages. */
export interface THelpView {
  page: THelpPage;
  /** The review status, said in the page's language. */
  statusLine: string;
  /** "Last updated" with the publish date, in the page's language (null for the built-in text). */
  updatedLine: string | null;
  languages: { code: string; endonym: string; dir: 'ltr' | 'rtl' }[];
}

/** A date in the page's language (Norway's time zone); falls back to ISO when the runtime lacks the locale. */
export function formatHelpDate(code: string, iso: string): string {
  try {
    return new Intl.DateTimeFormat(code, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

export async function getHelpView(db: DB, code: string): Promise<THelpView> {
  const page = await getHelpPage(db, code);
  const t = page.text;
  const statusLine =
    page.status === 'source'
      ? t.statusSource
      : page.status === 'unreviewed'
        ? t.statusUnreviewed
        : page.status === 'needs_review'
          ? t.statusNeedsReview
          : fillHelpText(t.statusReviewed, {
              name: page.lastReview?.reviewerName ?? '',
              date: formatHelpDate(code, page.lastReview?.reviewedAt ?? new Date().toISOString())
            });
  return {
    page,
    statusLine,
    updatedLine: page.updatedAt ? fillHelpText(t.updated, { date: formatHelpDate(code, page.updatedAt) }) : null,
    languages: helpLanguages.map((l) => ({ code: l.code, endonym: l.endonym, dir: l.dir }))
  };
}
