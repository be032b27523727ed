// A test-only probe, preloaded into the production build by the scripts that measure it
// (`node --import ./tests/load/heap-probe.js build/index.js` with FOREBYGG_PROBE_PORT set): a loopback
// server of its own that, on `GET /`, runs a full garbage collection, lets pending FinalizationRegistry
// callbacks run, collects again and answers with the live objects that a request can leave behind —
// AbortSignals, the abort listeners on them, WeakRefs — and process.memoryUsage(). Counting is done through
// the inspector (HeapProfiler.collectGarbage, Runtime.queryObjects), so the app needs no flag and no code
// of its own for it. Never part of the app: production starts without this file.
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';

const port = Number(process.env.FOREBYGG_PROBE_PORT);
// Typed loosely: @types/node 20 does not type the inspector's promise results.
const session = /** @type {any} */ (new Session());
session.connect();

const countKey = Symbol.for('forebygg.probe.count');
/** Counts the objects in an array from queryObjects; abort listeners summed over AbortSignals. */
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[countKey] = (
  /** @type {AbortSignal[]} */ objects,
  /** @type {string} */ kind
) =>
  kind === 'listeners'
    ? objects.reduce((/** @type {number} */ sum, signal) => sum + getEventListeners(signal, 'abort').length, 0)
    : objects.length;

/** @param {string} prototypeExpression @param {string} [kind] */
async function instances(prototypeExpression, kind = 'objects') {
  const { result: proto } = await session.post('Runtime.evaluate', { expression: prototypeExpression });
  const { objects } = await session.post('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await session.post('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: `function (kind) { return globalThis[Symbol.for('forebygg.probe.count')](this, kind); }`,
    arguments: [{ value: kind }],
    returnByValue: true
  });
  await session.post('Runtime.releaseObjectGroup', { objectGroup: 'probe' }).catch(() => {});
  await session.post('Runtime.releaseObject', { objectId: objects.objectId });
  await session.post('Runtime.releaseObject', { objectId: proto.objectId });
  return result.value;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function measure() {
  // Twice: the first collection finds the dead objects and queues their finalizers, which run as tasks.
  for (let i = 0; i < 3; i++) {
    await session.post('HeapProfiler.collectGarbage');
    await settle();
  }
  return {
    abortSignals: await instances('AbortSignal.prototype'),
    abortListeners: await instances('AbortSignal.prototype', 'listeners'),
    abortControllers: await instances('AbortController.prototype'),
    weakRefs: await instances('WeakRef.prototype'),
    requests: await instances('Request.prototype'),
    memory: process.memoryUsage()
  };
}

if (port) {
  createServer((req, res) => {
    measure().then(
      (figures) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(figures));
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error?.stack ?? error));
      }
    );
  })
    .listen(port, '127.0.0.1')
    .unref();
}
