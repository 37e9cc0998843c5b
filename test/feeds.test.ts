import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedItem } from '../src/ingest/feeds/index.js';
import {
  detectTextKind,
  feedDay,
  feedItemsToArticles,
  parseFeed,
  parseOpml,
} from '../src/ingest/feeds/index.js';
import { htmlToText } from '../src/ingest/html/html-to-text.js';

// Every feed here is invented: the fixtures under test/fixtures/feeds and the strings below.
const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/feeds/${name}`, import.meta.url)), 'utf8');

function parsed(text: string, origin: { url?: string; path?: string } = { path: 'test.xml' }) {
  const result = parseFeed(text, origin);
  if (!result.ok) throw new Error(`expected a feed, got ${result.reason}: ${result.message}`);
  return result;
}

describe('parseFeed: each format', () => {
  it.each([
    {
      file: 'rss2.xml',
      format: 'rss',
      title: 'The Orrin Valley Gazette',
      items: 3,
      first: {
        id: 'https://gazette.example/news/ferry-halted',
        // The relative <link> resolves against the channel's link.
        url: 'https://gazette.example/news/ferry-halted',
        // 22:15 at -0500 is the 4th where it was written, the 5th in UTC: the outlet's day is kept.
        published: '2025-03-04',
        author: 'Mara Quillon',
      },
      firstHas: ['contentHtml', 'summaryHtml'],
    },
    {
      file: 'atom.xml',
      format: 'atom',
      title: 'Lakeside Dispatch',
      items: 2,
      first: {
        id: 'tag:dispatch.example,2025:ferry-1',
        url: 'https://dispatch.example/2025/03/tug-crew',
        published: '2025-03-04',
        updated: '2025-03-06',
        author: 'Idris Fenwold',
      },
      firstHas: ['contentHtml', 'summaryHtml'],
    },
    {
      file: 'rdf.xml',
      format: 'rdf',
      title: 'Orrin Weekly',
      items: 1,
      first: { url: 'https://weekly.example/ferry-week', published: '2025-03-09', author: 'Tova Brenlin' },
      firstHas: ['summaryHtml'],
    },
    {
      file: 'json-feed.json',
      format: 'json-feed',
      title: 'East Shore Notes',
      items: 2,
      first: {
        id: 'https://notes.example/ferry-returns',
        published: '2025-03-14',
        updated: '2025-03-15',
        author: 'Pell Arrowsmith',
      },
      firstHas: ['contentHtml', 'summaryText'],
    },
  ])('$file is read as $format', ({ file, format, title, items, first, firstHas }) => {
    const { feed } = parsed(fixture(file), { path: file });
    expect(feed.format).toBe(format);
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(items);
    expect(feed.items[0]).toMatchObject(first);
    for (const key of firstHas) expect(feed.items[0]).toHaveProperty(key);
  });

  it('keeps full content apart from the summary', () => {
    const item = parsed(fixture('rss2.xml')).feed.items[0]!;
    expect(item.contentHtml).toContain('All 42 passengers');
    expect(item.summaryHtml).toBe('The morning ferry stopped mid-lake.');
  });

  it('reads Atom XHTML content as HTML', () => {
    const item = parsed(fixture('atom.xml')).feed.items[1]!;
    expect(item.contentHtml).toContain('<p>The operator will inspect all three of its ferries');
    expect(item.updated).toBeUndefined();
  });

  it('reads a JSON Feed item with a numeric id and text content, and skips an item that is not an object', () => {
    const result = parsed(fixture('json-feed.json'), { path: 'json-feed.json' });
    expect(result.feed.items[1]).toMatchObject({ id: '77', contentText: expect.stringContaining('seven') });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['feed-item-invalid']);
  });

  it('reads old RSS 0.91 and resolves relative links against the fetched URL when the feed has no link', () => {
    const text =
      '<rss version="0.91"><channel><title>Old Mill Post</title><item><title>Sluice repaired</title>' +
      '<link>/2025/sluice</link><description>The mill sluice works again.</description></item></channel></rss>';
    const { feed } = parsed(text, { url: 'https://mill.example/rss' });
    expect(feed.items[0]).toMatchObject({
      url: 'https://mill.example/2025/sluice',
      id: 'https://mill.example/2025/sluice',
    });
  });

  it('gives an item without any id a stable content-hash id', () => {
    const text =
      '<rss version="2.0"><channel><title>T</title><item><title>No guid here</title>' +
      '<description>The pier lights were replaced.</description></item></channel></rss>';
    const first = parsed(text).feed.items[0]!;
    expect(first.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parsed(text).feed.items[0]!.id).toBe(first.id);
  });

  it('reports a feed with no items as a success with a diagnostic', () => {
    const result = parsed('<rss version="2.0"><channel><title>Quiet Week</title></channel></rss>');
    expect(result.feed.items).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['feed-no-items']);
  });
});

describe('parseFeed: malformed and non-feeds', () => {
  const twoItems =
    '<rss version="2.0"><channel><title>Pier Times</title>' +
    '<item><guid>p1</guid><title>First</title><description>The pier opened.</description></item>' +
    '<item><guid>p2</guid><title>Second</title><description>The pier closed again.</description></item>';

  it.each([
    {
      name: 'truncated inside a tag',
      text: `${twoItems}<item><guid>p3</guid><tit`,
      items: 2,
      code: 'feed-malformed',
    },
    {
      name: 'truncated inside CDATA',
      text: `${twoItems}<item><description><![CDATA[<p>cut`,
      items: 2,
      code: 'feed-malformed',
    },
    {
      name: 'a broken attribute',
      text: `${twoItems}<item><link href="x></item></channel></rss>`,
      items: 2,
      code: 'feed-malformed',
    },
    {
      name: 'truncated inside text',
      text: `${twoItems}<item><guid>p3</guid><title>Thi`,
      items: 3,
      code: 'feed-truncated',
    },
    { name: 'truncated between items', text: twoItems, items: 2, code: 'feed-truncated' },
    {
      name: 'Atom truncated inside a tag',
      text: '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>a1</id><content>x</content></entry><entry><id>a2</id><con',
      items: 1,
      code: 'feed-malformed',
    },
  ])('$name keeps the $items items read and warns ($code)', ({ text, items, code }) => {
    const result = parsed(text, { path: 'pier.xml' });
    expect(result.feed.items).toHaveLength(items);
    expect(result.feed.items[0]?.id).toBe(items === 1 ? 'a1' : 'p1');
    const warning = result.diagnostics.find((diagnostic) => diagnostic.code === code);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^pier\.xml: /);
  });

  it('reads bad and HTML-only entities without losing the text', () => {
    const text =
      '<rss version="2.0"><channel><title>Fish &amp; Chips &copy; Weekly</title><item><guid>e1</guid>' +
      '<title>Rock &amp; roll &mdash; &#8220;live&#8221;</title><description>Salt & vinegar &bogus; sold out</description>' +
      '</item></channel></rss>';
    const result = parsed(text);
    expect(result.feed.title).toBe('Fish & Chips © Weekly');
    expect(result.feed.items[0]).toMatchObject({ title: 'Rock & roll — “live”' });
    expect(result.feed.items[0]?.summaryHtml).toContain('Salt & vinegar');
    expect(result.diagnostics).toEqual([]);
  });

  it('does not warn about a complete feed followed by a comment', () => {
    const text = `${twoItems}</channel></rss>\n<!-- generated in 0.02 seconds -->\n`;
    expect(parsed(text).diagnostics).toEqual([]);
  });

  it.each([
    { name: 'an empty text', text: '', reason: 'empty', mentions: 'empty' },
    { name: 'only whitespace and a BOM', text: '\uFEFF  \n\t', reason: 'empty', mentions: 'empty' },
    { name: 'an HTML page', text: fixture('not-a-feed.html'), reason: 'not-a-feed', mentions: 'HTML page' },
    { name: 'an OPML list', text: fixture('subscriptions.opml'), reason: 'not-a-feed', mentions: 'OPML' },
    {
      name: 'other XML',
      text: '<?xml version="1.0"?><note><to>Ada</to></note>',
      reason: 'not-a-feed',
      mentions: 'not a feed',
    },
    {
      name: 'plain text',
      text: 'The ferry is late again.',
      reason: 'not-a-feed',
      mentions: 'neither XML nor JSON',
    },
    {
      name: 'a feed cut before any item',
      text: '<rss version="2.0"><channel><title>T</title><item><tit',
      reason: 'malformed',
      mentions: 'not well-formed',
    },
    {
      name: 'invalid JSON',
      text: '{"version": "https://jsonfeed.org/version/1.1", "items": [',
      reason: 'malformed',
      mentions: 'not valid JSON',
    },
    {
      name: 'JSON that is not a feed',
      text: '{"name": "ferry", "items": []}',
      reason: 'not-a-feed',
      mentions: 'not a JSON Feed',
    },
  ])('$name is $reason', ({ text, reason, mentions }) => {
    const result = parseFeed(text, { url: 'https://odd.example/feed' });
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toMatch(/^https:\/\/odd\.example\/feed: /);
    expect(!result.ok && result.message).toContain(mentions);
  });
});

