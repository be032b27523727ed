import type { TImportChange } from './content.service';

/** The import's report for a terminal: a unified-style diff per changed file, then a summary line. */
export function formatImport(r: { changes: TImportChange[]; unchanged: number }, dryRun: boolean): string {
  const out: string[] = [];
  for (const c of r.changes) {
    out.push(`${c.change === 'new' ? 'new' : 'changed'}: ${c.path}`);
    for (const part of c.diff) {
      if (part.kind === 'same') continue;
      const sign = part.kind === 'added' ? '+' : '-';
      for (const line of part.text.replace(/\n$/, '').split('\n')) out.push(`${sign} ${line}`);
    }
    out.push('');
  }
  const verb = dryRun ? 'would be published (dry run: nothing changed)' : 'published';
  out.push(`${r.changes.length} file(s) ${verb}; ${r.unchanged} unchanged.`);
  return out.join('\n') + '\n';
}
