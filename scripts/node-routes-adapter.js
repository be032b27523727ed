// adapter-node, plus a lookup of the routes the app serves before SvelteKit (src/lib/server/http/node-routes.ts):
// after the adapter has written build/index.js, its `polka(…).use(handler)` gets a middleware in front that
// answers a registered `METHOD /path` itself and passes every other request to SvelteKit's handler.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-node';

const USE_HANDLER = 'const server = polka({ server: httpServer }).use(handler);';
const LOOKUP = `
// Added by scripts/node-routes-adapter.js: the routes the app answers before SvelteKit (node-routes.ts).
const node_routes = (req, res, next) => globalThis[Symbol.for('forebygg.nodeRoutes')]?.(req, res) || next();
const server = polka({ server: httpServer }).use(node_routes, handler);`;

// And a body size limit per route (src/lib/server/http/body-limits.ts): adapter-node's handler asks the app for the
// request's cap, so a registered route (a campaign's 10 MB material upload) may take more than BODY_SIZE_LIMIT
// while every other route keeps it; adapter-node still cuts a body off while streaming it.
const BODY_LIMIT = 'bodySizeLimit: body_size_limit';
const BODY_LIMIT_LOOKUP =
  "bodySizeLimit: globalThis[Symbol.for('forebygg.bodySizeLimit')]?.(req, body_size_limit) ?? body_size_limit";

/** Every .js file below `dir` (the server's own code: the client folder is skipped). @param {string} dir @returns {string[]} */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'client' ? [] : jsFiles(path);
    return e.name.endsWith('.js') ? [path] : [];
  });
}

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
      // adapter-node bundles its handler into a hashed chunk (build/server/chunks/handler-….js).
      const handlers = jsFiles(options.out ?? 'build').filter((f) => readFileSync(f, 'utf8').includes(BODY_LIMIT));
      const handler = handlers.length === 1 ? readFileSync(handlers[0], 'utf8') : '';
      if (handler.split(BODY_LIMIT).length !== 2) {
        throw new Error(`build: adapter-node's handler no longer has one \`${BODY_LIMIT}\`; update ${import.meta.url}`);
      }
      writeFileSync(handlers[0], handler.replace(BODY_LIMIT, BODY_LIMIT_LOOKUP));
    }
  };
}
