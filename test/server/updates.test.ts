/**
 * A developing story's updates through the API: the hand-made report (invented text, two updates) stored
 * in a real SQLite file store behind a real newsroom, read back whole, in the change feed when they are
 * new, described by the OpenAPI document, and empty for a report stored before updates existed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryReport, Update } from '../../src/model/index.js';
import { createApp } from '../../src/server/app.js';
import { openNewsroom } from '../../src/service/newsroom.js';
import type { Newsroom } from '../../src/service/types.js';
import { openSqliteStore, type SqliteStore, type StoryChanges } from '../../src/store/index.js';
import { developingStoryReport } from '../fixtures/developing-story.js';

const STORY = 's-ardmere';
const LEGACY = 's-ardmere-old';
const scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-updates-'));
let store: SqliteStore;
let newsroom: Newsroom;
let app: Hono;

/** The developing story a day later: the toll revised again, the road unchanged. */
function revisedReport(): StoryReport {
  const report = developingStoryReport();
  const toll = report.updates[0]!;
  const latest = toll.positions.at(-1)!;
  toll.positions.push({ ...latest, value: '14', asOf: '2025-07-04T08:00' });
  return report;
}

beforeAll(async () => {
  store = await openSqliteStore(path.join(scratch, 'crosscheck.db'));
  // Stories without articles: their reports are never stale, so the newsroom serves them as stored.
  await store.ingest({
    at: '2025-07-02T10:00:00Z',
    articles: [],
    assignments: [],
    stories: [
      { id: STORY, title: 'Landslide above Ardmere' },
      { id: LEGACY, title: 'Landslide above Ardmere (old store)' },
    ],
  });
  await store.putReport(STORY, developingStoryReport(), '2025-07-03T12:00:00Z');
  await store.putReport(STORY, revisedReport(), '2025-07-04T12:00:00Z');
  await store.putReport(LEGACY, developingStoryReport(), '2025-07-03T12:00:00Z');
  // What a crosscheck from before updates left in the file: the same report without the field.
  const { updates: _updates, ...legacy } = developingStoryReport();
  const raw = new Database(store.location);
  raw.prepare('UPDATE stories SET report = ? WHERE id = ?').run(JSON.stringify(legacy), LEGACY);
  raw.close();
  newsroom = await openNewsroom(store, { now: () => new Date('2025-07-05T00:00:00Z') });
  app = createApp(newsroom, { webRoot: false });
});

afterAll(async () => {
  await newsroom.close();
  rmSync(scratch, { recursive: true, force: true });
});

const getJson = async <Body>(route: string): Promise<Body> => {
  const response = await app.request(route);
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
};

describe('GET /api/stories/:id with updates', () => {
  it('returns every update with its values in time order, and passages that index the source text', async () => {
    const { report } = await getJson<{ report: StoryReport }>(`/api/stories/${STORY}`);
    expect(report.updates).toEqual(revisedReport().updates);
    expect(report.updates[0]!.positions.map((position) => [position.value, position.asOf])).toEqual([
      ['1', '2025-07-02T09:10'],
      ['5', '2025-07-02T14:00'],
      ['11', '2025-07-03'],
      ['14', '2025-07-04T08:00'],
    ]);
    const texts = new Map(report.sources.map((source) => [source.id, source.text]));
    const evidence = report.updates.flatMap((update) =>
      update.positions.flatMap((position) => position.evidence),
    );
    expect(evidence.length).toBeGreaterThan(0);
    for (const passage of evidence)
      expect(texts.get(passage.source)?.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('gives a report stored before updates existed no updates, and keeps the rest of it', async () => {
    const { report } = await getJson<{ report: StoryReport }>(`/api/stories/${LEGACY}`);
    expect(report.updates).toEqual([]);
    expect(report.conflicts).toEqual(developingStoryReport().conflicts);
  });
});

describe('GET /api/stories/:id/changes with updates', () => {
  const topics = (updates: Update[]) => updates.map((update) => update.topic);

  it.each([
    // Both updates were first seen with the first report; the toll's new value makes it new again.
    { since: '2025-07-01', story: STORY, updates: ['people killed in the landslide', 'valley road reopens'] },
    { since: '2025-07-03T12:00:00Z', story: STORY, updates: ['people killed in the landslide'] },
    { since: '2025-07-04T12:00:00Z', story: STORY, updates: [] },
    { since: '2025-07-01', story: LEGACY, updates: [] },
  ])('$story since $since: $updates', async ({ since, story, updates }) => {
    const changes = await getJson<StoryChanges>(`/api/stories/${story}/changes?since=${since}`);
    expect(topics(changes.updates)).toEqual(updates);
  });

  it('sends the update whole: the revised toll with its new latest value', async () => {
    const changes = await getJson<StoryChanges>(`/api/stories/${STORY}/changes?since=2025-07-03T12:00:00Z`);
    expect(changes.updates).toEqual([revisedReport().updates[0]]);
    // The conflict did not change: not new.
    expect(changes.conflicts).toEqual([]);
  });
});

describe('the OpenAPI document and updates', () => {
  interface Described {
    required?: string[];
    properties?: Record<string, { items?: { $ref?: string } }>;
  }

  it.each([
    {
      schema: 'StoryReport',
      route: `/api/stories/${STORY}`,
      pick: (body: { report: unknown }) => body.report,
    },
    {
      schema: 'StoryChanges',
      route: `/api/stories/${STORY}/changes?since=2025-07-01`,
      pick: (body: unknown) => body,
    },
  ] as { schema: string; route: string; pick: (body: never) => unknown }[])(
    '$schema requires updates, and the answer has every field it requires',
    async ({ schema, route, pick }) => {
      const document = await getJson<{ components: { schemas: Record<string, Described> } }>(
        '/api/openapi.json',
      );
      const described = document.components.schemas[schema]!;
      expect(described.required).toContain('updates');
      expect(described.properties?.updates?.items?.$ref).toBe('#/components/schemas/Update');
      const answer = pick((await getJson<unknown>(route)) as never) as Record<string, unknown>;
      for (const field of described.required ?? []) expect(answer).toHaveProperty(field);
    },
  );

  it('describes an update position as a conflict position with asOf', async () => {
    const document = await getJson<{ components: { schemas: Record<string, unknown> } }>('/api/openapi.json');
    expect(document.components.schemas.Update).toMatchObject({
      required: ['kind', 'topic', 'positions'],
      properties: {
        positions: { minItems: 2, items: { required: ['value', 'sources', 'evidence', 'asOf'] } },
      },
    });
  });
});
