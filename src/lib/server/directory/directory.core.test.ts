import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactGuide,
  coverageOf,
  editDistance,
  matchMunicipality,
  normalisePlaceName,
  placeNameVariants,
  rankEntries,
  type TGuideEntry
} from './directory.core';

const places = [
  { number: '5501', name: 'Tromsø-Romsa', countyNumber: '55', countyName: 'Troms-Romssa' },
  { number: '1841', name: 'Fauske-Fuosko', countyNumber: '18', countyName: 'Nordland-Nordlándda' },
  { number: '1818', name: 'Herøy', countyNumber: '18', countyName: 'Nordland-Nordlándda' },
  { number: '1515', name: 'Herøy', countyNumber: '15', countyName: 'Møre og Romsdal' },
  { number: '3451', name: 'Nord-Aurdal', countyNumber: '34', countyName: 'Innlandet' },
  { number: '1508', name: 'Ålesund', countyNumber: '15', countyName: 'Møre og Romsdal' },
  { number: '5618', name: 'Porsanger-Porsáŋgu-Porsanki', countyNumber: '56', countyName: 'Finnmark-Finnmárku' }
];

describe('place names', () => {
  it('folds æ/ø/å and Sami letters', () => {
    expect(normalisePlaceName('Tromsø')).toBe('tromso');
    expect(normalisePlaceName('Ålesund')).toBe('alesund');
    expect(normalisePlaceName('Aalesund')).toBe('alesund');
    expect(normalisePlaceName('Porsáŋgu')).toBe('porsangu');
  });
  it('splits Sami and Kven double names but keeps the whole name', () => {
    expect(placeNameVariants('Fauske-Fuosko')).toEqual(['fauske fuosko', 'fauske', 'fuosko']);
    expect(placeNameVariants('Nord-Aurdal')).toContain('nord aurdal');
  });
  it('finds a municipality by number, either part of a double name, or with ASCII spelling', () => {
    expect(matchMunicipality('5501', places)).toMatchObject({ kind: 'found', place: { number: '5501' } });
    expect(matchMunicipality('Romsa', places)).toMatchObject({ kind: 'found', place: { number: '5501' } });
    expect(matchMunicipality('tromso', places)).toMatchObject({ kind: 'found', place: { number: '5501' } });
    expect(matchMunicipality('Porsanki', places)).toMatchObject({ kind: 'found', place: { number: '5618' } });
    expect(matchMunicipality('Aalesund', places)).toMatchObject({ kind: 'found', place: { number: '1508' } });
    expect(matchMunicipality('Nord-Aurdal', places)).toMatchObject({ kind: 'found', place: { number: '3451' } });
  });
  it('asks which one when two municipalities share a name, and accepts the county in brackets', () => {
    const r = matchMunicipality('Herøy', places);
    expect(r.kind).toBe('ambiguous');
    expect(matchMunicipality('Herøy (Møre og Romsdal)', places)).toMatchObject({
      kind: 'found',
      place: { number: '1515' }
    });
  });
  it('suggests similar names for a misspelt one', () => {
    const r = matchMunicipality('Tromsoe', places);
    expect(r.kind === 'found' || r.kind === 'unknown').toBe(true);
    const typo = matchMunicipality('Fauskee', places);
    expect(typo).toMatchObject({ kind: 'unknown' });
    if (typo.kind === 'unknown') expect(typo.suggestions.map((p) => p.number)).toContain('1841');
  });
  it('edit distance is a metric on small strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      })
    );
  });
  it('never throws on any input and finds every municipality by its own name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        matchMunicipality(s, places);
      })
    );
    for (const p of places.filter((p) => p.name !== 'Herøy'))
      expect(matchMunicipality(p.name, places)).toMatchObject({ kind: 'found', place: { number: p.number } });
  });
});