describe('parseFeed: a feed of 10,000 items', () => {
  const count = 10_000;
  const items = Array.from(
    { length: count },
    (_, index) =>
      `<item><title>Lake report ${index}</title><guid>https://big.example/reports/${index}</guid>` +
      `<link>/reports/${index}</link><pubDate>Mon, 03 Mar 2025 10:${String(index % 60).padStart(2, '0')}:00 +0000</pubDate>` +
      `<description>Water level note ${index}.</description>` +
      `<content:encoded><![CDATA[<p>Report ${index}: the lake rose by ${index % 7} centimetres.</p><p>Boats kept to the marked channel.</p>]]></content:encoded></item>`,
  ).join('\n');
  const text =
    '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
    `<channel><title>Big Lake Log</title><link>https://big.example/</link>${items}</channel></rss>`;

  let feed: Feed | undefined;

  it('parses every item quickly, in order', () => {
    const started = performance.now();
    const result = parsed(text, { url: 'https://big.example/rss' });
    const elapsed = performance.now() - started;
    feed = result.feed;
    expect(result.feed.items).toHaveLength(count);
    expect(result.feed.items[count - 1]).toMatchObject({
      id: `https://big.example/reports/${count - 1}`,
      url: `https://big.example/reports/${count - 1}`,
      published: '2025-03-03',
    });
    expect(result.diagnostics).toEqual([]);
    // About 0.5 s on an idle core; the bound leaves room for a busy CI machine and catches quadratic behaviour
    // (the parser's own item getters took minutes on this feed before the feed-level values were cached).
    expect(elapsed).toBeLessThan(8000);
  });

  it('turns every item into an article with a distinct id', () => {
    if (feed === undefined) throw new Error('the parse test did not run');
    // A cheap converter: this test is about the mapping, not about HTML parsing speed.
    const { articles, diagnostics } = feedItemsToArticles(feed, feed.items, (html) =>
      html.replace(/<[^>]+>/g, ' '),
    );
    expect(articles).toHaveLength(count);
    expect(new Set(articles.map((article) => article.id)).size).toBe(count);
    expect(diagnostics).toEqual([]);
  });
});

