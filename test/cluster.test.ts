import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerClusterCommand } from '../src/cli/commands/cluster.js';
import { averageLink, type WeightedPair } from '../src/cluster/average-link.js';
import { clusterArticles } from '../src/cluster/cluster-articles.js';
import { articleFeatures, dayNumber } from '../src/cluster/features.js';
import { estimatedJaccard, minHashSignature } from '../src/cluster/minhash.js';
import { type ClusterOptions, StoryClusterer } from '../src/cluster/story-clusterer.js';
import type { ArticleInput } from '../src/model/index.js';

// Every article below is invented for these tests.
const quakeVeloria = (id: string, published: string, lead: string): ArticleInput => ({
  id,
  published,
  title: 'Earthquake of magnitude 6.8 strikes Veloria province',
  body: `${lead} The quake struck at dawn near the port city of Marrowick, toppling the old clock tower and cutting power to 40,000 homes. Governor Ilsa Varnhout said rescue teams from Marrowick were searching collapsed apartment blocks. The Veloria Seismic Institute recorded eleven aftershocks within the first hour.`,
});
const quakeDarnhelm = (id: string, published: string, lead: string): ArticleInput => ({
  id,
  published,
  title: 'Magnitude 5.2 earthquake shakes Darnhelm valley',
  body: `${lead} The tremor rattled the mountain town of Darnhelm in the evening, cracking the dam wall above Lake Oskel and closing the Kestrel Pass road. Mayor Tobin Achterberg told residents to stay away from the reservoir while engineers from the Hallmark Water Board inspected it. No deaths were reported.`,
});
const festival: ArticleInput = {
  id: 'festival',
  published: '2024-03-05',
  title: 'Lantern festival returns to Quillon harbour',
  body: 'Thousands of paper lanterns floated across Quillon harbour on Saturday as the annual festival returned after a two-year pause. Organiser Petra Lindqvist said bakers, puppeteers and a brass band from Sorrel Bay filled the quay until midnight, and the council promised to fund the event for another five years.',
};

const veloriaA = quakeVeloria(
  'veloria-a',
  '2024-03-04',
  'A strong earthquake of magnitude 6.8 hit Veloria province on Monday.',
);
const veloriaB = quakeVeloria(
  'veloria-b',
  '2024-03-04',
  'Veloria was shaken by a 6.8-magnitude earthquake early on Monday, officials said.',
);
const darnhelmA = quakeDarnhelm(
  'darnhelm-a',
  '2024-05-20',
  'An earthquake of magnitude 5.2 struck the Darnhelm valley on Friday.',
);
const darnhelmB = quakeDarnhelm(
  'darnhelm-b',
  '2024-05-21',
  'A 5.2-magnitude quake hit Darnhelm late on Friday, seismologists said.',
);
/** A reprint: the same wire copy with the headline and one closing sentence changed. */
const veloriaReprint: ArticleInput = {
  ...veloriaA,
  id: 'veloria-reprint',
  title: 'Veloria quake: clock tower falls',
  body: `${veloriaA.body} Schools in the province will stay closed until Thursday.`,
};

function clusterOf(result: ReturnType<typeof clusterArticles>, id: string): string | undefined {
  return result.stories.find((story) => story.articles.includes(id))?.id;
}

