import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../src/cluster/features.js';
import { type ClusterOptions, StoryClusterer } from '../src/cluster/story-clusterer.js';
import type { ArticleInput } from '../src/model/index.js';

// Every article below is invented for these tests. Two sister events share nearly every rare term (the
// Calvera fisheries rule on the silver eel): a ministry loosens the rule, and months later a new
// government restores it. What tells them apart is when (the weekday each lead names) and the figures.
const loosened = (id: string, body: string): ArticleInput => ({ id, body });
const restored = (id: string, body: string): ArticleInput => ({ id, body });

const loosenedArticles = [
  loosened(
    'loosen-a',
    'The Calvera fisheries ministry on Thursday loosened protections for the silver eel, letting 12 river councils approve weirs without a review by ministry scientists. Fisheries minister Odile Brassart said the silver eel rule had delayed weirs for years. Anglers on the Marrow estuary said the silver eel would suffer, and the Calvera river trust called the change reckless.',
  ),
  loosened(
    'loosen-b',
    'Protections for the silver eel were weakened on Thursday, when the Calvera fisheries ministry let 12 river councils approve weirs with no scientific review. Odile Brassart, the fisheries minister, said the rule had held up weirs on the Marrow estuary. The Calvera river trust said the silver eel had lost its best defence.',
  ),
  loosened(
    'loosen-c',
    'Minister Odile Brassart on Thursday cut the scientific review that guarded the silver eel: 12 river councils may now approve weirs on their own, the Calvera fisheries ministry said. The Calvera river trust and anglers on the Marrow estuary condemned the silver eel rule change.',
  ),
];
const restoredArticles = [
  restored(
    'restore-a',
    'The new Calvera government on Tuesday restored protections for the silver eel, requiring a review by fisheries scientists before any of the 48 weirs now planned is approved. Fisheries minister Jonas Peldt said the silver eel rule of his predecessor Odile Brassart was unlawful. The Calvera river trust and anglers on the Marrow estuary welcomed the reversal.',
  ),
  restored(
    'restore-b',
    'Scientific review of weirs that threaten the silver eel is back: the Calvera fisheries ministry on Tuesday reversed the rule of Odile Brassart, and all 48 planned weirs must again pass its scientists. Minister Jonas Peldt said river councils had approved weirs on the Marrow estuary too fast. The Calvera river trust praised the move.',
  ),
  restored(
    'restore-c',
    'Calvera reinstated the silver eel protections on Tuesday. Fisheries minister Jonas Peldt overturned the Odile Brassart rule, so river councils can no longer approve weirs without the ministry scientists, and the 48 weirs planned on the Marrow estuary face review. The Calvera river trust applauded.',
  ),
];
/** Unrelated articles, so that document frequencies tell rare terms from common ones. */
const fillers: ArticleInput[] = [
  {
    id: 'filler-lanterns',
    body: 'Thousands of paper lanterns floated across Quillon harbour on Saturday as the annual festival returned. Organiser Petra Lindqvist said bakers and a brass band filled the quay until midnight.',
  },
  {
    id: 'filler-bridge',
    body: 'The Sorrel Bay bridge reopened to lorries after a month of repairs, the roads agency said, with 3 lanes open and a speed limit of 50 km/h while painters finish the railings.',
  },
  {
    id: 'filler-chess',
    body: 'Grandmaster Ilya Tamsin won the Ostrava open chess tournament after a tense final round, beating the defending champion with the black pieces in 61 moves.',
  },
  {
    id: 'filler-orchard',
    body: 'Apple growers in the Venn valley expect a record harvest after a mild spring, the growers cooperative said, though a shortage of pickers may leave fruit on the trees.',
  },
];

/** Each article alone after the online pass, then one refinement: which of the pairs share a story. */
function refined(options: ClusterOptions): StoryClusterer {
  // A threshold no pair reaches and no near-copy joining: refinement alone decides.
  const clusterer = new StoryClusterer({ threshold: 2, nearDuplicate: 2, ...options });
  for (const input of [...fillers, ...loosenedArticles, ...restoredArticles]) {
    clusterer.add(input.id, articleFeatures(input));
  }
  clusterer.refine();
  return clusterer;
}