describe('coverage', () => {
  const area = { municipality: '0301', county: '03', policeDistrict: null };
  it('takes the most specific level that reaches the municipality', () => {
    expect(coverageOf([{ level: 'national', code: '' }], area)).toBe('national');
    expect(
      coverageOf(
        [
          { level: 'national', code: '' },
          { level: 'municipality', code: '0301' }
        ],
        area
      )
    ).toBe('municipality');
    expect(coverageOf([{ level: 'county', code: '03' }], area)).toBe('county');
    expect(coverageOf([{ level: 'county', code: '11' }], area)).toBe('none');
  });
  it('treats police-district coverage as unknown until the mapping exists, never guessing', () => {
    expect(coverageOf([{ level: 'police_district', code: 'Oslo politidistrikt' }], area)).toBe('unknown');
    expect(
      coverageOf([{ level: 'police_district', code: 'Oslo politidistrikt' }], {
        ...area,
        policeDistrict: 'Oslo politidistrikt'
      })
    ).toBe('police_district');
    expect(
      coverageOf([{ level: 'police_district', code: 'Øst politidistrikt' }], {
        ...area,
        policeDistrict: 'Oslo politidistrikt'
      })
    ).toBe('none');
  });
  it('ranks local services before national ones, verified before unverified', () => {
    const ranked = rankEntries([
      { name: 'B', match: 'national' as const, verified: true, text: '' },
      { name: 'A', match: 'national' as const, verified: false, text: '' },
      { name: 'C', match: 'municipality' as const, verified: false, text: '' }
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['C', 'B', 'A']);
  });
});

describe('the contact guide', () => {
  const ch = (id: string, purpose: string, anonymity = 'unknown') => ({ id, purpose, anonymity });
  const entries: TGuideEntry[] = [
    {
      id: 'police',
      name: 'Politiet',
      links: ['intelligence'],
      exploitation: ['labour', 'sexual'],
      targets: [],
      channels: [ch('112', 'emergency'), ch('02800', 'report')]
    },
    {
      id: 'kripos',
      name: 'Kripos',
      links: ['intelligence'],
      exploitation: ['labour', 'sexual'],
      targets: [],
      channels: [ch('tip', 'tip', 'possible')]
    },
    {
      id: 'at',
      name: 'Arbeidstilsynet',
      links: ['intelligence'],
      exploitation: ['labour'],
      targets: [],
      channels: [ch('form', 'tip', 'possible')]
    },
    {
      id: 'bv',
      name: 'Barnevernet',
      links: ['victim_follow_up'],
      exploitation: [],
      targets: ['children'],
      channels: [ch('bv', 'report', 'possible')]
    },
    {
      id: 'rosa',
      name: 'ROSA',
      links: ['victim_follow_up'],
      exploitation: ['labour', 'sexual'],
      targets: ['adults'],
      channels: [ch('rosa', 'advice')]
    },
    {
      id: 'kom',
      name: 'KOM',
      links: ['prevention'],
      exploitation: [],
      targets: [],
      channels: [ch('mail', 'contact', 'not_possible')]
    }
  ];
  it('puts the emergency number first when someone is in danger', () => {
    const steps = contactGuide({ danger: 'yes', child: 'no', about: 'work', anonymous: 'no' }, entries);
    expect(steps[0].entry.id).toBe('police');
    expect(steps[0].channels[0].id).toBe('112');
    expect(steps.map((s) => s.entry.id)).toContain('at');
    expect(steps.map((s) => s.entry.id)).not.toContain('kom');
  });
  it('leads with child services for a child, and leaves out the emergency number when nobody is in danger', () => {
    const steps = contactGuide({ danger: 'no', child: 'yes', about: 'sex', anonymous: 'no' }, entries);
    expect(steps[0].entry.id).toBe('bv');
    expect(steps.flatMap((s) => s.channels).some((c) => c.purpose === 'emergency')).toBe(false);
  });
  it('has properties: emergency first iff danger; anonymous leaves no non-anonymous channel; only given entries', () => {
    const answer = fc.record({
      danger: fc.constantFrom('yes', 'no'),
      child: fc.constantFrom('yes', 'no', 'unsure'),
      about: fc.constantFrom('work', 'sex', 'other', 'unsure'),
      anonymous: fc.constantFrom('yes', 'no')
    }) as fc.Arbitrary<{
      danger: 'yes' | 'no';
      child: 'yes' | 'no' | 'unsure';
      about: 'work' | 'sex' | 'other' | 'unsure';
      anonymous: 'yes' | 'no';
    }>;
    fc.assert(
      fc.property(answer, fc.subarray(entries), (a, subset) => {
        const steps = contactGuide(a, subset);
        const channels = steps.flatMap((s) => s.channels);
        const hasEmergency = subset.some((e) => e.channels.some((c) => c.purpose === 'emergency'));
        if (a.danger === 'yes' && hasEmergency) expect(steps[0].channels[0].purpose).toBe('emergency');
        if (a.danger === 'no') expect(channels.every((c) => c.purpose !== 'emergency')).toBe(true);
        if (a.anonymous === 'yes')
          expect(channels.every((c) => c.anonymity !== 'not_possible' || c.purpose === 'emergency')).toBe(true);
        const ids = new Set(subset.map((e) => e.id));
        expect(steps.every((s) => ids.has(s.entry.id))).toBe(true);
        expect(new Set(steps.map((s) => s.entry.id)).size).toBe(steps.length);
        expect(channels.every((c) => c.purpose !== 'contact')).toBe(true);
        if (a.child === 'no') expect(steps.some((s) => s.entry.id === 'bv')).toBe(false);
      })
    );
  });
});
