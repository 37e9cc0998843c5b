import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { ArticleInput } from '../../src/model/index.js';
import { type Newsroom, openNewsroom } from '../../src/service/newsroom.js';
import { openSqliteStore } from '../../src/store/index.js';

const example = fileURLToPath(new URL('../../examples/harbour-bridge', import.meta.url));

/** A clock that moves one minute per call, from a fixed start: reports stay reproducible. */
function steppingClock(start = Date.UTC(2025, 2, 12, 9)): () => Date {
  let now = start;
  return () => {
    now += 60_000;
    return new Date(now);
  };
}

/** A second, unrelated invented story of two articles. */
const ferryStory: ArticleInput[] = [
  {
    id: 'ferry-1',
    outlet: 'Valley Post',
    published: '2025-03-11',
    body:
      'The Saltmarsh ferry terminal flooded on Tuesday after a tidal surge overtopped the sea wall. ' +
      'Ferry services to Gull Island were suspended until the pumps clear the water.\n\n' +
      'The terminal manager said the surge was the highest since 2014.',
  },
  {
    id: 'ferry-2',
    outlet: 'Island Echo',
    published: '2025-03-11',
    body:
      'A tidal surge flooded the Saltmarsh ferry terminal on Tuesday, halting crossings to Gull Island. ' +
      'Pumps were brought in to clear the water from the terminal.\n\n' +
      'Islanders were told to expect no ferry services until Thursday.',
  },
];

const ferryFollowUp: ArticleInput = {
  id: 'ferry-3',
  outlet: 'Island Echo',
  published: '2025-03-12',
  body:
    'Ferry crossings to Gull Island resumed on Wednesday after pumps cleared the flooded Saltmarsh terminal. ' +
    'The tidal surge on Tuesday had overtopped the sea wall and halted services for a day.',
};

/** Four invented events, six differently worded reports of each: 24 articles, a batch import. */
function inventedEvents(): ArticleInput[] {
  const events = [
    ['a landslide', 'blocked the coast road near Tarnby', 'Road crews', 'cleared the rocks'],
    ['a warehouse fire', 'destroyed a grain store in Velmora', 'Firefighters', 'fought the flames'],
    ['a power cut', 'left the island of Osk without electricity', 'Engineers', 'repaired the cable'],
    ['a train derailment', 'halted services at Brennick junction', 'Rail inspectors', 'examined the track'],
  ] as const;
  const openings = [
    'On Monday',
    'Early on Monday',
    'Overnight',
    'On Monday morning',
    'Late on Sunday',
    'On Monday',
  ];
  return events.flatMap(([event, what, who, did], eventIndex) =>
    openings.map((opening, index) => ({
      id: `event-${eventIndex}-${index}`,
      outlet: `Outlet ${index + 1}`,
      published: '2025-03-11',
      body:
        `${opening}, ${event} ${what}, officials said. ${who} ${did} within hours of the alarm, ` +
        `report number ${index + 1} said. Residents near ${what.split(' ').at(-1)} were told to stay away.`,
    })),
  );
}

