/**
 * The store contract: every adapter (SQLite now, PostgreSQL later) runs this same suite. Every text
 * here is invented for the tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim, Conflict, QuoteGroup, StoryReport, Update } from '../../src/model/index.js';
import {
  articleIdFor,
  type IngestBatch,
  type NewArticle,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type Store,
  StoreError,
  type StoryFilter,
} from '../../src/store/index.js';

/** Adapter hooks beyond making a fresh, empty store. */
export interface ContractOptions {
  /** Closes the store and opens the same one again; persistence tests are skipped without it. */
  reopen?: (store: Store) => Promise<Store>;
  /**
   * Writes a story's stored report JSON as given, past `putReport`, the way an older crosscheck left it;
   * the tests of reports stored by older versions are skipped without it.
   */
  writeStoredReport?: (store: Store, storyId: string, json: string) => Promise<void>;
}

/** Builds an article whose id is its content hash. */
export function makeArticle(body: string, fields: Omit<NewArticle, 'id' | 'body'> = {}): NewArticle {
  return { id: articleIdFor(body), body, ...fields };
}

/** A body whose word `zephyrtail` stands only past the first 300,000 characters, which search indexes. */
export const longSearchBody = (head: string): string =>
  `${head} ${'The harbour council met again. '.repeat(10_000)} The zephyrtail ferry sailed.`;

/** A batch at a fixed time with nothing in it but what is given. */
export function makeBatch(fields: Partial<IngestBatch> = {}): IngestBatch {
  return { at: '2025-03-12T08:00:00Z', articles: [], assignments: [], stories: [], ...fields };
}

function makeClaim(id: string, source: string, text: string): Claim {
  return {
    id,
    text,
    sources: [source],
    evidence: [{ source, start: 0, end: text.length, text }],
    kind: 'unique',
    score: 1,
  };
}

function makeQuote(source: string, speaker: string, text: string): QuoteGroup {
  return {
    speaker,
    text,
    sources: [source],
    variants: [
      {
        source,
        text,
        direct: true,
        form: 'direct',
        speaker,
        evidence: { source, start: 0, end: text.length, text },
      },
    ],
  };
}

function makeConflict(topic: string, values: string[]): Conflict {
  return { kind: 'number', topic, positions: values.map((value) => ({ value, sources: [], evidence: [] })) };
}

/** An update of `topic` through `values`, each a [value, asOf] pair in time order. */
function makeUpdate(topic: string, values: [string, string][]): Update {
  return {
    kind: 'number',
    topic,
    positions: values.map(([value, asOf]) => ({ value, sources: [], evidence: [], asOf })),
  };
}