describe('feedItemsToArticles', () => {
  it.each([
    {
      file: 'rss2.xml',
      articles: 2,
      outlet: 'The Orrin Valley Gazette',
      codes: ['feed-item-no-content', 'feed-summary-only'],
    },
    { file: 'atom.xml', articles: 2, outlet: 'Lakeside Dispatch', codes: [] },
    { file: 'rdf.xml', articles: 1, outlet: 'Orrin Weekly', codes: ['feed-summary-only'] },
    { file: 'json-feed.json', articles: 2, outlet: 'East Shore Notes', codes: [] },
  ])('$file gives $articles articles from $outlet', ({ file, articles, outlet, codes }) => {
    const { feed } = parsed(fixture(file), { path: file });
    const result = feedItemsToArticles(feed, feed.items, htmlToText, { path: file });
    expect(result.articles).toHaveLength(articles);
    for (const article of result.articles) {
      expect(article).toMatchObject({ outlet, path: file });
      expect(article.id).toMatch(/^feed-[0-9a-f]{16}$/);
      expect(article.body).not.toMatch(/<[a-z]/i);
    }
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(codes);
    for (const diagnostic of result.diagnostics) expect(diagnostic.message).toMatch(new RegExp(`^${file}: `));
  });

  it('uses the full content, paragraph by paragraph', () => {
    const { feed } = parsed(fixture('rss2.xml'));
    const [article] = feedItemsToArticles(feed, feed.items, htmlToText).articles;
    expect(article?.body).toBe(
      'The morning ferry across Lake Orrin stopped mid-lake on Tuesday after an engine fault, the operator said.\n\n' +
        'All 42 passengers were brought ashore by a tug within two hours.',
    );
    expect(article).toMatchObject({
      title: 'Ferry service on Lake Orrin halted after engine fault',
      published: '2025-03-04',
    });
  });

  const feed = (items: FeedItem[], extra: Partial<Feed> = {}): Feed => ({ format: 'rss', items, ...extra });

  it('takes a summary when it is longer than the content', () => {
    const items = [
      {
        id: 'https://a.example/1',
        contentHtml: '<p>Short.</p>',
        summaryHtml: '<p>A much longer summary of the day.</p>',
      },
    ];
    expect(feedItemsToArticles(feed(items), items, htmlToText).articles[0]?.body).toBe(
      'A much longer summary of the day.',
    );
  });

  it('keeps one article per id and reports the duplicates', () => {
    const items = [
      { id: 'https://a.example/1', contentText: 'The dam held.' },
      { id: 'https://a.example/1', contentText: 'The dam held, officials said.' },
    ];
    const result = feedItemsToArticles(feed(items), items, htmlToText);
    expect(result.articles.map((article) => article.body)).toEqual(['The dam held.']);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['feed-item-duplicate']);
  });

  it('gives the same article the same id in two feeds of one outlet, but keeps short guids apart', () => {
    const shared = { id: 'https://outlet.example/story', contentText: 'The ferry resumed.' };
    const local = { id: '42', contentText: 'The ferry resumed.' };
    const one = feed([shared, local], { url: 'https://one.example/', title: 'One' });
    const two = feed([shared, local], { url: 'https://two.example/', title: 'Two' });
    const idsOne = feedItemsToArticles(one, one.items, htmlToText).articles.map((article) => article.id);
    const idsTwo = feedItemsToArticles(two, two.items, htmlToText).articles.map((article) => article.id);
    expect(idsOne[0]).toBe(idsTwo[0]);
    expect(idsOne[1]).not.toBe(idsTwo[1]);
    // And ids are stable from one run to the next.
    expect(feedItemsToArticles(one, one.items, htmlToText).articles.map((article) => article.id)).toEqual(
      idsOne,
    );
  });

  it('names the outlet after the site host when the feed has no title', () => {
    const items = [{ id: 'x1', contentText: 'The tide was high.' }];
    const result = feedItemsToArticles(feed(items, { url: 'https://www.tides.example/' }), items, htmlToText);
    expect(result.articles[0]?.outlet).toBe('tides.example');
  });

  it('skips an item whose content is only markup', () => {
    const items = [{ id: 'x2', title: 'Gallery', contentHtml: '<p> </p><img src="a.jpg">' }];
    const result = feedItemsToArticles(feed(items), items, htmlToText);
    expect(result.articles).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'feed-item-no-content', severity: 'warning' });
    expect(result.diagnostics[0]?.message).toContain('"Gallery"');
  });
});

