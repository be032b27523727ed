// adapter-node, plus a lookup of the routes the app serves before SvelteKit (src/lib/server/http/node-routes.ts):
// after the adapter has written build/index.js, its `polka(…).use(handler)` gets a middleware in front that
// answers a registered `METHOD /path` itself and passes every other request to SvelteKit's handler.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-node';

const USE_HANDLER = 'const server = polka({ server: httpServer }).use(handler);';
const LOOKUP = `
// Added by scripts/node-routes-adapter.js: the routes the app answers before SvelteKit (node-routes.ts).
const node_routes = (req, res, next) => globalThis[Symbol.for('forebygg.nodeRoutes')]?.(req, res) || next();
const server = polka({ server: httpServer }).use(node_routes, handler);`;

/** @param {import('@sveltejs/adapter-node').AdapterOptions} options @returns {import('@sveltejs/kit').Adapter} */
export default function nodeRoutesAdapter(options) {
  const base = adapter(options);
  return {
    ...base,
    async adapt(builder) {
      await base.adapt(builder);
      const entry = join(options.out ?? 'build', 'index.js');
      const code = readFileSync(entry, 'utf8');
      if (!code.includes(USE_HANDLER)) {
        throw new Error(`${entry}: adapter-node's server no longer has \`${USE_HANDLER}\`; update ${import.meta.url}`);
      }
      writeFileSync(entry, code.replace(USE_HANDLER, LOOKUP));
    }
  };
}
