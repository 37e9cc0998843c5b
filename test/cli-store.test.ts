import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInterval } from '../src/cli/commands/store-commands.js';
import { EXIT } from '../src/cli/run.js';
import { openSqliteStore } from '../src/store/index.js';
import { developingStoryReport } from './fixtures/developing-story.js';
import { runCliCaptured, sqliteStoreDependencies } from './helpers/cli.js';

const example = fileURLToPath(new URL('../examples/harbour-bridge', import.meta.url));

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function harness() {
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-cli-store-'));
  folders.push(folder);
  const db = join(folder, 'store.db');
  const { store, sleeps, now } = sqliteStoreDependencies(db);
  const run = (...argv: string[]) => runCliCaptured(argv, { store });
  return { folder, db, run, sleeps, now };
}

describe('the store commands', () => {
  it('ingests a folder, lists its story, shows it, and finds it by search', async () => {
    const { run } = harness();
    const ingest = await run('ingest', example);
    expect(ingest.code).toBe(EXIT.ok);
    expect(ingest.stdout).toMatch(/ingested 6 new article\(s\)/);

    const again = await run('ingest', example, '--format', 'json');
    expect(JSON.parse(again.stdout).added).toEqual([]);

    const list = JSON.parse((await run('stories', '--format', 'json', '--why')).stdout);
    expect(list.total).toBe(1);
    const story = list.items[0];
    expect(story.size).toBe(6);
    expect(story.why).toHaveLength(6);

    const text = await run('stories', '--why');
    expect(text.stdout).toMatch(/started the story/);

    const report = JSON.parse((await run('story', story.id, '--format', 'json')).stdout);
    expect(report.summary[0].text).toMatch(/eastbound lanes/);
    expect((await run('story', story.id, '--format', 'md')).stdout).toMatch(/^# /);

    const search = await run('search', 'girder');
    expect(search.code).toBe(EXIT.ok);
    expect(search.stdout).toMatch(/girder/i);
  });

  it('lists stories without an empty outlet slot and names their articles, not their hashes', async () => {
    const { run, folder } = harness();
    const body =
      'The harbour ferry resumed service on Monday after two weeks of repairs to its hull, the operator said. ' +
      'Passengers queued at the pier from dawn, and the first crossing left at seven.';
    const unnamed = join(folder, 'unnamed');
    const named = join(folder, 'named');
    for (const path of [unnamed, named]) mkdirSync(path);
    writeFileSync(join(unnamed, '000_2f3df334388c028e.txt'), body);
    writeFileSync(join(unnamed, '001_777f8e4d1f690fdd.txt'), `${body} Tickets were free all day.`);
    expect((await run('ingest', unnamed)).code).toBe(EXIT.ok);
    const list = await run('stories', '--why');
    expect(list.stdout).toMatch(/\n {2}2 article\(s\) · undated\n/);
    expect(list.stdout).not.toMatch(/· {2}·/);
    expect(list.stdout).toMatch(/\n {4}00[01]\.txt \([0-9a-f]{32}\): started the story\n/);
    expect(list.stdout).toMatch(/\n {4}00[01]\.txt \([0-9a-f]{32}\): (?:score |near-copy of 00[01]\.txt)/);

    writeFileSync(join(named, '002_184ed4d9f05b2caa.txt'), `PORT ALDOUS (Reuters) - ${body}`);
    await run('ingest', named);
    const stories = JSON.parse((await run('stories', '--format', 'json')).stdout);
    expect(stories.items.flatMap((item: { outlets: string[] }) => item.outlets)).toEqual(['Reuters']);
  });

  it('ingest: a folder of PDFs names each file with its reason, then says nothing was readable', async () => {
    const { run, folder } = harness();
    const pdfs = join(folder, 'pdfs');
    mkdirSync(pdfs);
    writeFileSync(join(pdfs, 'a.pdf'), '%PDF-1.4\n1 0 obj << >> endobj\n');
    writeFileSync(join(pdfs, 'b.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]));
    const result = await run('ingest', pdfs);
    expect(result.code).toBe(EXIT.failure);
    const reason =
      'a .pdf file (crosscheck reads .txt, .md and .text articles and saved .html, .htm and .html.gz pages); convert it to text first, e.g. with pdftotext';
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `crosscheck: skipped ${join(pdfs, 'a.pdf')}: ${reason}`,
      `crosscheck: skipped ${join(pdfs, 'b.pdf')}: ${reason}`,
      `crosscheck: no readable article in ${pdfs}`,
    ]);
    // Named directly, a text-only .pdf is skipped too, not stored as an article.
    const direct = await run('ingest', join(pdfs, 'a.pdf'));
    expect(direct.stderr).toContain(`skipped ${join(pdfs, 'a.pdf')}: a .pdf file, not article text`);
    expect(direct.stdout).toMatch(/^ingested 0 new article\(s\)/);
  });

  it('shows what is new in a story since a time', async () => {
    const { run, now } = harness();
    await run('ingest', join(example, 'courier.txt'), join(example, 'gazette.txt'));
    const story = JSON.parse((await run('stories', '--format', 'json')).stdout).items[0];
    await run('story', story.id);
    const since = now();
    await run('ingest', join(example, 'meridian-wire.txt'), join(example, 'bay-herald.txt'));
    const changes = JSON.parse((await run('story', story.id, '--since', since, '--format', 'json')).stdout);
    expect(changes.claims.length).toBeGreaterThan(0);
    expect((await run('story', story.id, '--since', since)).stdout).toMatch(/^new in /);
  });

  it('lists the updates that are new since a time, each value with its as-of time', async () => {
    const { run, db } = harness();
    const store = await openSqliteStore(db);
    await store.ingest({
      at: '2025-07-02T10:00:00Z',
      articles: [],
      assignments: [],
      stories: [{ id: 's-ardmere', title: 'Landslide' }],
    });
    await store.putReport('s-ardmere', developingStoryReport(), '2025-07-03T12:00:00Z');
    await store.close();
    const early = await run('story', 's-ardmere', '--since', '2025-07-01');
    expect(early.stdout).toMatch(
      /^new in s-ardmere since 2025-07-01T00:00:00.000Z: 1 claim\(s\), 1 conflict\(s\), 2 update\(s\)/,
    );
    expect(early.stdout).toContain(
      '  ↗ number: people killed in the landslide: 1 (2025-07-02T09:10) → 5 (2025-07-02T14:00) → 11 (2025-07-03)\n',
    );
    expect((await run('story', 's-ardmere', '--since', '2025-07-04')).stdout).not.toContain('↗');
    const markdown = await run('story', 's-ardmere', '--format', 'md');
    expect(markdown.stdout).toContain('## How figures moved');
  });

  it('merges and splits stories from the command line', async () => {
    const { run, folder } = harness();
    const other = join(folder, 'ferry.txt');
    writeFileSync(
      other,
      'date 2025-03-11 A tidal surge flooded the Saltmarsh ferry terminal on Tuesday, halting crossings to Gull Island. Pumps were brought in to clear the water.',
    );
    await run('ingest', example, other);
    const items = JSON.parse((await run('stories', '--format', 'json')).stdout).items;
    expect(items).toHaveLength(2);
    const merged = await run('story', 'merge', items[0].id, items[1].id);
    expect(merged.code).toBe(EXIT.ok);
    const kept = /merged into (\S+)/.exec(merged.stdout)![1]!;
    const after = JSON.parse((await run('stories', '--format', 'json')).stdout).items;
    expect(after).toHaveLength(1);
    const article = JSON.parse((await run('story', kept, '--format', 'json')).stdout).sources.find(
      (source: { text: string }) => source.text.includes('tidal surge'),
    );
    const split = await run('story', 'split', kept, article.id);
    expect(split.stdout).toMatch(/moved 1 article/);
    expect(JSON.parse((await run('stories', '--format', 'json')).stdout).total).toBe(2);
  });

  it('re-clusters the store on request', async () => {
    const { run } = harness();
    await run('ingest', example, '--no-refine');
    const result = await run('recluster');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^moved \d+ article\(s\); 1 → 1 stories/);
  });

  it('polls with watch until the number of polls is reached', async () => {
    const { run, sleeps } = harness();
    const result = await run('watch', example, '--every', '90s', '--times', '3');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr.match(/poll \d/g)).toHaveLength(3);
    expect(sleeps).toEqual([90_000, 90_000]);
  });

  it.each([
    [['ingest', '/no/such/place'], /no\/such\/place/],
    [['story', 's-unknown'], /no story/],
    [['story', 'merge', 'only-one'], /two story ids/],
    [['story', 'split', 's-x'], /article ids/],
    [['watch', '.', '--every', 'often'], /interval/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { run } = harness();
    const result = await run(...argv);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['5', 300_000],
  ])('reads the interval %s', (text, milliseconds) => {
    expect(parseInterval(text)).toBe(milliseconds);
  });
});