describe('feedDay', () => {
  it.each([
    { raw: 'Tue, 04 Mar 2025 22:15:00 -0500', day: '2025-03-04' },
    { raw: '4 March 2025 08:00 GMT', day: '2025-03-04' },
    { raw: 'Wed, 05 Mar 25 09:00:00 +0000', day: '2025-03-05' },
    { raw: '2025-03-04T23:40:00-08:00', day: '2025-03-04' },
    { raw: '2025-03-04', day: '2025-03-04' },
    { raw: 'March 4, 2025', day: '2025-03-04' },
    { raw: '2025-02-30', day: undefined },
    { raw: 'Tue, 31 Feb 2025 10:00:00 GMT', day: undefined },
    { raw: 'March 4, 2025 23:30', day: '2025-03-04' },
    { raw: 'soon', day: undefined },
    { raw: '12', day: undefined },
  ])('$raw → $day', ({ raw, day }) => {
    expect(feedDay(raw)).toBe(day);
  });
});

describe('detectTextKind', () => {
  it.each([
    { text: fixture('rss2.xml'), kind: 'xml-feed' },
    { text: fixture('atom.xml'), kind: 'xml-feed' },
    { text: fixture('rdf.xml'), kind: 'xml-feed' },
    { text: fixture('json-feed.json'), kind: 'json-feed' },
    { text: fixture('subscriptions.opml'), kind: 'opml' },
    { text: fixture('not-a-feed.html'), kind: 'html' },
    { text: '{"id": 1, "body": "a"}\n{"id": 2, "body": "b"}\n', kind: 'jsonl' },
    { text: '{"id": 1}', kind: 'json' },
    { text: '<note>hello</note>', kind: 'xml' },
    { text: 'date 2025-03-04 The ferry stopped.', kind: 'text' },
    { text: ' \n', kind: 'empty' },
  ])('$kind', ({ text, kind }) => {
    expect(detectTextKind(text)).toBe(kind);
  });
});

