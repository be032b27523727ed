// The load test's request mix, shared by tests/load/run.ts and tests/load/listeners.ts: every public page
// linked from the home page, every API read in the OpenAPI document with a fixed example, and every write
// example that succeeds twice in a row.
export interface TRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Public pages (from the home page's links), API reads, and write examples that succeed when repeated. */
export async function requestMix(origin: string): Promise<TRequest[]> {
  const home = await (await fetch(origin)).text();
  const pages = [...new Set([...home.matchAll(/href="(\/[^"#?]*)"/g)].map((m) => m[1]))].filter(
    (p) => !p.startsWith('/_app') && !p.startsWith('/api') && !/\.\w+$/.test(p) && p !== '/login'
  );
  const doc = (await (await fetch(`${origin}/api/v1/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; example?: string }[];
          requestBody?: { content: Record<string, { example?: unknown }> };
        }
      >
    >;
  };
  const candidates: TRequest[] = pages.map((path) => ({ method: 'GET', path }));
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters?.filter((p) => p.in === 'path') ?? [];
      if (params.some((p) => p.example === undefined)) continue;
      const path = template.replace(/\{(\w+)\}/g, (_, n: string) =>
        encodeURIComponent(params.find((p) => p.name === n)?.example ?? '')
      );
      const example = op.requestBody?.content['application/json']?.example;
      candidates.push(
        method === 'post'
          ? { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) }
          : { method: 'GET', path }
      );
    }
  }
  const repeatable: TRequest[] = [];
  for (const r of candidates) {
    let ok = true;
    for (let i = 0; i < 2 && ok; i++) {
      const res = await fetch(origin + r.path, { method: r.method, headers: r.headers, body: r.body });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    }
    if (ok) repeatable.push(r);
  }
  return repeatable;
}

export function toAutocannon(requests: TRequest[]) {
  return requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body }));
}
