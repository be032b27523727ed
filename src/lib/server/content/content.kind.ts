import type { z } from 'zod';
import type { Locale, MessageKey } from '../../i18n';
import type { DB, Executor } from '../db/schema';
import type { TEventBus } from '../youth/event-bus';
import type { TRemoval } from './content.sanitise';

export type TContentCtx = { db: DB; bus: TEventBus };

/** One file of a kind's file layout, parsed. */
export interface TContentFile<B> {
  key: string;
  locale: string;
  body: B;
}

/** A source as the staleness check reads it. */
export interface TContentSourceRef {
  title: string;
  date?: string;
  note?: string;
}

/** What the checks beyond the schema found: the cleaned body, what was removed, fields in error. */
export interface TContentCheck<B> {
  body: B;
  removed: TRemoval[];
  fields: Record<string, MessageKey>;
}

/**
 * A kind of content in the studio. The service (content.service.ts) is generic: workflow, version check,
 * history, diff, restore, two-person review, audit, seed, export and import work the same for every
 * kind; a kind says only what is particular to it. Register a kind in content.registry.ts.
 */
export interface TContentKind<B = unknown> {
  /** Stored in content_item.kind, e.g. `learn_page`, `checklist`. */
  id: string;
  /** The zod schema of a body, the same as the files'. */
  schema: z.ZodType<B>;
  /** The locales an item of this kind exists in (`nb`, `en`; `mul` for one bilingual item). */
  locales: readonly string[];
  /** A valid key (slug) of this kind. */
  keyPattern: RegExp;
  /** Keys a new item may not take (addresses of the kind's own routes, e.g. `new`). */
  reservedKeys?: readonly string[];
  /** Whether a key is already used outside the studio (a new item may not take it). */
  keyInUse?(db: Executor, key: string): Promise<boolean>;
  /** Normalised JSON: equal content, equal text (import compares these). */
  toJson(body: B): string;
  fromJson(json: string): B;
  /** The folder the repository's files are seeded from (the root of `readFiles`' layout). */
  seedDir(): string;
  /** The seed when it is built into the app rather than read from `seedDir` (help texts, dictionary texts). */
  seedFiles?(): TContentFile<B>[];
  /** Every file of the kind under `dir`, in its layout; throws naming the file on a broken one. */
  readFiles(dir: string): TContentFile<B>[];
  /** The path of an item's file relative to an export folder (the same layout `readFiles` reads). */
  filePath(key: string, locale: string): string;
  /** The file's text: what export writes and what history diffs (`key` for layouts that name it inside). */
  fileText(body: B, key?: string): string;
  /** The item's title for lists and history. */
  title(body: B, locale: Locale): string;
  /** The sources the staleness check dates. */
  sources(body: B): TContentSourceRef[];
  /** The review-by date of an item seeded or imported with this body. */
  reviewBy(body: B, now: Date): string;
  /**
   * Why a body is not fit for readers yet (a new checklist's starting texts), with a message beside each
   * field; null when it is. Submitting and publishing are refused while it is not; saving stays possible.
   */
  readyForReview?(body: B): { message: MessageKey; fields: Record<string, MessageKey> } | null;
  /** Checks beyond the schema (references, sanitising) before a draft is saved. */
  check(db: Executor, key: string, locale: string, body: B): Promise<TContentCheck<B>>;
  /** The body as it is published (a page's `updated` date, a checklist's version number). */
  publishBody(trx: Executor, key: string, body: B, at: string): Promise<B>;
  /** After a publish (or an unpublish, or an import) is committed: drop caches, tell other instances. */
  afterPublish(ctx: TContentCtx): Promise<void>;
}

const kinds = new Map<string, TContentKind<unknown>>();

/** Adds a kind (content.registry.ts does this for every kind at import). */
export function registerContentKind<B>(kind: TContentKind<B>): TContentKind<B> {
  kinds.set(kind.id, kind as TContentKind<unknown>);
  return kind;
}

/** The registered kinds, in registration order. */
export function contentKinds(): TContentKind<unknown>[] {
  return [...kinds.values()];
}

export function contentKind<B = unknown>(id: string): TContentKind<B> {
  const k = kinds.get(id);
  if (!k) throw new Error(`unknown content kind "${id}"`);
  return k as TContentKind<B>;
}