describe('parseOpml', () => {
  it('lists each feed once, with its folder, and reports unusable URLs', () => {
    const result = parseOpml(fixture('subscriptions.opml'), { path: 'subscriptions.opml' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.title).toBe('Orrin valley & lake');
    expect(result.feeds).toEqual([
      {
        url: 'https://gazette.example/rss.xml',
        title: 'The Orrin Valley Gazette',
        siteUrl: 'https://gazette.example/',
        category: 'Local',
      },
      { url: 'https://dispatch.example/atom.xml', title: 'Lakeside Dispatch', category: 'Local' },
      { url: 'https://notes.example/feed.json', title: 'East Shore Notes' },
    ]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['opml-bad-url']);
    expect(result.diagnostics[0]?.message).toMatch(/^subscriptions\.opml: outline "Broken"/);
  });

  it('resolves relative feed URLs against the list URL', () => {
    const text = '<opml version="1.0"><body><outline text="Local" xmlUrl="/feeds/local.xml"/></body></opml>';
    const result = parseOpml(text, { url: 'https://lists.example/mine.opml' });
    expect(result.ok && result.feeds[0]?.url).toBe('https://lists.example/feeds/local.xml');
  });

  it.each([
    { name: 'an empty text', text: '', reason: 'empty' },
    { name: 'an RSS feed', text: fixture('rss2.xml'), reason: 'not-opml' },
    { name: 'plain text', text: 'not a list', reason: 'not-opml' },
  ])('$name is $reason', ({ text, reason }) => {
    const result = parseOpml(text, { path: 'list.opml' });
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toMatch(/^list\.opml: /);
  });

  it('warns about a list with no feeds', () => {
    const result = parseOpml('<opml version="2.0"><body><outline text="Empty folder"/></body></opml>', {
      path: 'e.opml',
    });
    expect(result.ok && result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['opml-no-feeds']);
  });
});