/** A small report; claims are [id, source, text] triples. */
export function makeReport(
  claims: [string, string, string][],
  quotes: QuoteGroup[] = [],
  conflicts: Conflict[] = [],
  updates: Update[] = [],
): StoryReport {
  const built = claims.map(([id, source, text]) => makeClaim(id, source, text));
  return {
    title: 'Invented story',
    sources: [],
    summary: built.slice(0, 1).map((claim) => ({
      text: claim.text,
      sources: claim.sources,
      evidence: claim.evidence,
      claim: claim.id,
    })),
    claims: built,
    quotes,
    entities: [],
    timeline: [],
    conflicts,
    updates,
    diagnostics: [],
  };
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** Five stories with outlets and dates, used by the listing and search tests. */
const CATALOGUE = [
  {
    story: 'ferry',
    title: 'Ferry service suspended',
    articles: [
      [
        'The island ferry service was suspended after a hull inspection found cracks.',
        'Coastline Post',
        '2025-03-01',
      ],
      [
        'Inspectors found cracks in the hull of the island ferry on Saturday.',
        'Harbour Daily',
        '2025-03-02T09:30:00Z',
      ],
    ],
  },
  {
    story: 'orchard',
    title: 'Orchard frost',
    articles: [
      ['A late frost destroyed half of the valley apple orchard blossoms.', 'Valley Gazette', '2025-03-05'],
      [
        'Growers counted frost losses across the apple orchards of the valley.',
        'Coastline Post',
        '2025-03-06',
      ],
      ['The agriculture office promised frost relief for orchard growers.', 'Farm Wire', '2025-03-07'],
    ],
  },
  {
    story: 'library',
    title: 'Library reopens',
    articles: [
      ['The renovated municipal library reopened with a rooftop reading garden.', 'Town Crier', '2025-02-20'],
    ],
  },
  {
    story: 'marathon',
    title: 'Marathon route changed',
    articles: [
      [
        'Organisers moved the marathon route away from the flooded riverside path.',
        'Harbour Daily',
        '2025-03-09',
      ],
    ],
  },
  { story: 'empty', title: 'Story without articles', articles: [] },
] as const;

async function loadCatalogue(store: Store): Promise<void> {
  const articles = CATALOGUE.flatMap((entry) =>
    entry.articles.map(([body, outlet, published]) =>
      makeArticle(body, { outlet, published, title: entry.title }),
    ),
  );
  const assignments = CATALOGUE.flatMap((entry) =>
    entry.articles.map(([body]) => ({ articleId: articleIdFor(body), storyId: entry.story })),
  );
  const stories = CATALOGUE.map((entry) => ({ id: entry.story, title: entry.title }));
  await store.ingest(makeBatch({ articles, assignments, stories }));
}

/**
 * The {@link StoreError} an open fails with; a store that opens after all is closed and fails the test.
 * @param opening - the pending open of a store that must not open
 */
export async function openFailure(opening: Promise<Store>): Promise<StoreError> {
  const error = await opening.then(
    async (store: Store) => {
      await store.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/**
 * Registers the contract tests for one adapter.
 * @param name - the adapter's name in test titles
 * @param makeStore - makes a fresh, empty store for each test
 * @param options - adapter hooks (reopening a persistent store)
 */
export function runStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  options: ContractOptions = {},
): void {
  describe(`store contract: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async (): Promise<Store> => {
      const store = await makeStore();
      open.push(store);
      return store;
    };
    const reopen = async (store: Store): Promise<Store> => {
      const again = await options.reopen!(store);
      open.push(again);
      return again;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    describe('ingest', () => {
      it('stores every field of an article and gives back the same values', async () => {
        const store = await fresh();
        const full = makeArticle('A tram derailed near the central depot without injuries.', {
          url: 'https://tram.example/derail',
          outlet: 'Metro Ledger',
          title: 'Tram derails at depot',
          published: '2025-03-11',
          path: 'pages/tram.html',
          features: { terms: { tram: 2.5, depot: 1.25 }, entities: ['Central Depot'], nothing: null },
        });
        const bare = makeArticle('A second invented body with no metadata at all.');
        const result = await store.ingest(
          makeBatch({ articles: [full, bare], at: '2025-03-12T10:00:00+02:00' }),
        );
        expect(result).toEqual({ added: [full.id, bare.id], duplicates: [] });
        expect(await store.getArticle(full.id)).toEqual({ ...full, ingestedAt: '2025-03-12T08:00:00.000Z' });
        expect(await store.getArticle(bare.id)).toEqual({ ...bare, ingestedAt: '2025-03-12T08:00:00.000Z' });
        expect(await store.getArticle('0'.repeat(32))).toBeUndefined();
        expect((await store.getArticles([bare.id, 'missing', full.id])).map((article) => article.id)).toEqual(
          [bare.id, full.id],
        );
      });

      it('re-ingesting is idempotent: the same bodies, even re-spaced, are duplicates', async () => {
        const store = await fresh();
        const body = 'The council voted to extend the cycle lane along the canal.';
        const batch = makeBatch({ articles: [makeArticle(body, { outlet: 'First' })] });
        expect((await store.ingest(batch)).added).toHaveLength(1);
        const again = await store.ingest(
          makeBatch({
            at: '2025-03-13T00:00:00Z',
            articles: [
              makeArticle(body, { outlet: 'Second' }),
              makeArticle(`  ${body.replaceAll(' ', '\r\n ')}  `),
              makeArticle('A new body about the canal towpath.'),
              makeArticle('A new body about the canal towpath.'),
            ],
          }),
        );
        expect(again.added).toEqual([articleIdFor('A new body about the canal towpath.')]);
        expect(again.duplicates).toEqual([
          articleIdFor(body),
          articleIdFor(body),
          articleIdFor('A new body about the canal towpath.'),
        ]);
        const stored = await store.getArticle(articleIdFor(body));
        expect(stored?.outlet).toBe('First');
        expect(stored?.ingestedAt).toBe('2025-03-12T08:00:00.000Z');
        expect(await store.counts()).toEqual({ articles: 2, stories: 0 });
      });

      it.each([
        {
          case: 'an id that is not the content hash',
          batch: makeBatch({ articles: [{ id: 'chosen-by-caller', body: 'Some invented body.' }] }),
        },
        { case: 'a time that is not ISO 8601', batch: makeBatch({ at: 'yesterday' }) },
        {
          case: 'a correction with a bad time',
          batch: makeBatch({ corrections: [{ kind: 'merge', at: 'soon', storyIds: ['a'], articleIds: [] }] }),
        },
      ])('rejects $case with store-invalid-input and stores nothing', async ({ batch }) => {
        const store = await fresh();
        await expectStoreError(
          store.ingest({ ...batch, articles: [makeArticle('Valid invented body.'), ...batch.articles] }),
          'store-invalid-input',
        );
        expect(await store.counts()).toEqual({ articles: 0, stories: 0 });
      });

      const partial = (extra: Partial<IngestBatch>): IngestBatch =>
        makeBatch({
          at: '2025-03-14T00:00:00Z',
          articles: Array.from({ length: 40 }, (_, index) =>
            makeArticle(`Partial batch article ${index} about a power cut in the old town.`),
          ),
          stories: [{ id: 'power', title: 'Power cut' }],
          clustererState: '{"generation":2}',
          corrections: [{ kind: 'split', at: '2025-03-14', storyIds: ['kept', 'power'], articleIds: [] }],
          ...extra,
        });
      it.each([
        {
          case: 'an assignment to an unknown story',
          batch: partial({ assignments: [{ articleId: articleIdFor('Kept article.'), storyId: 'nowhere' }] }),
        },
        {
          case: 'an assignment of an unknown article',
          batch: partial({ assignments: [{ articleId: 'f'.repeat(32), storyId: 'power' }] }),
        },
        {
          case: 'features that fail to serialise after 25 rows',
          batch: partial({
            articles: Array.from({ length: 40 }, (_, index) =>
              makeArticle(`Partial batch article ${index} about a power cut in the old town.`, {
                features:
                  index === 25
                    ? {
                        toJSON(): never {
                          throw new Error('features exploded');
                        },
                      }
                    : { index },
              }),
            ),
          }),
        },
      ])('a batch failing midway ($case) leaves nothing behind', async ({ batch }) => {
        const store = await fresh();
        const kept = makeArticle('Kept article.');
        await store.ingest(
          makeBatch({
            articles: [kept],
            stories: [{ id: 'kept', title: 'Kept story' }],
            assignments: [{ articleId: kept.id, storyId: 'kept' }],
            clustererState: '{"generation":1}',
          }),
        );
        const before = await store.getStory('kept');
        const error = await store.ingest(batch).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(StoreError);
        expect(await store.counts()).toEqual({ articles: 1, stories: 1 });
        expect(await store.getStory('kept')).toEqual(before);
        expect(await store.getStory('power')).toBeUndefined();
        expect(await store.getClustererState()).toBe('{"generation":1}');
        expect(await store.listCorrections()).toEqual([]);
        expect((await store.search('power cut', { limit: 10, offset: 0 })).hits).toEqual([]);
      });

      it('moves articles between stories, marks both stale and unassigns the articles of removed stories', async () => {
        const store = await fresh();
        const [first, second, third] = [
          'One invented body.',
          'Two invented body.',
          'Three invented body.',
        ].map((body) => makeArticle(body)) as [NewArticle, NewArticle, NewArticle];
        await store.ingest(
          makeBatch({
            articles: [first, second, third],
            stories: [
              { id: 'a', title: 'Story A' },
              { id: 'b', title: 'Story B' },
            ],
            assignments: [
              { articleId: first.id, storyId: 'a' },
              { articleId: second.id, storyId: 'a' },
              { articleId: third.id, storyId: 'b' },
            ],
          }),
        );
        await store.putReport('a', makeReport([]), '2025-03-12T09:00:00Z');
        await store.putReport('b', makeReport([]), '2025-03-12T09:00:00Z');
        expect((await store.getStory('a'))?.stale).toBe(false);
        await store.ingest(
          makeBatch({
            at: '2025-03-12T10:00:00Z',
            assignments: [{ articleId: second.id, storyId: 'b' }],
            stories: [{ id: 'a', title: 'Story A renamed' }],
          }),
        );
        const storyA = await store.getStory('a');
        expect(storyA).toMatchObject({
          title: 'Story A renamed',
          articleIds: [first.id],
          stale: true,
          createdAt: '2025-03-12T08:00:00.000Z',
          updatedAt: '2025-03-12T10:00:00.000Z',
        });
        expect((await store.getStory('b'))?.articleIds.sort()).toEqual([second.id, third.id].sort());
        expect((await store.listStaleStories(10)).sort()).toEqual(['a', 'b']);
        await store.ingest(makeBatch({ removedStories: ['b'] }));
        expect(await store.getStory('b')).toBeUndefined();
        expect((await store.getArticle(third.id))?.storyId).toBeUndefined();
        expect(await store.listStaleStories(10)).toEqual(['a']);
      });
    });

    describe('listing', () => {
      it('keeps the latest publication of each story as articles move between stories', async () => {
        const store = await fresh();
        const early = makeArticle('The quay repairs began with a survey of the old stones.', {
          published: '2025-03-01',
        });
        const late = makeArticle('The quay reopened to fishing boats after the repairs.', {
          published: '2025-03-09',
        });
        await store.ingest(
          makeBatch({
            articles: [early, late],
            stories: [
              { id: 'quay', title: 'Quay repairs' },
              { id: 'boats', title: 'Fishing boats' },
            ],
            assignments: [
              { articleId: early.id, storyId: 'quay' },
              { articleId: late.id, storyId: 'quay' },
            ],
          }),
        );
        const latest = async () =>
          (await store.listStories({ limit: 10, offset: 0 })).items.map((item) => [
            item.id,
            item.lastPublished,
          ]);
        expect(await latest()).toEqual([
          ['quay', '2025-03-09'],
          ['boats', null],
        ]);
        await store.ingest(makeBatch({ assignments: [{ articleId: late.id, storyId: 'boats' }] }));
        expect(await latest()).toEqual([
          ['boats', '2025-03-09'],
          ['quay', '2025-03-01'],
        ]);
      });

      const all = ['marathon', 'orchard', 'ferry', 'library', 'empty'];
      it.each<{ case: string; filter: Omit<StoryFilter, 'limit' | 'offset'>; ids: string[] }>([
        { case: 'no filter, latest first, undated last', filter: {}, ids: all },
        { case: 'outlet, any case', filter: { outlet: 'coastline post' }, ids: ['orchard', 'ferry'] },
        { case: 'unknown outlet', filter: { outlet: 'Nobody Times' }, ids: [] },
        { case: 'from a day', filter: { from: '2025-03-06' }, ids: ['marathon', 'orchard'] },
        { case: 'to a day includes its times', filter: { to: '2025-03-02' }, ids: ['ferry', 'library'] },
        { case: 'a range', filter: { from: '2025-03-02', to: '2025-03-05' }, ids: ['orchard', 'ferry'] },
        { case: 'a month', filter: { from: '2025-02', to: '2025-02' }, ids: ['library'] },
        { case: 'full-text query', filter: { query: 'frost' }, ids: ['orchard'] },
        { case: 'query and outlet', filter: { query: 'hull', outlet: 'Harbour Daily' }, ids: ['ferry'] },
        { case: 'query matching nothing', filter: { query: 'volcano' }, ids: [] },
        { case: 'hostile query', filter: { query: '"(' }, ids: [] },
        { case: 'blank query is no filter', filter: { query: '  ' }, ids: all },
      ])('listStories: $case', async ({ filter, ids }) => {
        const store = await fresh();
        await loadCatalogue(store);
        const page = await store.listStories({ ...filter, limit: 50, offset: 0 });
        expect(page.items.map((item) => item.id)).toEqual(ids);
        expect(page.total).toBe(ids.length);
      });

      it('gives size, sorted outlets, date range, headline and conflicts', async () => {
        const store = await fresh();
        await loadCatalogue(store);
        await store.putReport(
          'orchard',
          makeReport(
            [['c1', 'x', 'Frost destroyed half of the blossoms.']],
            [],
            [makeConflict('share destroyed', ['half', 'a third'])],
          ),
          '2025-03-08',
        );
        const page = await store.listStories({ outlet: 'Farm Wire', limit: 5, offset: 0 });
        expect(page.items).toEqual([
          {
            id: 'orchard',
            title: 'Orchard frost',
            size: 3,
            outlets: ['Coastline Post', 'Farm Wire', 'Valley Gazette'],
            firstPublished: '2025-03-05',
            lastPublished: '2025-03-07',
            headline: 'Frost destroyed half of the blossoms.',
            conflicts: 1,
          },
        ]);
        const empty = await store.listStories({ query: 'without', limit: 5, offset: 0 });
        expect(empty.items).toEqual([]);
        const bare = (await store.listStories({ limit: 5, offset: 0 })).items.at(-1);
        expect(bare).toEqual({
          id: 'empty',
          title: 'Story without articles',
          size: 0,
          outlets: [],
          firstPublished: null,
          lastPublished: null,
          headline: null,
          conflicts: 0,
        });
      });

      it('pages stories and articles without gaps or repeats', async () => {
        const store = await fresh();
        await loadCatalogue(store);
        const whole = (await store.listStories({ limit: 50, offset: 0 })).items.map((item) => item.id);
        const paged: string[] = [];
        for (let offset = 0; offset < 6; offset += 2) {
          const page = await store.listStories({ limit: 2, offset });
          expect(page.total).toBe(5);
          paged.push(...page.items.map((item) => item.id));
        }
        expect(paged).toEqual(whole);
        const articles = await store.listArticles({ storyId: 'orchard', limit: 2, offset: 1 });
        expect(articles.total).toBe(3);
        expect(articles.items.map((article) => article.published)).toEqual(['2025-03-06', '2025-03-07']);
        expect(articles.items[0]).not.toHaveProperty('body');
        expect(articles.items[0]).not.toHaveProperty('features');
        expect((await store.listArticles({ limit: 100, offset: 0 })).total).toBe(7);
        expect((await store.listArticles({ storyId: 'nowhere', limit: 10, offset: 0 })).total).toBe(0);
      });

      it.each([
        { limit: -1, offset: 0 },
        { limit: 1.5, offset: 0 },
        { limit: 10, offset: -3 },
        { limit: 1_000_000, offset: 0 },
      ])('rejects paging %o', async (paging) => {
        const store = await fresh();
        await expectStoreError(store.listStories(paging), 'store-invalid-input');
        await expectStoreError(store.listArticles(paging), 'store-invalid-input');
        await expectStoreError(store.search('ferry', paging), 'store-invalid-input');
      });

      describe('keyset paging', () => {
        /** Walks a listing by its cursors, `limit` at a time, calling `between` after each page. */
        async function walk<Item>(
          page: (cursor: string | undefined) => Promise<{ items: Item[]; next: string | null }>,
          between: (pages: number) => Promise<void> = async () => undefined,
        ): Promise<Item[]> {
          const seen: Item[] = [];
          let cursor: string | undefined;
          for (let pages = 1; pages < 1000; pages++) {
            const result = await page(cursor);
            seen.push(...result.items);
            if (result.next === null) return seen;
            cursor = result.next;
            await between(pages);
          }
          throw new Error('the listing never ended');
        }

        /**
         * `count` stories over a few days, ingested `batch` at a time so several share their latest
         * publication and their change time (ties the id must break), every fifth undated.
         */
        async function loadStories(
          store: Store,
          count: number,
          prefix: string,
          batch = 4,
        ): Promise<string[]> {
          const ids: string[] = [];
          for (let first = 0; first < count; first += batch) {
            const numbers = Array.from(
              { length: Math.min(batch, count - first) },
              (_, offset) => first + offset,
            );
            const articles = numbers.map((number) =>
              makeArticle(
                `Story ${prefix}${number}: the ${prefix} quay council met about tide gauge ${number}.`,
                {
                  outlet: number % 2 === 0 ? 'Harbour Daily' : 'Farm Wire',
                  ...(number % 5 === 4
                    ? {}
                    : { published: `2025-03-${String(1 + (number % 3)).padStart(2, '0')}` }),
                },
              ),
            );
            const stories = numbers.map((number) => ({
              id: `${prefix}-${number}`,
              title: `Story ${number}`,
            }));
            await store.ingest(
              makeBatch({
                at: `2025-03-12T08:${String(Math.floor(first / batch) % 60).padStart(2, '0')}:00Z`,
                articles,
                stories,
                assignments: articles.map((article, position) => ({
                  articleId: article.id,
                  storyId: stories[position]!.id,
                })),
              }),
            );
            ids.push(...stories.map((story) => story.id));
          }
          return ids;
        }

        it('pages of stories by cursor give every story once, in the order of one whole page', async () => {
          const store = await fresh();
          const ids = await loadStories(store, 23, 'k');
          const whole = await store.listStories({ limit: 100 });
          expect(whole.next).toBeNull();
          expect(new Set(whole.items.map((item) => item.id))).toEqual(new Set(ids));
          const paged = await walk(async (cursor) => {
            const page = await store.listStories({ limit: 4, ...(cursor === undefined ? {} : { cursor }) });
            expect(page.total).toBe(23);
            expect(page.items.length).toBeLessThanOrEqual(4);
            return page;
          });
          expect(paged.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
          // Undated stories come last, and ties of date and time are broken by id.
          const undated = whole.items.findIndex((item) => item.lastPublished === null);
          expect(whole.items.slice(undated).every((item) => item.lastPublished === null)).toBe(true);
        });

        it('a page that ends the list exactly has no next cursor', async () => {
          const store = await fresh();
          await loadStories(store, 8, 'e');
          const first = await store.listStories({ limit: 4 });
          expect(first.next).not.toBeNull();
          const second = await store.listStories({ limit: 4, cursor: first.next! });
          expect(second.items).toHaveLength(4);
          expect(second.next).toBeNull();
        });

        it('stories added between pages neither repeat nor hide the stories not yet read', async () => {
          const store = await fresh();
          const before = await loadStories(store, 20, 'b');
          let added = 0;
          const paged = await walk(
            (cursor) => store.listStories({ limit: 3, ...(cursor === undefined ? {} : { cursor }) }),
            async () => {
              // New stories both before and after the position reached (newer, same days, undated).
              added += 1;
              await loadStories(store, 3, `n${added}-`, 3);
            },
          );
          const ids = paged.map((item) => item.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of before) expect(ids.filter((seen) => seen === id)).toHaveLength(1);
        });

        it('filtered lists page by cursor like whole ones', async () => {
          const store = await fresh();
          await loadStories(store, 15, 'f');
          const filter = { outlet: 'harbour daily', query: 'quay' };
          const whole = await store.listStories({ ...filter, limit: 100 });
          expect(whole.total).toBe(8);
          const paged = await walk((cursor) =>
            store.listStories({ ...filter, limit: 3, ...(cursor === undefined ? {} : { cursor }) }),
          );
          expect(paged).toEqual(whole.items);
        });

        it('the list shows size, dates and outlets kept as articles move and stories merge', async () => {
          const store = await fresh();
          const one = makeArticle('The quay council met on Monday about the tide gauge.', {
            outlet: 'Harbour Daily',
            published: '2025-03-02',
          });
          const two = makeArticle('On Tuesday the quay council voted on the tide gauge.', {
            outlet: 'Farm Wire',
            published: '2025-03-04',
          });
          await store.ingest(
            makeBatch({
              articles: [one, two],
              stories: [
                { id: 'a', title: 'A' },
                { id: 'b', title: 'B' },
              ],
              assignments: [
                { articleId: one.id, storyId: 'a' },
                { articleId: two.id, storyId: 'b' },
              ],
            }),
          );
          await store.ingest(
            makeBatch({ assignments: [{ articleId: two.id, storyId: 'a' }], removedStories: ['b'] }),
          );
          const { items } = await store.listStories({ limit: 10 });
          expect(items).toEqual([
            expect.objectContaining({
              id: 'a',
              size: 2,
              outlets: ['Farm Wire', 'Harbour Daily'],
              firstPublished: '2025-03-02',
              lastPublished: '2025-03-04',
            }),
          ]);
        });

        it('pages of articles by cursor give every article once', async () => {
          const store = await fresh();
          await loadCatalogue(store);
          await loadStories(store, 9, 'a');
          const whole = await store.listArticles({ limit: 100 });
          const paged = await walk((cursor) =>
            store.listArticles({ limit: 2, ...(cursor === undefined ? {} : { cursor }) }),
          );
          expect(paged).toEqual(whole.items);
          expect(whole.items.at(-1)?.published).toBeUndefined();
        });

        it('pages of search hits by cursor continue the ranking', async () => {
          const store = await fresh();
          await loadStories(store, 12, 's');
          const whole = await store.search('quay', { limit: 100 });
          expect(whole.hits).toHaveLength(12);
          const paged = await walk(async (cursor) => {
            const page = await store.search('quay', {
              limit: 5,
              ...(cursor === undefined ? {} : { cursor }),
            });
            return { items: page.hits, next: page.next };
          });
          expect(paged).toEqual(whole.hits);
          expect(paged.map((hit) => hit.rank)).toEqual(whole.hits.map((_, position) => position + 1));
        });

        const foreign = Buffer.from(JSON.stringify(['search', 1, 'article', 3, 4])).toString('base64url');
        const misshapen = Buffer.from(JSON.stringify(['stories', 1, 2])).toString('base64url');
        it.each([
          { case: 'not base64url', cursor: 'not a cursor!', problem: /base64url/ },
          { case: 'not a position', cursor: 'AAAA', problem: /does not decode/ },
          { case: 'another listing', cursor: foreign, problem: /search listing/ },
          { case: 'the wrong shape', cursor: misshapen, problem: /shape/ },
        ])('refuses a cursor that is $case, naming the problem', async ({ cursor, problem }) => {
          const store = await fresh();
          await loadCatalogue(store);
          const error = await store.listStories({ limit: 5, cursor }).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(StoreError);
          expect((error as StoreError).code).toBe('store-invalid-cursor');
          expect((error as StoreError).message).toMatch(problem);
          expect((error as StoreError).message).toContain('cursor');
        });

        it('refuses a stories cursor for articles or search, and a cursor with an offset', async () => {
          const store = await fresh();
          await loadStories(store, 6, 'c');
          const { next } = await store.listStories({ limit: 2 });
          await expectStoreError(store.listArticles({ limit: 2, cursor: next! }), 'store-invalid-cursor');
          await expectStoreError(store.search('quay', { limit: 2, cursor: next! }), 'store-invalid-cursor');
          await expectStoreError(
            store.listStories({ limit: 2, offset: 2, cursor: next! }),
            'store-invalid-input',
          );
        });
      });

      it('rejects a date filter that is not a date', async () => {
        const store = await fresh();
        await expectStoreError(
          store.listStories({ from: 'last week', limit: 5, offset: 0 }),
          'store-invalid-input',
        );
      });
    });

    describe('search', () => {
      it.each([
        { query: 'ferry', kinds: ['article', 'article'] },
        { query: 'FERRY hull', kinds: ['article', 'article'] },
        { query: '"island ferry"', kinds: ['article', 'article'] },
        { query: 'orchard*', kinds: ['article', 'article', 'article'] },
        { query: 'orch*', kinds: ['article', 'article', 'article'] },
        { query: 'blossom', kinds: ['article', 'claim'] },
        { query: 'volcano', kinds: [] },
      ])('finds "$query"', async ({ query, kinds }) => {
        const store = await fresh();
        await loadCatalogue(store);
        await store.putReport(
          'orchard',
          makeReport([['c7', 'x', 'Frost destroyed the blossoms of the valley.']]),
          '2025-03-08',
        );
        const hits = (await store.search(query, { limit: 20, offset: 0 })).hits;
        expect(hits.map((hit) => hit.kind).sort()).toEqual(kinds);
        expect(hits.map((hit) => hit.rank)).toEqual(kinds.map((_, position) => position + 1));
        for (const hit of hits) {
          expect(hit.snippet).toContain(SNIPPET_OPEN);
          expect(hit.snippet).toContain(SNIPPET_CLOSE);
          if (hit.kind === 'claim') expect(hit).toMatchObject({ storyId: 'orchard', claimId: 'c7' });
          else expect(hit.articleId).toMatch(/^[0-9a-f]{32}$/);
        }
      });

      it('takes each snippet from its own hit', async () => {
        const store = await fresh();
        const bodies = [
          'The tram depot on Quay Street reopened this weekend after a long refit.',
          'Divers repaired the ferry pier pilings over the weekend at low tide.',
          'Roofers sealed the library skylight during a dry weekend in March.',
          'The weekend market moved to the old bus station for the winter.',
        ];
        await store.ingest(makeBatch({ articles: bodies.map((body) => makeArticle(body)) }));
        const hits = (await store.search('weekend', { limit: 20, offset: 0 })).hits;
        expect(hits).toHaveLength(bodies.length);
        for (const hit of hits) {
          const own = (await store.getArticle(hit.articleId!))!.body;
          const words = hit.snippet
            .replaceAll(SNIPPET_OPEN, '')
            .replaceAll(SNIPPET_CLOSE, '')
            .match(/\p{L}+/gu)!;
          // Every word of the snippet is the hit's own, and some word is no other article's.
          for (const word of words) expect(own).toContain(word);
          expect(words.some((word) => bodies.filter((body) => body.includes(word)).length === 1)).toBe(true);
        }
      });

      it('searches the first 300,000 characters of a body, the part synthesize analyses', async () => {
        const store = await fresh();
        const article = makeArticle(longSearchBody('Quayhead opened the sitting.'));
        expect(article.body.length).toBeGreaterThan(300_000);
        await store.ingest(makeBatch({ articles: [article] }));
        expect((await store.search('quayhead', { limit: 5 })).hits).toHaveLength(1);
        expect((await store.search('zephyrtail', { limit: 5 })).hits).toEqual([]);
        expect((await store.getArticle(article.id))?.body).toBe(article.body);
      });

      it('ranks continue across pages', async () => {
        const store = await fresh();
        await loadCatalogue(store);
        const whole = (await store.search('orchard', { limit: 10, offset: 0 })).hits;
        const second = (await store.search('orchard', { limit: 2, offset: 1 })).hits;
        expect(second).toEqual(whole.slice(1, 3));
      });

      it.each([
        '"',
        'AND OR (',
        '*',
        'NEAR(ferry hull, 2)',
        'ferry AND',
        'ferry -hull',
        'title:ferry',
        '^ferry',
        "'; DROP TABLE articles; --",
        '"unbalanced ferry',
        '\u0000ferry',
        '',
        'x'.repeat(5000),
        Array.from({ length: 200 }, () => 'ferry').join(' '),
      ])('does not throw on the hostile query %j', async (query) => {
        const store = await fresh();
        await loadCatalogue(store);
        const hits = (await store.search(query, { limit: 5, offset: 0 })).hits;
        expect(Array.isArray(hits)).toBe(true);
        expect(await store.counts()).toEqual({ articles: 7, stories: 5 });
      });

      it('claims leave the index when a new report replaces them or the story is removed', async () => {
        const store = await fresh();
        await loadCatalogue(store);
        await store.putReport(
          'library',
          makeReport([['c1', 'x', 'The rooftop garden opened to readers.']]),
          '2025-03-01',
        );
        const claimHits = async (): Promise<number> =>
          (await store.search('rooftop', { limit: 10, offset: 0 })).hits.filter((hit) => hit.kind === 'claim')
            .length;
        expect(await claimHits()).toBe(1);
        await store.putReport('library', makeReport([['c1', 'x', 'The library reopened.']]), '2025-03-02');
        expect(await claimHits()).toBe(0);
        await store.putReport(
          'library',
          makeReport([['c1', 'x', 'The rooftop garden opened.']]),
          '2025-03-03',
        );
        await store.ingest(makeBatch({ removedStories: ['library'] }));
        expect(await claimHits()).toBe(0);
      });
    });

    describe('reports and history', () => {
      const quote = makeQuote('s2', 'Mayor Alder', 'We will reopen the bridge by Friday.');
      const conflict = makeConflict('lanes closed', ['two', 'three']);
      const update = makeUpdate('people hurt', [
        ['2', '2025-03-10'],
        ['4', '2025-03-11T07:30'],
      ]);
      const first = makeReport([
        ['c1', 's1', 'The bridge closed its eastbound lanes.'],
        ['c2', 's1', 'Engineers found a crack in a support beam.'],
      ]);
      const second = makeReport(
        [
          // Renumbered, reworded representative, and the passage from s1 is kept: the same claim.
          ['c9', 's1', 'Engineers found a crack in a support beam.'],
          ['c1', 's1', 'The bridge closed its eastbound lanes.'],
          ['c2', 's2', 'Ferries will run extra crossings during the closure.'],
        ],
        [quote],
        [conflict],
        [update],
      );

      async function storeWithHistory(): Promise<Store> {
        const store = await fresh();
        await store.ingest(makeBatch({ stories: [{ id: 'bridge', title: 'Bridge closure' }] }));
        expect(await store.putReport('bridge', first, '2025-03-10T08:00:00Z')).toBe(1);
        expect(await store.putReport('bridge', second, '2025-03-11T08:00:00Z')).toBe(2);
        return store;
      }

      it.each([
        { since: '2025-03-09', claims: ['c9', 'c1', 'c2'], quotes: 1, conflicts: 1, updates: 1 },
        { since: '2025-03-10T08:00:00Z', claims: ['c2'], quotes: 1, conflicts: 1, updates: 1 },
        { since: '2025-03-10T12:00:00+02:00', claims: ['c2'], quotes: 1, conflicts: 1, updates: 1 },
        { since: '2025-03-11', claims: ['c2'], quotes: 1, conflicts: 1, updates: 1 },
        { since: '2025-03-11T08:00:00Z', claims: [], quotes: 0, conflicts: 0, updates: 0 },
        { since: '2025-04-01', claims: [], quotes: 0, conflicts: 0, updates: 0 },
      ])('changes since $since', async ({ since, claims, quotes, conflicts, updates }) => {
        const store = await storeWithHistory();
        const changes = await store.storyChangesSince('bridge', since);
        expect(changes?.claims.map((claim) => claim.id)).toEqual(claims);
        expect(changes?.quotes).toHaveLength(quotes);
        expect(changes?.conflicts).toHaveLength(conflicts);
        expect(changes?.updates).toEqual(updates === 0 ? [] : [update]);
        expect(changes?.reportAt).toBe('2025-03-11T08:00:00.000Z');
      });

      it('a new conflict position counts as new, an old sighting is kept when a report is re-put', async () => {
        const store = await storeWithHistory();
        const third = makeReport(
          [['c1', 's1', 'The bridge closed its eastbound lanes.']],
          [quote],
          [makeConflict('lanes closed', ['two', 'three', 'four'])],
        );
        await store.putReport('bridge', third, '2025-03-12T08:00:00Z');
        const changes = await store.storyChangesSince('bridge', '2025-03-11T12:00:00Z');
        expect(changes).toMatchObject({ claims: [], quotes: [] });
        expect(changes?.conflicts).toHaveLength(1);
        const story = await store.getStory('bridge');
        expect(story).toMatchObject({ reportVersion: 3, reportAt: '2025-03-12T08:00:00.000Z', stale: false });
        expect(story?.report).toEqual(third);
      });

      it.each([
        {
          case: 'a new latest value counts as new',
          values: [
            ['2', '2025-03-10'],
            ['4', '2025-03-11T07:30'],
            ['5', '2025-03-12T06:00'],
          ],
          fresh: true,
        },
        {
          case: 'the same values in another order count as new',
          values: [
            ['4', '2025-03-10'],
            ['2', '2025-03-11T07:30'],
          ],
          fresh: true,
        },
        {
          case: 'an as-of time read more exactly is not new',
          values: [
            ['2', '2025-03-10T18:00'],
            ['4', '2025-03-11T07:30'],
          ],
          fresh: false,
        },
        {
          case: 'the same update re-put is not new',
          values: [
            ['2', '2025-03-10'],
            ['4', '2025-03-11T07:30'],
          ],
          fresh: false,
        },
      ] as { case: string; values: [string, string][]; fresh: boolean }[])(
        'update: $case',
        async ({ values, fresh }) => {
          const store = await storeWithHistory();
          const revised = makeUpdate('people hurt', values);
          await store.putReport('bridge', makeReport([], [], [], [revised]), '2025-03-12T08:00:00Z');
          const changes = await store.storyChangesSince('bridge', '2025-03-11T12:00:00Z');
          expect(changes?.updates).toEqual(fresh ? [revised] : []);
          expect((await store.getStory('bridge'))?.report?.updates).toEqual([revised]);
        },
      );

      it.skipIf(options.writeStoredReport === undefined)(
        'a report stored before updates existed reads back, and answers changes, with no updates',
        async () => {
          const store = await storeWithHistory();
          const { updates: _updates, ...legacy } = second;
          await options.writeStoredReport!(store, 'bridge', JSON.stringify(legacy));
          expect((await store.getStory('bridge'))?.report).toEqual({ ...second, updates: [] });
          const changes = await store.storyChangesSince('bridge', '2025-03-09');
          expect(changes?.claims.map((claim) => claim.id)).toEqual(['c9', 'c1', 'c2']);
          expect(changes).toMatchObject({ conflicts: [conflict], updates: [] });
        },
      );

      it.each([
        {
          case: 'unknown story',
          call: (store: Store) => store.storyChangesSince('nowhere', '2025-01-01'),
          value: undefined,
        },
        { case: 'unknown story record', call: (store: Store) => store.getStory('nowhere'), value: undefined },
      ])('$case gives undefined', async ({ call, value }) => {
        const store = await fresh();
        expect(await call(store)).toBe(value);
      });

      it('a story without a report has no changes and is stale', async () => {
        const store = await fresh();
        await store.ingest(makeBatch({ stories: [{ id: 'quiet', title: 'Quiet' }] }));
        expect(await store.storyChangesSince('quiet', '2025-01-01')).toEqual({
          storyId: 'quiet',
          since: '2025-01-01T00:00:00.000Z',
          reportAt: null,
          claims: [],
          quotes: [],
          conflicts: [],
          updates: [],
        });
        expect(await store.getStory('quiet')).toMatchObject({ report: null, reportVersion: 0, stale: true });
      });

      it.each([
        { case: 'unknown story', storyId: 'nowhere', at: '2025-03-01' },
        { case: 'bad time', storyId: 'quiet', at: 'noon' },
      ])('putReport rejects $case', async ({ storyId, at }) => {
        const store = await fresh();
        await store.ingest(makeBatch({ stories: [{ id: 'quiet', title: 'Quiet' }] }));
        await expectStoreError(store.putReport(storyId, makeReport([]), at), 'store-invalid-input');
        await expectStoreError(store.storyChangesSince('quiet', 'last week'), 'store-invalid-input');
      });
    });

    describe('clusterer state and corrections', () => {
      it('keeps the latest state, written alone or with a batch', async () => {
        const store = await fresh();
        expect(await store.getClustererState()).toBeUndefined();
        await store.putClustererState('{"documents":1}');
        expect(await store.getClustererState()).toBe('{"documents":1}');
        await store.ingest(makeBatch({ clustererState: '{"documents":2}' }));
        expect(await store.getClustererState()).toBe('{"documents":2}');
      });

      it('sets, keeps and deletes the note of an unfinished ingest with its batch, all or nothing', async () => {
        const store = await fresh();
        expect(await store.getPendingIngest()).toBeUndefined();
        const first = makeArticle('The invented ferry note covers this article.');
        await store.ingest(makeBatch({ articles: [first], pendingIngest: '{"refine":true}' }));
        expect(await store.getPendingIngest()).toBe('{"refine":true}');
        await store.ingest(makeBatch({ clustererState: '{"documents":1}' }));
        expect(await store.getPendingIngest()).toBe('{"refine":true}');
        // A batch that fails rolls its note back with its articles.
        const second = makeArticle('A second invented article that never commits.');
        await expectStoreError(
          store.ingest(
            makeBatch({
              articles: [second],
              assignments: [{ articleId: 'nowhere', storyId: 'nothing' }],
              pendingIngest: '{"refine":false}',
            }),
          ),
          'store-invalid-input',
        );
        expect(await store.getPendingIngest()).toBe('{"refine":true}');
        expect(await store.getArticle(second.id)).toBeUndefined();
        await store.ingest(makeBatch({ pendingIngest: null }));
        expect(await store.getPendingIngest()).toBeUndefined();
        await store.ingest(makeBatch({ pendingIngest: null }));
        expect(await store.getPendingIngest()).toBeUndefined();
      });

      it('keeps corrections in order', async () => {
        const store = await fresh();
        const corrections = [
          { kind: 'merge' as const, at: '2025-03-12T10:00:00.000Z', storyIds: ['a', 'b'], articleIds: [] },
          {
            kind: 'split' as const,
            at: '2025-03-12T11:00:00.000Z',
            storyIds: ['a', 'c'],
            articleIds: ['x'],
            note: 'two events',
          },
        ];
        await store.ingest(makeBatch({ corrections: corrections.slice(0, 1) }));
        await store.ingest(makeBatch({ corrections: corrections.slice(1) }));
        expect(await store.listCorrections()).toEqual(corrections);
      });
    });

    describe.skipIf(options.reopen === undefined)('persistence', () => {
      it('articles, stories, reports, state and corrections survive a reopen', async () => {
        const store = await fresh();
        await loadCatalogue(store);
        await store.putReport('ferry', makeReport([['c1', 's1', 'The ferry stopped.']]), '2025-03-03');
        await store.ingest(
          makeBatch({
            clustererState: '{"kept":true}',
            pendingIngest: '{"unfinished":true}',
            corrections: [
              {
                kind: 'merge',
                at: '2025-03-04T00:00:00.000Z',
                storyIds: ['ferry', 'marathon'],
                articleIds: [],
              },
            ],
          }),
        );
        const stories = await store.listStories({ limit: 10, offset: 0 });
        const ferry = await store.getStory('ferry');
        const again = await reopen(store);
        expect(await again.listStories({ limit: 10, offset: 0 })).toEqual(stories);
        expect(await again.getStory('ferry')).toEqual(ferry);
        expect(await again.getClustererState()).toBe('{"kept":true}');
        expect(await again.getPendingIngest()).toBe('{"unfinished":true}');
        expect(await again.listCorrections()).toHaveLength(1);
        expect((await again.search('ferry stopped', { limit: 5, offset: 0 })).hits).toHaveLength(1);
      });
    });

    it('a closed store rejects every call with store-closed', async () => {
      const store = await makeStore();
      await store.close();
      await store.close();
      await expectStoreError(store.counts(), 'store-closed');
      await expectStoreError(store.ingest(makeBatch()), 'store-closed');
      await expectStoreError(store.getArticle('x'), 'store-closed');
      await expectStoreError(store.search('ferry', { limit: 1, offset: 0 }), 'store-closed');
    });
  });
}
