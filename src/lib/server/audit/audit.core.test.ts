import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry, verifyChain, type TAuditFields } from './audit.core';

const event = fc.record({
  actor_id: fc.option(fc.uuid(), { nil: null }),
  action: fc.string({ minLength: 1, maxLength: 20 }),
  target_type: fc.constantFrom('user', 'organisation', 'invite'),
  target_id: fc.option(fc.uuid(), { nil: null }),
  details: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 10 })).map((d) => JSON.stringify(d))
});

function buildChain(events: Omit<TAuditFields, 'seq' | 'at' | 'prev_hash'>[]) {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const fields = { ...e, seq: i + 1, at: new Date(1_700_000_000_000 + i * 1000).toISOString(), prev_hash: prev };
    prev = hashAuditEntry(fields);
    return { ...fields, hash: prev };
  });
}

describe('audit hash chain', () => {
  it('verifies any chain that was appended honestly', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const chain = buildChain(events);
        expect(verifyChain(chain)).toEqual({
          ok: true,
          entries: events.length,
          head: chain.at(-1)?.hash ?? GENESIS_HASH
        });
      })
    );
  });

  it('finds the first changed entry whatever field was changed', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom('actor_id', 'action', 'target_type', 'target_id', 'details', 'at'),
        (events, index, field) => {
          const chain = buildChain(events);
          const i = index % chain.length;
          const entry = chain[i] as unknown as Record<string, unknown>;
          entry[field] = `${String(entry[field])}x`;
          const result = verifyChain(chain);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.brokenAt).toBe(i + 1);
        }
      )
    );
  });

  it('notices a deleted entry and a relinked one', () => {
    const chain = buildChain([
      { actor_id: null, action: 'a', target_type: 'user', target_id: null, details: '{}' },
      { actor_id: null, action: 'b', target_type: 'user', target_id: null, details: '{}' },
      { actor_id: null, action: 'c', target_type: 'user', target_id: null, details: '{}' }
    ]);
    expect(verifyChain([chain[0], chain[2]])).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verifyChain([chain[0], { ...chain[1], prev_hash: GENESIS_HASH }, chain[2]])).toMatchObject({
      ok: false,
      brokenAt: 2
    });
  });
});
