// `npx tsx tests/load/heap-retainers.ts <first.heapsnapshot> <last.heapsnapshot> [name] [samples]`: for a
// sample of the objects called `name` (default `Listener`) that are in the last snapshot but not the first
// (V8 keeps node ids across snapshots of one process), walks the snapshot's edges backwards to a GC root and
// prints the shortest retaining path (node names and edge names), then counts the distinct paths over all
// new objects of that name — so a leak shows who holds it, not only that it grew.
import { readFileSync } from 'node:fs';

interface TSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface THeapGraph {
  count: number;
  name(n: number): string;
  type(n: number): string;
  id(n: number): number;
  /** The edge names going out of a node. */
  edgeNames(n: number): string[];
  /** For each node, the nodes and edge labels that point at it. */
  retainers(n: number): { from: number; edge: string; weak: boolean }[];
}

export function readHeap(file: string): THeapGraph {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as TSnapshot;
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const [nodeTypes] = snap.snapshot.meta.node_types;
  const [edgeTypes] = snap.snapshot.meta.edge_types;
  const [iType, iName, iId, iEdges] = ['type', 'name', 'id', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const N = nf.length;
  const E = ef.length;
  const count = snap.nodes.length / N;
  // Reverse edges in CSR form: first count, then fill.
  const inCount = new Uint32Array(count + 1);
  const edgeFrom = new Uint32Array(snap.edges.length / E);
  for (let n = 0, e = 0; n < count; n++) {
    for (let k = 0; k < snap.nodes[n * N + iEdges]; k++, e++) {
      edgeFrom[e] = n;
      inCount[snap.edges[e * E + eTo] / N + 1]++;
    }
  }
  for (let i = 1; i <= count; i++) inCount[i] += inCount[i - 1];
  const firstOut = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++) firstOut[n + 1] = firstOut[n] + snap.nodes[n * N + iEdges];
  const fill = inCount.slice();
  const inEdges = new Uint32Array(edgeFrom.length);
  for (let e = 0; e < edgeFrom.length; e++) inEdges[fill[snap.edges[e * E + eTo] / N]++] = e;
  const edgeLabel = (e: number) => {
    const t = edgeTypes[snap.edges[e * E + eType]];
    const v = snap.edges[e * E + eName];
    return t === 'element' || t === 'hidden' ? `[${v}]` : `${t === 'property' ? '' : `(${t}) `}${snap.strings[v]}`;
  };
  return {
    count,
    name: (n) => snap.strings[snap.nodes[n * N + iName]],
    type: (n) => nodeTypes[snap.nodes[n * N + iType]],
    id: (n) => snap.nodes[n * N + iId],
    edgeNames: (n) => {
      const out = [];
      for (let e = firstOut[n]; e < firstOut[n + 1]; e++) out.push(snap.strings[snap.edges[e * E + eName]]);
      return out;
    },
    retainers: (n) => {
      const out = [];
      for (let i = inCount[n]; i < inCount[n + 1]; i++) {
        const e = inEdges[i];
        out.push({ from: edgeFrom[e], edge: edgeLabel(e), weak: edgeTypes[snap.edges[e * E + eType]] === 'weak' });
      }
      return out;
    }
  };
}

/** Shortest path from a GC root (node 0, the snapshot's synthetic root) to `target`, over strong edges. */
export function retainingPath(g: THeapGraph, target: number): string[] | undefined {
  const previous = new Map<number, { to: number; edge: string }>();
  const queue = [target];
  const seen = new Set([target]);
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q];
    if (n === 0) {
      const path: string[] = [];
      for (let at = 0; at !== target;) {
        const step = previous.get(at)!;
        path.push(`${label(g, at)} --${step.edge}-->`);
        at = step.to;
      }
      path.push(label(g, target));
      return path;
    }
    for (const r of g.retainers(n)) {
      if (r.weak || seen.has(r.from)) continue;
      seen.add(r.from);
      previous.set(r.from, { to: n, edge: r.edge });
      queue.push(r.from);
    }
  }
  return undefined;
}

function label(g: THeapGraph, n: number): string {
  const name = g.name(n).replace(/\s+/g, ' ').slice(0, 70);
  return `${g.type(n)} ${name}`;
}

if (process.argv[1]?.endsWith('heap-retainers.ts')) {
  const [firstFile, lastFile, name = 'Listener', samples = '3'] = process.argv.slice(2);
  if (!firstFile || !lastFile) {
    console.error('usage: npx tsx tests/load/heap-retainers.ts <first> <last> [name] [samples]');
    process.exit(2);
  }
  const before = readHeap(firstFile);
  const oldIds = new Set<number>();
  for (let n = 0; n < before.count; n++) if (before.name(n) === name) oldIds.add(before.id(n));
  const g = readHeap(lastFile);
  const grown: number[] = [];
  for (let n = 0; n < g.count; n++) if (g.name(n) === name && !oldIds.has(g.id(n))) grown.push(n);
  console.log(`${name}: ${oldIds.size} in the first snapshot, ${grown.length} new in the last`);
  const shapes = new Map<string, number>();
  const step = Math.max(1, Math.floor(grown.length / Number(samples)));
  for (let i = 0; i < grown.length; i++) {
    const path = retainingPath(g, grown[i]);
    // The path's shape without the ids of closures and arrays: who holds it.
    const shape = path
      ? path.map((s) => s.replace(/\[\d+\]|(?<=\(internal\) )\d+/g, '[n]')).join('\n  ')
      : '(unreachable)';
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    if (i % step === 0 && i / step < Number(samples)) console.log(`\n#${i} (id ${g.id(grown[i])}):\n  ${shape}`);
  }
  // A FinalizationRegistry cell whose target is gone waits for its cleanup callback, which runs as a task
  // after the GC: an object held only by such cells is garbage the snapshot caught before the callback ran.
  let cells = 0;
  let cleared = 0;
  for (let n = 0; n < g.count; n++) {
    if (g.name(n) !== 'system / WeakCell') continue;
    cells++;
    if (!g.edgeNames(n).includes('target')) cleared++;
  }
  console.log(`\nWeakCells: ${cells}, of which ${cleared} have no target (cleanup pending)`);
  console.log('\ndistinct retaining paths (count):');
  for (const [shape, n] of [...shapes].sort((a, b) => b[1] - a[1])) console.log(`\n${n}×\n  ${shape}`);
}
