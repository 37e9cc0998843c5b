import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle } from '../src/model/index.js';
import { alignClaims } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { mergeEntities } from '../src/stages/entities.js';

// Every sentence below is invented for these tests. Each case is a small story: the first sentence of
// each source is the one under test, the others are filler that gives the story its term statistics.

const FILLER = [
  'Weather in the region stayed mild through the week.',
  'Local markets reported steady trade on Saturday.',
];

/** A lead without final punctuation is a headline: it becomes the article's title. */
function story(...leads: string[]): AnalyzedArticle[] {
  return leads.map((lead, index) => {
    const filler = FILLER[index % FILLER.length]!;
    const headline = !/[.!?"”]$/.test(lead);
    return analyzeArticle({
      id: `s${index + 1}`,
      ...(headline ? { title: lead, body: filler } : { body: `${lead}\n\n${filler}` }),
      published: '2025-03-11',
    });
  });
}

/** Whether the lead sentences of all sources end up in one claim. */
function aligned(leads: readonly string[]): boolean {
  const analyzed = story(...leads);
  const alignment = alignClaims(analyzed, { entities: mergeEntities(analyzed) });
  const claim = alignment.claims.find((item) => item.evidence.some((evidence) => evidence.text === leads[0]));
  return (
    claim !== undefined && leads.every((lead) => claim.evidence.some((evidence) => evidence.text === lead))
  );
}

interface Case {
  name: string;
  leads: string[];
  /** Marked known failure: what the aligner gets wrong today, kept so a fix shows up. */
  knownFailure?: boolean;
}

const POSITIVES: Case[] = [
  {
    name: 'ruled / decided and halt / stop',
    leads: [
      'A county judge in Velmar ruled on Tuesday to halt the quarry expansion near the river.',
      'The Velmar county court decided on Tuesday to stop the riverside quarry expansion.',
    ],
  },
  {
    name: 'debt ceiling / debt limit and raise / hike',
    leads: [
      'The Ostrava council voted to raise the municipal debt ceiling by 40 million crowns.',
      'Ostrava councillors approved a 40 million crown hike of the city debt limit.',
    ],
  },
  {
    name: 'a number with a magnitude letter and the same number in words',
    leads: [
      'Parliament in Lindmark approved a $1.4T infrastructure package for the northern provinces.',
      'Lindmark lawmakers passed a $1.4 trillion infrastructure package for the north.',
    ],
  },
  {
    name: 'a number written in words and in digits',
    leads: [
      'Three ferry workers were injured when a crane collapsed at the Brenna terminal.',
      'A crane collapse at the Brenna ferry terminal injured 3 workers.',
    ],
  },
  {
    name: 'COVID-19 / coronavirus',
    leads: [
      'Hospitals in Tarvik reported a sharp fall in COVID-19 admissions last week.',
      'Coronavirus admissions at Tarvik hospitals fell sharply last week.',
    ],
  },
  {
    name: 'a closed compound and its hyphenated form',
    leads: [
      'Rebel commanders in Sorrel Valley agreed to a ceasefire starting at midnight.',
      'A cease-fire between rebel commanders in Sorrel Valley will start at midnight.',
    ],
  },
  {
    name: 'a country and its adjective',
    leads: [
      'China recalled its envoy from the Kestrel Islands after the vote on Friday.',
      'Chinese envoy recalled from the Kestrel Islands after Friday vote',
    ],
  },
  {
    name: 'a headline and the lead that states its fact',
    leads: [
      'Velmar mayor bans cars from old town square',
      'The mayor of Velmar on Monday banned all cars from the old town square, citing noise complaints from residents.',
    ],
  },
  {
    name: 'seek / ask and authorization / approval',
    leads: [
      'Drugmaker Halvern asked regulators for emergency approval of its malaria tablet.',
      'Halvern is seeking emergency authorization from regulators for its malaria tablet.',
    ],
  },
];

const NEGATIVES: Case[] = [
  {
    name: 'same actors, a different event',
    leads: [
      'The Velmar city council approved a new budget for the harbour on Monday, after a long debate about the quay walls.',
      'The Velmar city council voted to sell the old fishing warehouses on Thursday, ending a dispute with tenants.',
    ],
  },
  {
    name: 'same actors, a different event, when the actors are most of both sentences',
    leads: [
      'The Velmar city council approved a new budget for the harbour on Monday.',
      'The Velmar city council voted to sell the old fishing warehouses on Thursday.',
    ],
    // 0.33: in a story this small the council's name weighs as much as the verbs (in real coverage the
    // actors recur in many sentences and weigh less). A regression of the 0.35 → 0.30 threshold.
    knownFailure: true,
  },
  {
    name: 'a denial and the statement it denies, with a different wording',
    leads: [
      'The Brenna port authority denied releasing sludge, which environmental groups say broke its licence.',
      'Dumping sludge in the estuary broke the licence of the Brenna port authority, inspectors found.',
    ],
  },
  {
    name: 'a denial and the statement it denies, sharing nearly every word',
    leads: [
      'The Brenna port authority denied dumping sludge in the estuary, which would break its licence.',
      'The Brenna port authority broke its licence by dumping sludge in the estuary.',
    ],
    // The denial factor (×0.5) still leaves 0.40: near-total overlap outweighs it (see test/align.test.ts).
    knownFailure: true,
  },
  {
    name: 'two facts that share only the scene of a leading clause',
    leads: [
      'When the minister visited Tarvik in May, she opened a new rail depot.',
      'Since the minister visited Tarvik in May, teachers have held three strikes.',
    ],
  },
  {
    name: 'two sentences sharing a single word',
    leads: ['Here is what the ruling means.', 'What it means for renters in Sorrel Valley'],
  },
  {
    name: 'two different disasters in one region',
    leads: [
      'A landslide buried four homes in the hills above Ostrava on Sunday.',
      'A flood damaged four bridges in the valley below Ostrava on Friday.',
    ],
  },
];

describe('alignClaims recall: paraphrases of one fact align', () => {
  for (const item of POSITIVES) {
    const test = item.knownFailure ? it.fails : it;
    test(item.name, () => {
      expect(aligned(item.leads)).toBe(true);
    });
  }
});

describe('alignClaims precision: near misses stay apart', () => {
  for (const item of NEGATIVES) {
    const test = item.knownFailure ? it.fails : it;
    test(item.name, () => {
      expect(aligned(item.leads)).toBe(false);
    });
  }
});

/** Articles of several sentences each (a paragraph per article), analysed with the story's entities. */
function alignBodies(bodies: readonly string[]): ReturnType<typeof alignClaims> {
  const analyzed = bodies.map((body, index) =>
    analyzeArticle({ id: `s${index + 1}`, body, published: '2025-03-11' }),
  );
  return alignClaims(analyzed, { entities: mergeEntities(analyzed) });
}

const TRAM_CAPITAL = 'The new tram line linking Velmar to its airport opened on Saturday.';
const TRAM_CEREMONY =
  'The new tram line linking Velmar to its airport opened on Saturday, Mayor Mira Holt said at the ribbon ceremony.';

interface SwapCase {
  name: string;
  /** s1 holds two sentences; s2 and s3 state the fact once each. */
  bodies: string[];
  /** The sentence of s1 that must stand in the claim of s3's sentence. */
  expected: string;
  /** Whether s1's other sentence must stay out of the claim's evidence altogether. */
  alone?: boolean;
  knownFailure?: boolean;
}

const SWAPS: SwapCase[] = [
  {
    name: 'a sentence that states the fact takes the place of one that only shares the attribution',
    bodies: [
      'Mayor Mira Holt said at the ribbon ceremony on Saturday that trams will run every ten minutes. The first passengers rode the tram line to the Velmar airport.',
      `${TRAM_CEREMONY} Fares will be set in May.`,
      `${TRAM_CAPITAL} Critics called the cost too high.`,
    ],
    expected: 'The first passengers rode the tram line to the Velmar airport.',
    alone: true,
  },
  {
    name: 'the lead takes the place of a later sentence on the cost',
    bodies: [
      'The tram line to the Velmar airport opened to its first passengers on Saturday. Mayor Mira Holt said at the ribbon ceremony on Saturday that the new tram line to the airport cost 90 million.',
      `${TRAM_CEREMONY} Fares will be set in May.`,
      `${TRAM_CAPITAL} Critics called the cost too high.`,
    ],
    expected: 'The tram line to the Velmar airport opened to its first passengers on Saturday.',
  },
  {
    name: 'known failure: a sentence on another fact of the same setting stays out of the evidence',
    bodies: [
      'The tram line to the Velmar airport opened to its first passengers on Saturday. Mayor Mira Holt said at the ribbon ceremony on Saturday that the new tram line to the airport cost 90 million.',
      `${TRAM_CEREMONY} Fares will be set in May.`,
      `${TRAM_CAPITAL} Critics called the cost too high.`,
    ],
    expected: 'The tram line to the Velmar airport opened to its first passengers on Saturday.',
    alone: true,
    knownFailure: true,
  },
  {
    name: 'negative: a sentence close to one member only does not displace the one that fits the claim',
    bodies: [
      `${TRAM_CAPITAL} Mayor Mira Holt said at the ribbon ceremony on Saturday that trams to the airport will run every ten minutes.`,
      'The tram line from Velmar to the airport opened on Saturday, Mayor Mira Holt said at the ribbon ceremony. Fares will be set in May.',
      'The tram line to the Velmar airport opened to passengers on Saturday. Critics called the cost too high.',
    ],
    expected: TRAM_CAPITAL,
    alone: true,
  },
];

describe('alignClaims: a source is represented by its sentence that fits the claim best', () => {
  for (const item of SWAPS) {
    const test = item.knownFailure ? it.fails : it;
    test(item.name, () => {
      const alignment = alignBodies(item.bodies);
      const anchor = item.bodies[2]!.split('. ')[0]!;
      const claim = alignment.claims.find((candidate) =>
        candidate.evidence.some((evidence) => evidence.text.startsWith(anchor)),
      );
      // The member comes first among a source's passages; a restatement may follow it.
      const fromFirst = claim?.evidence.filter((evidence) => evidence.source === 's1') ?? [];
      expect(fromFirst[0]?.text).toBe(item.expected);
      if (item.alone === true) expect(fromFirst.map((evidence) => evidence.text)).toEqual([item.expected]);
    });
  }
});

interface JoinCase {
  name: string;
  bodies: string[];
  /** Whether all sources' first sentences end up in one claim. */
  together: boolean;
  knownFailure?: boolean;
}

const STRIKE_ENDED = [
  'Boats are sailing again in Brenna: the striking deckhands took a 6 percent raise and ended their walkout. Tourists in Brenna had waited for days.',
  'The Brenna deckhands strike is over after a 6 percent raise was agreed on Tuesday. The mayor of Brenna welcomed the news.',
  'Brenna deckhands are back on the boats after agreeing to a 6 percent raise on Tuesday. Ticket offices opened early.',
];

const JOINS: JoinCase[] = [
  {
    name: 'two outlets worded alike join a claim of three that word the fact otherwise',
    bodies: [
      'Ferry crews in Brenna ended their walkout on Tuesday after accepting a pay deal. The harbour in Brenna was quiet in the morning.',
      ...STRIKE_ENDED,
      'Brenna ferry crews accepted the pay deal and ended their walkout. Ferry timetables were printed.',
    ],
    together: true,
  },
  {
    name: 'negative: two outlets on how the strike began stay apart from its end',
    bodies: [
      'Ferry crews in Brenna began their walkout last month over a pay deal. The harbour in Brenna was quiet in the morning.',
      ...STRIKE_ENDED,
      'Brenna ferry crews started their walkout last month over the pay deal. Ferry timetables were printed.',
    ],
    together: false,
  },
];

describe('alignClaims: a sentence or a pair joins a claim of three or more at a lower cohesion', () => {
  for (const item of JOINS) {
    const test = item.knownFailure ? it.fails : it;
    test(item.name, () => {
      const alignment = alignBodies(item.bodies);
      const leads = item.bodies.map((body) => body.split(/(?<=\.) /)[0]!);
      const claim = alignment.claims.find((candidate) =>
        candidate.evidence.some((evidence) => evidence.text === leads[1]),
      );
      const together = leads.every((lead) => claim?.evidence.some((evidence) => evidence.text === lead));
      expect(together).toBe(item.together);
    });
  }
});