describe('refinement of sister events that share their rare terms', () => {
  it.each([
    { name: 'defaults', options: {}, knownFailure: false },
    // Known failure: without the weekday penalty the year-less reports of the two events, whose numbers
    // disagree, still read alike enough to be joined.
    { name: 'weekday penalty off', options: { weekdayPenalty: 0 }, knownFailure: true },
  ])('splits the loosened rule from its reversal ($name)', ({ options, knownFailure }) => {
    const clusterer = refined(options);
    const split = clusterer.storyOf('loosen-a') !== clusterer.storyOf('restore-a');
    expect(split).toBe(!knownFailure);
  });

  it.each([
    ['loosen-a', 'loosen-b'],
    ['loosen-a', 'loosen-c'],
    ['restore-a', 'restore-b'],
    ['restore-a', 'restore-c'],
  ])('keeps %s and %s, one event told in other words, together', (left, right) => {
    const clusterer = refined({});
    expect(clusterer.storyOf(left)).toBe(clusterer.storyOf(right));
  });
});

describe('sister events with no dates or figures to tell them apart', () => {
  // Two clubs court one free agent: only who made the offer differs, and nothing in the clusterer reads
  // who did what, so the two bids stay one story (the Angels / Red Sox offers to Teixeira on ECB+).
  const offer = (id: string, club: string, rival: string, manager: string): ArticleInput => ({
    id,
    body: `The ${club} have made a long contract offer to the free agent pitcher Dario Venholt, general manager ${manager} said, as the ${rival} also keep watching the left-hander. Venholt's agent Mirela Sankt said the pitcher would weigh every bid before spring training. Venholt led the league in strikeouts and is the most coveted pitcher on the market.`,
  });
  const bids = [
    offer('bid-gulls-a', 'Portmere Gulls', 'Kestrel City Owls', 'Ada Florin'),
    offer('bid-gulls-b', 'Portmere Gulls', 'Kestrel City Owls', 'Ada Florin'),
    offer('bid-owls-a', 'Kestrel City Owls', 'Portmere Gulls', 'Lev Okafor'),
    offer('bid-owls-b', 'Kestrel City Owls', 'Portmere Gulls', 'Lev Okafor'),
  ];
  it.each([{ name: 'defaults', knownFailure: true }])(
    'splits two clubs bidding for one player ($name)',
    ({ knownFailure }) => {
      const clusterer = new StoryClusterer({ threshold: 2, nearDuplicate: 2 });
      for (const input of [...fillers, ...bids]) clusterer.add(input.id, articleFeatures(input));
      clusterer.refine();
      expect(clusterer.storyOf('bid-gulls-b')).toBe(clusterer.storyOf('bid-gulls-a'));
      const split = clusterer.storyOf('bid-gulls-a') !== clusterer.storyOf('bid-owls-a');
      expect(split).toBe(!knownFailure);
    },
  );
});

describe('weekday penalty needs a second disagreement', () => {
  // One arrest: the first report names the day of the arrest, the follow-up the day of the charge.
  // Same figures, no years, so the weekday mismatch alone must not split them.
  const arrest: ArticleInput[] = [
    {
      id: 'arrest-a',
      body: 'Police in Harlow Cove arrested the harbourmaster Ansel Quint on Friday over the theft of 7 pilot boats from the Harlow Cove marina. Quint was held overnight at the Brindle Street station.',
    },
    {
      id: 'arrest-b',
      body: 'Harlow Cove harbourmaster Ansel Quint was charged on Monday with stealing 7 pilot boats from the Harlow Cove marina, police said. Quint, held at the Brindle Street station since his arrest, denies the theft.',
    },
    {
      id: 'arrest-c',
      body: 'Ansel Quint, the harbourmaster of Harlow Cove, is accused of taking 7 pilot boats from the marina. He was arrested on Friday and questioned at the Brindle Street station.',
    },
  ];
  it.each([
    { name: 'defaults', options: {} },
    { name: 'strongest weekday penalty', options: { weekdayPenalty: 1 } },
  ])('keeps one arrest reported on two days together ($name)', ({ options }) => {
    const clusterer = new StoryClusterer({ threshold: 2, nearDuplicate: 2, ...options });
    for (const input of [...fillers, ...arrest]) clusterer.add(input.id, articleFeatures(input));
    clusterer.refine();
    expect(clusterer.storyOf('arrest-b')).toBe(clusterer.storyOf('arrest-a'));
    expect(clusterer.storyOf('arrest-c')).toBe(clusterer.storyOf('arrest-a'));
  });

  it.each([{ weekdayPenalty: 1.2 }, { weekdayPenalty: -0.5 }])(
    'rejects weekdayPenalty $weekdayPenalty',
    (options) => {
      expect(() => new StoryClusterer(options)).toThrow(/weekdayPenalty must be in \[0, 1\]/);
    },
  );
});
