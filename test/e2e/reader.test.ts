/**
 * The web reader end to end in Debian's Chromium (driven by playwright-core): list, story, citation
 * passage, article view, conflict, figures that moved (a hand-made report served in place of the API's
 * answer, until the engine finds updates in the example corpus), search, a phone-sized screen and a
 * hostile article that must stay inert. Screenshots go to test/artifacts/ (with UPDATE_SCREENSHOTS=1, one is copied to docs/reader.png for the README).
 * Skips with a message when /usr/bin/chromium is absent; builds dist-web/ with Vite when missing.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { StoryReport } from '../../src/model/index.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import type { Newsroom } from '../../src/service/types.js';
import { developingStoryReport } from '../fixtures/developing-story.js';
import { FERRY_ARTICLES, HOSTILE_ARTICLE, HOSTILE_MARKUP } from '../server/fixtures.js';
import { memoryNewsroom } from '../server/helpers.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const artifacts = path.join(repoRoot, 'test/artifacts');
const webRoot = path.join(repoRoot, 'dist-web');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!hasChromium)('web reader in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: RunningServer;
  let newsroom: Newsroom;
  let bridgeId = '';
  let ferryId = '';
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(webRoot, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(repoRoot, 'web/vite.config.ts'), logLevel: 'warn' });
    }
    mkdirSync(artifacts, { recursive: true });
    newsroom = await memoryNewsroom();
    const example = await readArticles([path.join(repoRoot, 'examples/harbour-bridge')]);
    await newsroom.ingest(example.articles);
    await newsroom.ingest(
      [...FERRY_ARTICLES, HOSTILE_ARTICLE].map((upload, position) => ({
        id: `ferry-${position}`,
        body: upload.text!,
        ...(upload.outlet ? { outlet: upload.outlet } : {}),
        ...(upload.title ? { title: upload.title } : {}),
        ...(upload.published ? { published: upload.published } : {}),
      })),
    );
    const stories = await newsroom.listStories({ limit: 10, offset: 0 });
    bridgeId = stories.items.find((story) => story.outlets.includes('Meridian Wire'))?.id ?? '';
    ferryId = stories.items.find((story) => story.outlets.includes('Verrin Post'))?.id ?? '';
    server = await startServer({ newsroom, host: '127.0.0.1', port: 0, webRoot });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await newsroom?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, name), fullPage: false });
  const report = async (id: string): Promise<StoryReport> =>
    ((await (await fetch(`${server.url}/api/stories/${id}`)).json()) as { report: StoryReport }).report;

  it('opens the list with every story, its size, outlets and conflicts', async () => {
    expect(bridgeId).not.toBe('');
    await page.goto(`${server.url}/`);
    await page.locator('.story-row').first().waitFor();
    expect(await page.locator('.story-row').count()).toBe(2);
    const bridgeRow = page.locator('.story-row', { hasText: 'Meridian Wire' });
    await expect.poll(() => bridgeRow.locator('.facts').textContent()).toMatch(/6 articles.*conflict/s);
    await shot('list.png');
  });

  it('opens a story and shows a citation’s exact passage on hover and on focus', async () => {
    await page.locator('.story-row', { hasText: 'Meridian Wire' }).locator('h2 a').click();
    await page.locator('.summary li').first().waitFor();
    const expected = (await report(bridgeId)).summary[0]!.evidence[0]!;
    const cite = page.locator('.summary li').first().locator('.cite').first();
    await cite.locator('.chip').hover();
    await expect.poll(() => cite.locator('.tip').isVisible()).toBe(true);
    expect(await cite.locator('.tip q').textContent()).toBe(expected.text);
    await shot('story.png');
    // The README's screenshot is refreshed on request only, so that a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      copyFileSync(path.join(artifacts, 'story.png'), path.join(repoRoot, 'docs/reader.png'));
    }
    await page.mouse.move(0, 0);
    await cite.locator('.chip').focus();
    await expect.poll(() => cite.locator('.tip').isVisible()).toBe(true);
  });

  it('clicks a citation into the article view with the passage highlighted and diagnostics listed', async () => {
    const expected = (await report(bridgeId)).summary[0]!.evidence[0]!;
    await page.locator('.summary li').first().locator('.chip').first().click();
    const target = page.locator('mark.target');
    await target.waitFor();
    expect(await target.textContent()).toBe(expected.text);
    expect(await page.locator('mark.claim').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /What cleaning removed/ }).waitFor();
    await shot('article.png');
    await page.goBack();
  });

  it('shows the claims grid with reprints folded and opens a conflict side by side', async () => {
    await page.locator('.claim-grid').waitFor();
    const bridge = await report(bridgeId);
    const originals = bridge.sources.length - (bridge.reprints?.length ?? 0);
    expect(await page.locator('.claim-grid thead th').count()).toBe(originals + 1);
    await page.getByRole('button', { name: /^consensus/ }).click();
    expect(await page.locator('.claim-grid tbody tr').count()).toBe(
      bridge.claims.filter((claim) => claim.kind === 'consensus').length,
    );
    const conflict = page.locator('details.conflict').first();
    await conflict.locator('summary').click();
    await expect.poll(() => conflict.locator('.position').first().isVisible()).toBe(true);
    expect(await conflict.locator('.position').count()).toBe(bridge.conflicts[0]!.positions.length);
    await conflict.scrollIntoViewIfNeeded();
    await shot('conflict.png');
    expect(await page.locator('svg.timeline circle').count()).toBeGreaterThan(0);
    expect(await page.locator('.quote-group').count()).toBe(bridge.quotes.length);
  });

  it('splits the timeline into the story period on a day axis and a background by year', async () => {
    const timeline = (await report(bridgeId)).timeline;
    const section = page.locator('section', { has: page.locator('#timeline-title') });
    await section.scrollIntoViewIfNeeded();
    const story = section.locator('.story-events li');
    const background = section.locator('.timeline-background li');
    const storyCount = await story.count();
    expect(storyCount).toBeGreaterThan(0);
    expect(await background.count()).toBeGreaterThan(0);
    expect(storyCount + (await background.count())).toBe(timeline.length);
    expect(await section.locator('svg.timeline circle').count()).toBe(storyCount);
    const storyDates = await story
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    const backgroundDates = await background
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    // The story period is recent and ordered; everything older sits in the background, also ordered.
    expect(storyDates).toEqual([...storyDates].sort());
    expect(backgroundDates).toEqual([...backgroundDates].sort());
    expect(backgroundDates.every((date) => date < storyDates[0]! || date.length === 4)).toBe(true);
    const days = (Date.parse(storyDates.at(-1)!.padEnd(10, '-01')) - Date.parse(storyDates[0]!)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(120);
    for (const text of await background.locator('time').allTextContents())
      expect(text).toMatch(/\b(19|20)\d{2}$/);
    expect(await section.locator('.background-year text').first().textContent()).toMatch(/^(19|20)\d{2}/);
    // Every event keeps its text and its source chips.
    for (const event of timeline) {
      const entry = section.locator('.timeline-list li', { hasText: event.text }).first();
      expect(await entry.locator('.chip').count()).toBeGreaterThan(0);
    }
    await section.locator('svg.timeline .event circle').first().click();
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.id ?? ""'))
      .toBe('timeline-event-1');
    await section.screenshot({ path: path.join(artifacts, 'timeline.png') });
  });

  it('shows how figures moved: values in time order with as-of times and chips holding the passage', async () => {
    // The bridge story's one developing figure: the cracks counted, 12 by Monday evening, 19 by Tuesday.
    await page.goto(`${server.url}/#/story/${encodeURIComponent(bridgeId)}`);
    await page.locator('.summary li').first().waitFor();
    expect(await page.locator('#updates-title').count()).toBe(1);
    expect(await page.locator('.toc a', { hasText: 'Updates' }).count()).toBe(1);
    const cracks = page.locator('section', { has: page.locator('#updates-title') }).locator('.update');
    expect(await cracks.count()).toBe(1);
    expect(await cracks.locator('.move .value').allTextContents()).toEqual(['12 cracks', '19 cracks']);
    // A hand-made report with two updates and times of day stands in for the API's answer.
    const developing = developingStoryReport();
    const route = `${server.url}/api/stories/s-developing`;
    await page.route(route, (request) =>
      request.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          story: {
            id: 's-developing',
            title: developing.title,
            createdAt: '2025-07-02T10:00:00Z',
            updatedAt: '2025-07-03T12:00:00Z',
            articleIds: [],
            reportVersion: 2,
            reportAt: '2025-07-03T12:00:00Z',
            stale: false,
          },
          report: developing,
        }),
      }),
    );
    try {
      await page.goto(`${server.url}/#/story/s-developing`);
      const section = page.locator('section', { has: page.locator('#updates-title') });
      await section.waitFor();
      expect(await section.locator('h2').textContent()).toBe('How figures moved (2)');
      expect(await page.locator('.toc a', { hasText: 'Updates' }).count()).toBe(1);
      expect(await section.locator('.update').count()).toBe(2);
      const toll = section.locator('.update').first();
      expect(await toll.locator('.move .value').allTextContents()).toEqual(['1', '5', '11']);
      expect(await toll.locator('.move time').allTextContents()).toEqual([
        '2 Jul 09:10',
        '2 Jul 14:00',
        '3 Jul',
      ]);
      expect(await toll.locator('.move.latest .value').textContent()).toBe('11');
      // The section follows the conflicts.
      const order = await page.evaluate<string[]>(
        `[...document.querySelectorAll('section h2')].map((heading) => heading.id)`,
      );
      expect(order.indexOf('updates-title')).toBe(order.indexOf('conflicts-title') + 1);
      const cite = toll.locator('.move').first().locator('.cite').first();
      await cite.locator('.chip').hover();
      await expect.poll(() => cite.locator('.tip').isVisible()).toBe(true);
      expect(await cite.locator('.tip q').textContent()).toBe(
        developing.updates[0]!.positions[0]!.evidence[0]!.text,
      );
      await section.screenshot({ path: path.join(artifacts, 'updates.png') });
    } finally {
      await page.unroute(route);
    }
  });

  it('searches from the list', async () => {
    await page.goto(`${server.url}/#/`);
    // The list renders before the search box is used: typing into a box the first render replaces is lost.
    await page.locator('.story-row').first().waitFor();
    await page.getByLabel('Search stories').fill('drainage');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.hit').first().waitFor();
    // Under load the list may still hold its unfiltered rows for a moment after the first hit renders.
    await expect.poll(() => page.locator('.story-row').count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator('.hit mark').first().textContent()).toMatch(/drainage/i);
    await shot('search.png');
  });

  it('renders the hostile article as inert text', async () => {
    await page.goto(`${server.url}/#/story/${encodeURIComponent(ferryId)}`);
    await page.locator('.summary').waitFor();
    const hostile = (await report(ferryId)).sources.find((source) => source.outlet?.includes('Bold'))!;
    await page.goto(
      `${server.url}/#/story/${encodeURIComponent(ferryId)}/source/${encodeURIComponent(hostile.id)}`,
    );
    await page.locator('.article-body').waitFor();
    const body = await page.locator('.article-body').textContent();
    for (const markup of Object.values(HOSTILE_MARKUP)) expect(body).toContain(markup);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    // Evaluated in the page, as a string: the project's type-check has no DOM library.
    const injected = await page.evaluate(`({
      pwned: window.__pwned,
      scripts: document.querySelectorAll('script:not([src])').length,
      handlers: document.querySelectorAll('[onerror], [onclick], [onload]').length,
      images: document.querySelectorAll('main img').length,
      scriptLinks: [...document.querySelectorAll('a[href]')].filter((link) => !/^(https?:|#)/.test(link.getAttribute('href'))).length,
    })`);
    expect(injected).toEqual({ pwned: undefined, scripts: 0, handlers: 0, images: 0, scriptLinks: 0 });
    expect(dialogs).toEqual([]);
    await shot('hostile.png');
  });

  it('gives a missing story a way back, and asks for no missing favicon', async () => {
    const missing: string[] = [];
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() === 404 && !response.url().includes('/api/')) missing.push(response.url());
    };
    page.on('response', onResponse);
    try {
      await page.goto(`${server.url}/#/story/s-nosuchstory`);
      await page.locator('.error').waitFor();
      const back = page.locator('a.back');
      expect(await back.getAttribute('href')).toBe('#/');
      await back.click();
      await page.locator('.story-row').first().waitFor();
      const icon = await fetch(`${server.url}/favicon.svg`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toMatch(/svg/);
      expect(missing).toEqual([]);
    } finally {
      page.off('response', onResponse);
    }
  });

  it('fits a phone screen: no page-wide horizontal scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/story/${encodeURIComponent(bridgeId)}`);
    await page.locator('.summary li').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await shot('story-phone.png');
    const timeline = page.locator('section', { has: page.locator('#timeline-title') });
    await timeline.scrollIntoViewIfNeeded();
    await timeline.screenshot({ path: path.join(artifacts, 'timeline-phone.png') });
  });
});
