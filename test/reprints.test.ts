import { describe, expect, it } from 'vitest';
import type { Source } from '../src/model/index.js';
import {
  countIndependent,
  findReprints,
  independentRoots,
  jaccard,
  minhashSignature,
  shingleHashes,
} from '../src/stages/reprints.js';

/** An invented wire story of a dozen sentences, long enough for shingles to mean something. */
const WIRE = [
  'The night ferry between Gull Point and the North Quay ran aground on a sandbank early on Saturday.',
  'All forty passengers were taken off by lifeboat crews within two hours, the harbour office said.',
  'Nobody was hurt, although one crew member was treated for the cold after falling into the water.',
  'The ferry company said the captain had followed the usual channel and that the sandbank had moved.',
  'Engineers will try to float the vessel off at high tide on Sunday evening if the wind drops.',
  'Until then the crossing is closed, and passengers are asked to use the coast road bus instead.',
  'The harbour office said it would survey the channel again before the service restarts next week.',
  'Local fishermen have complained for years that the channel markers are in the wrong place.',
  'The council said it had asked the harbour office for a report on the markers by the end of the month.',
  'The ferry was built in 2004 and carries up to two hundred passengers on the busiest summer days.',
].join(' ');
const OTHER = [
  'The city library reopened on Monday after a two-year renovation that cost more than planned.',
  'Readers queued from dawn to see the restored reading room and its painted ceiling.',
  'The librarian said visitor numbers in the first week were the highest since the library opened.',
  'A new children’s wing has a garden on the roof and a room for storytelling on Saturdays.',
  'The council said the overspend was caused by damp found in the walls during the work.',
].join(' ');

const source = (id: string, text: string, extra: Partial<Source> = {}): Source => ({ id, text, ...extra });

describe('MinHash building blocks', () => {
  it('estimates Jaccard close to the exact value', () => {
    const left = shingleHashes(WIRE);
    const right = shingleHashes(WIRE.replace('forty', 'forty-two').replace('Sunday evening', 'Sunday'));
    const exact = jaccard(left, right);
    const first = minhashSignature(left);
    const second = minhashSignature(right);
    const agree = first.filter((value, index) => value === second[index]).length / first.length;
    expect(exact).toBeGreaterThan(0.7);
    expect(Math.abs(agree - exact)).toBeLessThan(0.25);
  });

  it('is deterministic and case-insensitive', () => {
    expect([...minhashSignature(shingleHashes(WIRE))]).toEqual([
      ...minhashSignature(shingleHashes(WIRE.toUpperCase())),
    ]);
  });
});

describe('findReprints', () => {
  const edited = `${WIRE.replace('early on Saturday', 'on Saturday morning')} A reader sent us this photo of the ferry.`;

  const cases: { name: string; sources: Source[]; expected: { source: string; copyOf: string }[] }[] = [
    {
      name: 'a later lightly edited copy points at the earlier original',
      sources: [
        source('copy', edited, { published: '2025-05-04' }),
        source('wire', WIRE, { published: '2025-05-03' }),
        source('library', OTHER, { published: '2025-05-03' }),
      ],
      expected: [{ source: 'copy', copyOf: 'wire' }],
    },
    {
      name: 'undated copies point at the outlet they credit',
      sources: [
        source('daily', `GULL POINT (Coast Wire) - ${edited}`, { outlet: 'Coast Daily' }),
        source('wire', WIRE, { outlet: 'Coast Wire' }),
      ],
      expected: [{ source: 'daily', copyOf: 'wire' }],
    },
    {
      name: 'different stories are not copies',
      sources: [source('wire', WIRE), source('library', OTHER)],
      expected: [],
    },
    {
      name: 'two copies of one original each point at it',
      sources: [
        source('wire', WIRE, { published: '2025-05-03' }),
        source('first', edited, { published: '2025-05-04' }),
        source('second', `${WIRE} More follows.`, { published: '2025-05-05' }),
      ],
      expected: [
        { source: 'first', copyOf: 'wire' },
        { source: 'second', copyOf: 'wire' },
      ],
    },
  ];

  it.each(cases)('$name', ({ sources, expected }) => {
    const reprints = findReprints(sources);
    expect(reprints.map(({ source: copy, copyOf }) => ({ source: copy, copyOf }))).toEqual(expected);
    for (const reprint of reprints) expect(reprint.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('counts a copy once with its original', () => {
    const roots = independentRoots(
      ['wire', 'copy', 'library'],
      [{ source: 'copy', copyOf: 'wire', similarity: 0.8 }],
    );
    expect(countIndependent(['wire', 'copy'], roots)).toBe(1);
    expect(countIndependent(['wire', 'copy', 'library'], roots)).toBe(2);
    expect(countIndependent(['library'], roots)).toBe(1);
  });
});