describe('the newsroom over a SQLite store', () => {
  it('places articles in stories, re-synthesizes them, and ignores re-ingests', async () => {
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), { now: steppingClock() });
    const read = await readArticles([example]);
    const first = await newsroom.ingest([...read.articles, ...ferryStory]);
    expect(first.added).toHaveLength(8);
    expect(first.storiesChanged).toHaveLength(2);
    const list = await newsroom.listStories({ limit: 10, offset: 0 });
    expect(list.items.map((item) => item.size).sort()).toEqual([2, 6]);

    const bridge = list.items.find((item) => item.size === 6)!;
    const view = await newsroom.story(bridge.id);
    expect(view?.report.summary[0]?.text).toMatch(/eastbound lanes/);
    expect(view?.record.title).toBe(view?.report.title);

    const again = await newsroom.ingest(read.articles);
    expect(again.added).toEqual([]);
    expect(again.duplicates).toHaveLength(6);
    expect((await newsroom.listStories({ limit: 10, offset: 0 })).total).toBe(2);

    const why = await newsroom.explain(bridge.id);
    expect(why).toHaveLength(6);
    expect(why.filter((item) => !item.created).every((item) => item.score > 0 && item.terms.length > 0)).toBe(
      true,
    );
    await newsroom.close();
  });

  it('keeps merge and split corrections across a reopen and later ingests', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crosscheck-newsroom-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const path = join(folder, 'store.db');
    const clock = steppingClock();
    let newsroom = await openNewsroom(await openSqliteStore(path), { now: clock });
    const read = await readArticles([example]);
    await newsroom.ingest([...read.articles, ...ferryStory.slice(0, 2)]);
    const [one, two] = (await newsroom.listStories({ limit: 10, offset: 0 })).items;
    const merged = await newsroom.merge(one!.id, two!.id);
    expect((await newsroom.listStories({ limit: 10, offset: 0 })).total).toBe(1);
    await newsroom.close();

    // The merge survives a reopen, a re-ingest of the same articles and a new article.
    newsroom = await openNewsroom(await openSqliteStore(path), { now: clock });
    await newsroom.ingest([...read.articles, ...ferryStory.slice(0, 2), ferryFollowUp]);
    const kept = (await newsroom.listStories({ limit: 10, offset: 0 })).items.find(
      (item) => item.id === merged,
    );
    expect(kept?.size).toBeGreaterThanOrEqual(8);

    const ferryIds = (await newsroom.listArticles({ storyId: merged, limit: 50, offset: 0 })).items
      .filter((article) => article.outlet === 'Valley Post' || article.outlet === 'Island Echo')
      .map((article) => article.id);
    const split = await newsroom.split(merged, ferryIds);
    await newsroom.close();

    // The split survives a reopen and a re-ingest too.
    newsroom = await openNewsroom(await openSqliteStore(path), { now: clock });
    await newsroom.ingest([...read.articles, ...ferryStory.slice(0, 2)]);
    expect((await newsroom.story(split))?.report.sources.length).toBe(ferryIds.length);
    expect((await newsroom.story(merged))?.report.sources).toHaveLength(6);
    await newsroom.close();
  });

  it('tells what a story gained since a time', async () => {
    const clock = steppingClock();
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), { now: clock });
    const read = await readArticles([example]);
    await newsroom.ingest(read.articles.slice(0, 2));
    const story = (await newsroom.listStories({ limit: 1, offset: 0 })).items[0]!;
    await newsroom.story(story.id);
    const since = clock().toISOString();
    await newsroom.ingest(read.articles.slice(2));
    const changes = await newsroom.storyChanges(story.id, since);
    expect(changes?.claims.length).toBeGreaterThan(0);
    const unchanged = await newsroom.storyChanges(story.id, clock().toISOString());
    expect(unchanged?.claims).toEqual([]);
    await newsroom.close();
  });

  it('re-clusters a batch import, and on request', async () => {
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), { now: steppingClock() });
    const batch = inventedEvents();
    const outcome = await newsroom.ingest(batch);
    expect(outcome.refined).toBeDefined();
    const stories = (await newsroom.listStories({ limit: 20, offset: 0 })).items;
    expect(stories.map((story) => story.size).sort()).toEqual([6, 6, 6, 6]);
    const again = await newsroom.refine();
    expect(again.moved).toBe(0);
    expect(again.storiesAfter).toBe(4);
    const small = await newsroom.ingest(ferryStory);
    expect(small.refined).toBeUndefined();
    await newsroom.close();
  });

  it('commits a large ingest in chunks and finishes one stopped midway on the next run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crosscheck-newsroom-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const path = join(folder, 'store.db');
    const clock = steppingClock();
    const batch = inventedEvents();
    const progress: Array<[number, number]> = [];
    const reference = await openNewsroom(await openSqliteStore(':memory:'), { now: clock, ingestChunk: 5 });
    await reference.ingest(batch, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([5, 10, 15, 20, 24].map((done) => [done, 24]));
    const grouping = async (newsroom: Newsroom): Promise<string[]> => {
      const items = (await newsroom.listStories({ limit: 20, offset: 0 })).items;
      const groups = await Promise.all(
        items.map(async (item) =>
          (await newsroom.listArticles({ storyId: item.id, limit: 50, offset: 0 })).items
            .map((article) => article.id)
            .sort()
            .join(),
        ),
      );
      return groups.sort();
    };
    const expected = await grouping(reference);
    await reference.close();

    // An exception at the checkpoint stands in for a process that dies there: the ingest stops midway.
    let reports = 0;
    const interrupted = await openNewsroom(await openSqliteStore(path), {
      now: clock,
      ingestChunk: 5,
      checkpoint: (point) => {
        if (point === 'report-stored' && ++reports === 2) throw new Error('stopped here');
      },
    });
    await expect(interrupted.ingest(batch)).rejects.toThrow('stopped here');
    await interrupted.close();
    const store = await openSqliteStore(path);
    expect(await store.getPendingIngest()).toBeDefined();
    expect(await store.listStaleStories(10)).not.toEqual([]);

    const recovering = await openNewsroom(store, { now: clock, ingestChunk: 5 });
    const recovered = await recovering.recover();
    expect(recovered?.refined).toBeDefined();
    expect(recovered?.added).toEqual([]);
    expect(await store.listStaleStories(10)).toEqual([]);
    expect(await store.getPendingIngest()).toBeUndefined();
    expect(await grouping(recovering)).toEqual(expected);
    expect(await recovering.recover()).toBeUndefined();
    await recovering.close();
  });

  it('refuses a chunk size that is not a positive whole number', async () => {
    const store = await openSqliteStore(':memory:');
    await expect(openNewsroom(store, { now: steppingClock(), ingestChunk: 0 })).rejects.toMatchObject({
      code: 'invalid-option',
    });
    await store.close();
  });

  it('refuses corrections of unknown stories with a typed error', async () => {
    const newsroom = await openNewsroom(await openSqliteStore(':memory:'), { now: steppingClock() });
    await expect(newsroom.merge('s-nope', 's-nada')).rejects.toMatchObject({ code: 'unknown-story' });
    await newsroom.close();
  });
});
