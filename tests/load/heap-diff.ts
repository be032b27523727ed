// `npx tsx tests/load/heap-diff.ts <first.heapsnapshot> <last.heapsnapshot> [top]`: what grew between two
// V8 heap snapshots (from `npm run test:load -- --heap-snapshots <dir>`), by constructor name —
// count and retained self size — so a leak shows as a type whose count keeps rising with the requests.
import { readFileSync } from 'node:fs';

interface TSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function totals(file: string): Map<string, { count: number; size: number }> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as TSnapshot;
  const fields = snap.snapshot.meta.node_fields;
  const [typeNames] = snap.snapshot.meta.node_types;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byName = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = typeNames[snap.nodes[i + iType]];
    const key = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const t = byName.get(key) ?? { count: 0, size: 0 };
    t.count += 1;
    t.size += snap.nodes[i + iSize];
    byName.set(key, t);
  }
  return byName;
}

const [firstFile, lastFile, top = '20'] = process.argv.slice(2);
if (!firstFile || !lastFile) {
  console.error('usage: npx tsx tests/load/heap-diff.ts <first.heapsnapshot> <last.heapsnapshot> [top]');
  process.exit(2);
}
const first = totals(firstFile);
const last = totals(lastFile);
const sum = (m: Map<string, { size: number }>) => [...m.values()].reduce((a, t) => a + t.size, 0);
console.log(`heap: ${(sum(first) / 2 ** 20).toFixed(1)} MiB → ${(sum(last) / 2 ** 20).toFixed(1)} MiB`);
const rows = [...last.entries()]
  .map(([name, t]) => {
    const f = first.get(name) ?? { count: 0, size: 0 };
    return {
      name: name.slice(0, 60),
      count: t.count,
      countGrowth: t.count - f.count,
      sizeGrowthKiB: Math.round((t.size - f.size) / 1024)
    };
  })
  .sort((a, b) => b.sizeGrowthKiB - a.sizeGrowthKiB)
  .slice(0, Number(top));
console.table(rows);