describe('articleFeatures', () => {
  it.each([
    { name: 'dated article', input: veloriaA, day: dayNumber('2024-03-04'), hasSignature: true },
    {
      name: 'undated short note',
      input: { id: 'n', body: 'Short note.' },
      day: undefined,
      hasSignature: false,
    },
    { name: 'empty body', input: { id: 'e', body: '' }, day: undefined, hasSignature: false },
  ])('$name', ({ input, day, hasSignature }) => {
    const features = articleFeatures(input);
    expect(features.day).toBe(day);
    expect(features.signature.length > 0).toBe(hasSignature);
    // Plain JSON, so a store can keep it.
    expect(JSON.parse(JSON.stringify(features))).toEqual(features);
  });

  it('weights title terms and finds entities and numbers', () => {
    const features = articleFeatures(veloriaA);
    const terms = new Map(features.terms);
    expect(terms.get('veloria')).toBeGreaterThan(terms.get('tower') ?? 0);
    expect(terms.has('6.8')).toBe(true);
    expect(features.entities.map(([key]) => key)).toEqual(expect.arrayContaining(['marrowick', 'varnhout']));
    expect(features.label).toBe(veloriaA.title);
  });

  it.each([
    // The lead (first sentences) names the event; the closing sentence is background.
    { leadBonus: 0, leadSentences: 1, boosted: false },
    { leadBonus: 1, leadSentences: 1, boosted: true },
    { leadBonus: 1, leadSentences: 0, boosted: false },
  ])('lead bonus $leadBonus over $leadSentences sentences', ({ leadBonus, leadSentences, boosted }) => {
    const input = {
      id: 'lead',
      body: 'Floodwater cut the Quennet road on Monday. Crews cleared debris for hours. Farmers recalled an older drought.',
    };
    const terms = new Map(articleFeatures(input, { leadBonus, leadSentences }).terms);
    // Both words appear once; only the lead one gains.
    expect(terms.get('floodwat')! > terms.get('drought')!).toBe(boosted);
  });

  it.each([
    ['2024-02-29', 19782],
    ['2024-02-29T23:00:00-07:00', 19782],
    ['2024-02', undefined],
    ['not a date', undefined],
    [undefined, undefined],
  ])('dayNumber(%s) = %s', (value, expected) => {
    expect(dayNumber(value)).toBe(expected);
  });
});

describe('MinHash', () => {
  it.each([
    { left: ['a b', 'b c', 'c d'], right: ['a b', 'b c', 'c d'], least: 1, most: 1 },
    { left: ['a b', 'b c', 'c d'], right: ['x y', 'y z', 'z w'], least: 0, most: 0.2 },
    { left: [], right: ['x y'], least: 0, most: 0 },
  ])('estimates Jaccard within bounds ($least–$most)', ({ left, right, least, most }) => {
    const similarity = estimatedJaccard(minHashSignature(left, 64), minHashSignature(right, 64));
    expect(similarity).toBeGreaterThanOrEqual(least);
    expect(similarity).toBeLessThanOrEqual(most);
  });
});

