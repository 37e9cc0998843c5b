import { describe, expect, it } from 'vitest';
import type { ArticleInput, Conflict } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { evidenceProblems } from './helpers/evidence.js';

/** Invented two- or three-outlet stories, each with the conflicts it should (or should not) yield. */
interface Case {
  name: string;
  bodies: string[];
  kind: Conflict['kind'];
  /** The values of the positions, sorted; absent when no conflict of the kind may be found. */
  values?: string[];
}

const filler = [
  'The town of Wexmoor held its annual regatta on the river at the weekend.',
  'Hundreds of visitors lined the banks to watch the rowing crews.',
];

const cases: Case[] = [
  {
    name: 'two lengths of one extension, worded differently',
    bodies: [
      'Wexmoor councillors signalled they will accept a proposal to extend the ferry licence for two months to avoid a shutdown.',
      'The ferry operator says it will agree to a plan by the council that keeps its Wexmoor licence alive for only three months.',
    ],
    kind: 'number',
    values: ['three months', 'two months'],
  },
  {
    name: 'one length of time in weeks and in months',
    bodies: [
      'Wexmoor councillors agreed to extend the ferry licence for about two months to avoid a shutdown.',
      'The council agreed to keep the Wexmoor ferry licence alive for eight weeks to avoid a shutdown.',
    ],
    kind: 'number',
  },
  {
    name: 'negative: figures of a qualified and a plain subject ("used boat prices" vs "prices")',
    bodies: [
      'Prices in Wexmoor rose 5.4 percent in June from a year earlier, the biggest rise since 2008.',
      'Used boat prices in Wexmoor rose 10.5 percent in June from a year earlier, the biggest rise since 2008.',
    ],
    kind: 'number',
  },
  {
    name: 'the same subject on both sides still conflicts',
    bodies: [
      'Boat prices in Wexmoor rose 5.4 percent in June from a year earlier, the biggest rise since 2008.',
      'Boat prices in Wexmoor rose 10.5 percent in June from a year earlier, the biggest rise since 2008.',
    ],
    kind: 'number',
    values: ['10.5 percent', '5.4 percent'],
  },
  {
    name: 'two repair costs in one currency',
    bodies: [
      'The council said the new pier at Wexmoor will cost $3.5 million to build.',
      'The council expects the new pier at Wexmoor to cost $5 million to build.',
    ],
    kind: 'number',
    values: ['$3.5 million', '$5 million'],
  },
  {
    name: 'one cost written two ways',
    bodies: [
      'The council said the new pier at Wexmoor will cost $3.5 million to build.',
      'The council expects the new pier at Wexmoor to cost $3,500,000 to build.',
    ],
    kind: 'number',
  },
  {
    name: 'one cost in two currencies',
    bodies: [
      'The council said the new pier at Wexmoor will cost £3 million to build.',
      'The council expects the new pier at Wexmoor to cost $3.8 million to build.',
    ],
    kind: 'number',
  },
  {
    name: 'a bound and a value inside it',
    bodies: [
      'More than 800 boats took part in the Wexmoor regatta this year.',
      'Some 850 boats took part in the Wexmoor regatta this year.',
    ],
    kind: 'number',
  },
  // Negative cases: values of different slots (a forecast and an actual, a U.S. and a world figure, a
  // month and a year, a baseline) are not conflicts.
  {
    name: 'a forecast and an actual',
    bodies: [
      'The Wexmoor ferry carried 5,200 passengers in its first season, the operator said.',
      'Analysts had expected the Wexmoor ferry to carry 7,000 passengers in its first season.',
    ],
    kind: 'number',
  },
  {
    name: 'a U.S. figure and a world figure',
    bodies: [
      'Sales of Wexmoor oysters in the U.S. rose 12% in the first season of the new ferry.',
      'Sales of Wexmoor oysters worldwide rose 4% in the first season of the new ferry.',
    ],
    kind: 'number',
  },
  {
    name: 'a month and a year',
    bodies: [
      'Bookings for the Wexmoor ferry service rose 9% last month, the operator said.',
      'Bookings for the Wexmoor ferry service rose 30% over the past year, the operator said.',
    ],
    kind: 'number',
  },
  {
    name: 'a figure and the baseline it is compared with',
    bodies: [
      'The Wexmoor ferry now carries 900 cars a day, the operator said.',
      'The Wexmoor ferry now carries 900 cars a day, up from 600 cars a day last year.',
    ],
    kind: 'number',
  },
  {
    name: 'two days for one drill',
    bodies: [
      'The fire at Wexmoor school broke out during a safety drill on April 3, officials said.',
      'The fire at Wexmoor school broke out during a safety drill on April 6, officials said.',
    ],
    kind: 'date',
    values: ['2025-04-03', '2025-04-06'],
  },
  {
    name: 'a weekday and a date of the same day',
    bodies: [
      'The fire at Wexmoor school broke out during a safety drill on Sunday, officials said.',
      'The fire at Wexmoor school broke out during a safety drill on April 6, officials said.',
    ],
    kind: 'date',
  },
  {
    name: 'a year and a month of it',
    bodies: [
      'The Wexmoor school was rebuilt in 2023 after a long campaign by parents.',
      'The Wexmoor school was rebuilt in September 2023 after a long campaign by parents.',
    ],
    kind: 'date',
  },
  {
    name: 'a cause asserted, hedged and denied',
    bodies: [
      'The fire at Wexmoor school was caused by a faulty heater in the gym.',
      'The fire at Wexmoor school was probably caused by a faulty heater in the gym.',
      'The heating firm Calder denied that a faulty heater had caused the fire at Wexmoor school.',
    ],
    kind: 'stance',
    values: ['asserted', 'hedged (“probably”)', 'reported denied (“denied that”)'],
  },
  {
    name: 'a denial of something nobody asserts',
    bodies: [
      'The fire at Wexmoor school was caused by a faulty heater in the gym.',
      'The headteacher denied that pupils had been left in the building during the fire.',
    ],
    kind: 'stance',
  },
  {
    name: 'a denial cut off by the excerpt',
    bodies: [
      'The fire at Wexmoor school was caused by a faulty heater in the gym.',
      'The heating firm Calder denied that a faulty heater had caused the...',
    ],
    kind: 'stance',
  },
  {
    name: 'a denial whose predicate the other source does not state',
    bodies: [
      'The heating firm Calder installed a heater in the gym of Wexmoor school last year.',
      'The heating firm Calder denied that a faulty heater had caused the fire at Wexmoor school.',
    ],
    kind: 'stance',
  },
  {
    name: 'a hedge in a side clause is not the hedge of the denied statement',
    bodies: [
      'A faulty heater caused the fire at Wexmoor school, which may stay shut until spring.',
      'The heating firm Calder denied that a faulty heater had caused the fire at Wexmoor school.',
    ],
    kind: 'stance',
    values: ['asserted', 'reported denied (“denied that”)'],
  },
  {
    name: 'a denial of what the other outlet only hedges',
    bodies: [
      'The heating firm Calder reportedly installed a faulty heater in the gym of Wexmoor school.',
      'The heating firm Calder denied that it had installed a faulty heater in the gym of Wexmoor school.',
    ],
    kind: 'stance',
  },
  {
    // "Rejected meeting" refuses an offer; only "denied meeting" would deny that a meeting took place.
    name: 'a refused meeting is no denial that one was asked for',
    bodies: [
      'The ferry owners asked to meet the Wexmoor mayor before the vote on the harbour fees.',
      'The Wexmoor mayor flatly rejected meeting the ferry owners before the vote on the harbour fees.',
    ],
    kind: 'stance',
  },
  {
    name: 'a sale, and a speaker saying it did not happen',
    bodies: [
      'The Wexmoor council sold the old ferry to a private buyer in March.',
      'The Wexmoor council said the old ferry was not sold to a private buyer.',
    ],
    kind: 'stance',
    values: ['asserted', 'reported denied (“said … was not”)'],
  },
  {
    name: 'a leak, and no evidence of it',
    bodies: [
      'The tanker leaked oil into Wexmoor bay on Sunday.',
      'The harbour agency said there was no evidence that the tanker leaked oil into Wexmoor bay.',
    ],
    kind: 'stance',
    values: ['asserted', 'reported denied (“no evidence that”)'],
  },
  {
    name: 'a negation both sources state',
    bodies: [
      'The old ferry was not sold to a private buyer, the Wexmoor council said.',
      'The Wexmoor council said the old ferry was not sold to a private buyer.',
    ],
    kind: 'stance',
  },
  {
    name: 'a fare rise, and a promise of none',
    bodies: [
      'The Wexmoor ferry operator raised fares for the winter crossing.',
      'The Wexmoor ferry operator said it would not raise fares for the winter crossing.',
    ],
    kind: 'stance',
  },
  {
    name: 'a negative assertion of what nobody states',
    bodies: [
      'The Wexmoor council closed the harbour bridge to heavy lorries.',
      'The engineer said the harbour bridge was not safe for heavy lorries.',
    ],
    kind: 'stance',
  },
  {
    name: 'a named boat and an undisclosed one',
    bodies: [
      'The mayor of Wexmoor bought a boat for the harbour patrol. The make and model of the boat were not disclosed.',
      'The mayor of Wexmoor bought a boat for the harbour patrol. The boat is a Riva Aquarama, the harbour office said.',
    ],
    kind: 'name',
    values: ['Riva Aquarama', 'not disclosed'],
  },
  {
    name: 'one quote, two speakers',
    bodies: [
      '"The river is higher than we have ever seen it at this time of year," said Sarah Hall, the harbour master.',
      '"The river is higher than we have ever seen it at this time of year," said David Moss, the mayor of Wexmoor.',
    ],
    kind: 'attribution',
    values: ['David Moss', 'Sarah Hall'],
  },
  {
    name: 'negative: a role and a named speaker may be one person',
    bodies: [
      '"The river is higher than we have ever seen it at this time of year," said Sarah Hall, the harbour master.',
      '"The river is higher than we have ever seen it at this time of year," said the Public Relations Officer.',
    ],
    kind: 'attribution',
  },
  {
    name: "negative: a denial written with a tokeniser's spaced apostrophe is the same statement",
    bodies: [
      "The harbour office said the claim hadn't been filed as of Tuesday.",
      'The harbour office said the claim hadn ’ t been filed as of Tuesday.',
    ],
    kind: 'stance',
  },
];

