import type { TImportChange } from './content.service';

/** The import's report for a terminal: a unified-style diff per changed file, then a summary line. */
export function formatImport(
  r: { changes: TImportChange[]; unchanged: number },
  dryRun: boolean,
  asDrafts = false
): string {
  const out: string[] = [];
  const skipped = r.changes.filter((c) => c.skipped);
  for (const c of r.changes) {
    out.push(
      `${c.change === 'new' ? 'new' : 'changed'}: ${c.path}${c.skipped ? ' (skipped: a draft or review is open)' : ''}`
    );
    for (const part of c.diff) {
      if (part.kind === 'same') continue;
      const sign = part.kind === 'added' ? '+' : '-';
      for (const line of part.text.replace(/\n$/, '').split('\n')) out.push(`${sign} ${line}`);
    }
    out.push('');
  }
  const done = asDrafts ? 'saved as drafts for review' : 'published (audit actor: import)';
  const verb = dryRun ? `would be ${done.replace(' (audit actor: import)', '')} (dry run: nothing changed)` : done;
  const count = r.changes.length - skipped.length;
  const skippedNote = skipped.length ? `; ${skipped.length} skipped (open draft or review)` : '';
  out.push(`${count} file(s) ${verb}${skippedNote}; ${r.unchanged} unchanged.`);
  return out.join('\n') + '\n';
}