describe('clusterArticles', () => {
  const inputs = [veloriaA, darnhelmA, festival, veloriaB, darnhelmB, veloriaReprint];

  it('separates two earthquakes in different places and dates, and the unrelated story', () => {
    const result = clusterArticles(inputs);
    expect(result.stories).toHaveLength(3);
    expect(clusterOf(result, 'veloria-b')).toBe(clusterOf(result, 'veloria-a'));
    expect(clusterOf(result, 'darnhelm-b')).toBe(clusterOf(result, 'darnhelm-a'));
    expect(clusterOf(result, 'darnhelm-a')).not.toBe(clusterOf(result, 'veloria-a'));
    expect(clusterOf(result, 'festival')).not.toBe(clusterOf(result, 'veloria-a'));
  });

  it('puts a reprint with its original and says so', () => {
    const result = clusterArticles(inputs);
    const placement = result.placements.get('veloria-reprint')!;
    expect(placement.story).toBe(clusterOf(result, 'veloria-a'));
    expect(placement.why.nearDuplicateOf).toMatch(/^veloria-/);
    expect(placement.why.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('explains a placement by shared terms, entities and score', () => {
    const placement = clusterArticles(inputs).placements.get('darnhelm-b')!;
    expect(placement.created).toBe(false);
    expect(placement.score).toBeGreaterThanOrEqual(0.2);
    expect(placement.why.terms).toContain('darnhelm');
    expect(placement.why.entities.length).toBeGreaterThan(0);
  });

  it('does not depend on the order of the inputs', () => {
    const forward = clusterArticles(inputs);
    const backward = clusterArticles([...inputs].reverse());
    expect(backward.stories).toEqual(forward.stories);
  });

  it.each([
    { name: 'a month apart', second: '2024-04-04', together: false },
    { name: 'the next day', second: '2024-03-05', together: true },
    { name: 'one undated', second: undefined, together: true },
  ])('time window: the same event $name', ({ second, together }) => {
    const later: ArticleInput = {
      ...veloriaB,
      body: `${veloriaB.body} Officials repeated the figures on the day.`,
    };
    if (second === undefined) delete later.published;
    else later.published = second;
    // The near-copy path is turned off so only the score and its time factor decide.
    const result = clusterArticles([veloriaA, later], { nearDuplicate: 2 });
    expect(clusterOf(result, 'veloria-a') === clusterOf(result, 'veloria-b')).toBe(together);
  });
});

describe('averageLink', () => {
  // Two tight triangles (0-1-2, 3-4-5) bridged by one fair pair 2-3: single link would chain them.
  const triangles: WeightedPair[] = [
    [0, 1, 0.9],
    [0, 2, 0.8],
    [1, 2, 0.85],
    [3, 4, 0.9],
    [3, 5, 0.8],
    [4, 5, 0.85],
    [2, 3, 0.7],
  ];
  it.each([
    { name: 'keeps chained groups apart', threshold: 0.5, tags: undefined, expected: [0, 0, 0, 3, 3, 3] },
    {
      name: 'joins all below a low threshold',
      threshold: 0.05,
      tags: undefined,
      expected: [0, 0, 0, 0, 0, 0],
    },
    {
      name: 'joins nothing above every pair',
      threshold: 0.99,
      tags: undefined,
      expected: [0, 1, 2, 3, 4, 5],
    },
    {
      name: 'never joins the two sides of a cannot-link',
      threshold: 0.5,
      tags: [[0], [], [], [], [], [1]],
      expected: [0, 0, 0, 3, 3, 3],
    },
    {
      name: 'a cannot-link inside a triangle splits it',
      threshold: 0.5,
      tags: [[0], [1], [], [], [], []],
      expected: [0, 1, 1, 3, 3, 3],
    },
  ])('$name', ({ threshold, tags, expected }) => {
    const input = { sizes: [1, 1, 1, 1, 1, 1], pairs: triangles, threshold };
    expect(averageLink(tags === undefined ? input : { ...input, tags })).toEqual(expected);
  });

  it('weighs initial clusters by their size: a summed weight is a mean over member pairs', () => {
    // Cluster 0 has 4 members; 0.9 summed over 4 pairs is a mean of 0.225.
    expect(averageLink({ sizes: [4, 1], pairs: [[0, 1, 0.9]], threshold: 0.3 })).toEqual([0, 1]);
    expect(averageLink({ sizes: [4, 1], pairs: [[0, 1, 0.9]], threshold: 0.2 })).toEqual([0, 0]);
  });
});

describe('StoryClusterer.refine', () => {
  const ordered = [veloriaA, veloriaB, darnhelmA, darnhelmB, festival, veloriaReprint];
  const build = (): StoryClusterer => {
    const clusterer = new StoryClusterer();
    for (const input of ordered) clusterer.add(input.id, articleFeatures(input));
    return clusterer;
  };

  it('keeps good stories and their ids, and a second pass changes nothing', () => {
    const clusterer = build();
    const before = clusterer.stories();
    const first = clusterer.refine();
    expect(first.moved).toBe(0);
    expect(clusterer.stories()).toEqual(before);
    expect(clusterer.refine()).toMatchObject({ moved: 0, changed: [], removed: [] });
  });

  it('joins a story the online pass split, under the older id', () => {
    // A high online threshold leaves every article alone; refinement then finds the pairs.
    const clusterer = new StoryClusterer({ threshold: 0.99, nearDuplicate: 2 });
    for (const input of ordered) clusterer.add(input.id, articleFeatures(input));
    expect(clusterer.stories()).toHaveLength(ordered.length);
    const veloria = clusterer.storyOf('veloria-a');
    const result = clusterer.refine();
    expect(result.storiesAfter).toBe(3);
    expect(clusterer.storyOf('veloria-b')).toBe(veloria);
    expect(clusterer.storyOf('darnhelm-b')).toBe(clusterer.storyOf('darnhelm-a'));
    expect(clusterer.storyOf('festival')).not.toBe(veloria);
  });

  it.each([
    {
      name: 'a merge',
      correct: (c: StoryClusterer) => c.merge(c.storyOf('veloria-a')!, c.storyOf('festival')!),
    },
    { name: 'a split', correct: (c: StoryClusterer) => c.split(c.storyOf('veloria-a')!, ['veloria-b']) },
  ])('keeps $name through refinement', ({ name, correct }) => {
    const clusterer = build();
    correct(clusterer);
    clusterer.refine();
    const together =
      clusterer.storyOf('veloria-a') === clusterer.storyOf(name === 'a merge' ? 'festival' : 'veloria-b');
    expect(together).toBe(name === 'a merge');
  });
});

describe('clusterArticles refinement on tiny corpora', () => {
  const undated = [veloriaA, veloriaB, darnhelmA, darnhelmB].map(({ id, body }) => ({ id, body }));
  it.each([
    { name: 'skipped by default below 20 articles', refine: undefined, knownFailure: false },
    { name: 'forced on four undated articles', refine: true, knownFailure: false },
    // Known failure: without the number and weekday penalties and the shared-neighbour factor, local
    // scaling over four articles joins the two quakes, hence the default above.
    {
      name: 'forced, the newer signals off',
      refine: true,
      options: { numberPenalty: 0, weekdayPenalty: 0, sharedNeighbours: 0, refineThreshold: 0.4 },
      knownFailure: true,
    },
  ])('$name', ({ refine, knownFailure, ...rest }) => {
    const options = 'options' in rest ? rest.options : {};
    const result = clusterArticles(undated, refine === undefined ? options : { ...options, refine });
    const separated = clusterOf(result, 'veloria-a') !== clusterOf(result, 'darnhelm-a');
    expect(separated).toBe(!knownFailure);
  });
});

describe('StoryClusterer corrections, persistence and misuse', () => {
  const ordered = [veloriaA, veloriaB, darnhelmA, darnhelmB, festival];
  const build = (options: ClusterOptions = {}): StoryClusterer => {
    const clusterer = new StoryClusterer(options);
    for (const input of ordered) clusterer.add(input.id, articleFeatures(input));
    return clusterer;
  };

  it('merge keeps the older id and sticks when the articles are added again', () => {
    const clusterer = build();
    const veloria = clusterer.storyOf('veloria-a')!;
    const darnhelm = clusterer.storyOf('darnhelm-a')!;
    expect(clusterer.merge(darnhelm, veloria)).toBe(veloria);
    expect(clusterer.storyOf('darnhelm-b')).toBe(veloria);
    const rebuilt = new StoryClusterer({}, clusterer.constraints());
    for (const input of ordered) rebuilt.add(input.id, articleFeatures(input));
    expect(rebuilt.stories()).toEqual(clusterer.stories());
    expect(rebuilt.placementOf('darnhelm-a')?.why.correction).toBe('merge');
  });

  it('split moves articles out for good: re-adding them does not bring them back', () => {
    const clusterer = build();
    const veloria = clusterer.storyOf('veloria-a')!;
    const created = clusterer.split(veloria, ['veloria-b']);
    expect(created).not.toBe(veloria);
    expect(clusterer.add('veloria-b', articleFeatures(veloriaB)).story).toBe(created);
    const rebuilt = new StoryClusterer({}, clusterer.constraints());
    for (const input of ordered) rebuilt.add(input.id, articleFeatures(input));
    expect(rebuilt.storyOf('veloria-b')).not.toBe(rebuilt.storyOf('veloria-a'));
    expect(clusterer.corrections().map((correction) => correction.kind)).toEqual(['split']);
  });

  it('round-trips through JSON and continues identically', () => {
    const original = build();
    const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    expect(restored.stories()).toEqual(original.stories());
    const features = articleFeatures(veloriaReprint);
    expect(restored.add('veloria-reprint', features)).toEqual(original.add('veloria-reprint', features));
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(original.toJSON()));
  });

  it('is deterministic: the same calls give the same state', () => {
    expect(JSON.stringify(build().toJSON())).toBe(JSON.stringify(build().toJSON()));
  });

  it.each([
    {
      name: 'merge an unknown story',
      act: (c: StoryClusterer) => c.merge('s-missing', c.storyOf('festival')!),
    },
    {
      name: 'merge a story with itself',
      act: (c: StoryClusterer) => c.merge(c.storyOf('festival')!, c.storyOf('festival')!),
    },
    {
      name: 'split every article out',
      act: (c: StoryClusterer) => c.split(c.storyOf('festival')!, ['festival']),
    },
    {
      name: 'split an article of another story',
      act: (c: StoryClusterer) => c.split(c.storyOf('veloria-a')!, ['festival']),
    },
    { name: 'split nothing', act: (c: StoryClusterer) => c.split(c.storyOf('veloria-a')!, []) },
  ])('refuses to $name', ({ act }) => {
    expect(() => act(build())).toThrow(/story|article/);
  });

  it.each([
    { entityWeight: 2 },
    { threshold: Number.NaN },
    { bandRows: 0 },
    { decayDays: 0 },
    { numberPenalty: 1.5 },
    { yearPenalty: -0.1 },
    { sharedNeighbourShare: Number.NaN },
    { sharedNeighbours: 2.5 },
    { sharedNeighbours: -1 },
  ])('rejects invalid options %o', (options) => {
    expect(() => new StoryClusterer(options)).toThrow(/must/);
  });

  it('rejects a saved state that is not one', () => {
    expect(() => StoryClusterer.fromJSON({ version: 9 } as never)).toThrow(/version/);
  });

  it('gives an article with no text a story of its own', () => {
    const clusterer = build();
    const placement = clusterer.add('blank', articleFeatures({ id: 'blank', body: '' }));
    expect(placement.created).toBe(true);
    expect(placement.why.terms).toEqual([]);
  });
});

describe('crosscheck cluster', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'crosscheck-cluster-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  for (const input of [veloriaA, veloriaB, darnhelmA, darnhelmB]) {
    writeFileSync(path.join(folder, `${input.id}.txt`), `${input.body}\n`);
  }

  const run = async (args: string[]): Promise<{ stdout: string; code: number }> => {
    let stdout = '';
    let code = -1;
    const program = new Command().exitOverride();
    registerClusterCommand(
      program,
      { stdout: (text) => (stdout += text), stderr: () => {}, isTerminal: false },
      (value) => (code = value),
    );
    await program.parseAsync(args, { from: 'user' });
    return { stdout, code };
  };

  it.each([
    { format: 'json', why: false },
    { format: 'json', why: true },
  ])('prints the stories as JSON (why: $why)', async ({ why }) => {
    const { stdout, code } = await run(['cluster', folder, '--format', 'json', ...(why ? ['--why'] : [])]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { stories: Array<{ articles: string[]; why?: unknown[] }> };
    expect(output.stories).toHaveLength(2);
    expect(output.stories[0]!.articles.every((article) => article.startsWith(folder))).toBe(true);
    expect(output.stories[0]!.why !== undefined).toBe(why);
  });

  it('prints text with the reasons', async () => {
    const { stdout } = await run(['cluster', folder, '--format', 'text', '--why']);
    expect(stdout).toMatch(/founded the story/);
    expect(stdout).toMatch(/score \d\.\d{3}; terms: /);
  });

  it('fails on a path that does not exist', async () => {
    await expect(run(['cluster', path.join(folder, 'missing')])).rejects.toThrow(/does not exist/);
  });
});