function story(bodies: readonly string[]): ArticleInput[] {
  return bodies.map((body, index) => ({
    id: `outlet-${index + 1}`,
    outlet: `Outlet ${index + 1}`,
    published: '2025-04-08',
    body: [...filler.slice(0, index % 2 === 0 ? 1 : 2), body].join('\n\n'),
  }));
}

describe('findConflicts through synthesize', () => {
  it.each(cases)('$name → $kind $values', ({ bodies, kind, values }) => {
    const report = synthesize(story(bodies));
    const found = report.conflicts.filter((conflict) => conflict.kind === kind);
    if (values === undefined) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]!.positions.map((position) => position.value).sort()).toEqual([...values].sort());
    for (const position of found[0]!.positions) expect(position.evidence.length).toBeGreaterThan(0);
    expect(evidenceProblems(report)).toEqual([]);
  });

  it('puts each side of a stance conflict under its sources with its stance', () => {
    const report = synthesize(story(cases.find((item) => item.kind === 'stance')!.bodies));
    const [conflict] = report.conflicts.filter((item) => item.kind === 'stance');
    expect(conflict?.positions.map((position) => [position.stance, position.sources])).toEqual([
      ['asserts', ['outlet-1']],
      ['hedges', ['outlet-2']],
      ['denies', ['outlet-3']],
    ]);
  });

  it('finds nothing in a story whose sources agree', () => {
    const report = synthesize(
      story(['The regatta at Wexmoor drew 400 crews.', 'The regatta at Wexmoor drew 400 crews.']),
    );
    expect(report.conflicts).toEqual([]);
  });
});
