import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseChecklist, type TChecklist, type TText } from '../../check/checklist';

/** The folder with the checklist files: `data/checklists` (FOREBYGG_DATA_DIR moves `data`). */
export function checklistsDir(): string {
  return resolve(process.env.FOREBYGG_DATA_DIR ?? 'data', 'checklists');
}

/**
 * Reads and validates every `<sector>.json`. A file that is not valid JSON or breaks the schema throws
 * an Error naming the file and the field, which stops the app's start.
 */
export function readChecklists(dir = checklistsDir()): TChecklist[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (e) {
    throw new Error(`data/checklists: the folder ${dir} cannot be read`, { cause: e });
  }
  if (files.length === 0) throw new Error(`data/checklists: no checklist files in ${dir}`);
  const list = files.map((file) => {
    const name = `data/checklists/${file}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
    } catch (e) {
      throw new Error(`${name}: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    return parseChecklist(name, raw);
  });
  return list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

let cache: TChecklist[] | undefined;

/**
 * Replaces the current checklists with the published ones from the content studio (called at start
 * and whenever a publish is announced on the bus; content/content.checklist-kind.ts).
 */
export function setCurrentChecklists(list: TChecklist[]): void {
  cache = [...list].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The current checklists: the published ones once the app has loaded them, the files until then. */
export function currentChecklists(): TChecklist[] {
  cache ??= readChecklists();
  return cache;
}

export function currentChecklist(sector: string): TChecklist | undefined {
  return currentChecklists().find((c) => c.id === sector);
}

/** Sector ids, in display order. */
export function sectorIds(): string[] {
  return currentChecklists().map((c) => c.id);
}

/** The text of an indicator id from the first current checklist that has it (ids mean the same everywhere). */
export function indicatorText(id: string): TText | undefined {
  for (const c of currentChecklists()) {
    const found = c.indicators.find((i) => i.id === id);
    if (found) return found.text;
  }
  return undefined;
}

/** A stable hash of a checklist's content. */
export function checklistHash(c: TChecklist): string {
  return createHash('sha256').update(JSON.stringify(c)).digest('hex');
}
