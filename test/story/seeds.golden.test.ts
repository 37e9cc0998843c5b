import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { StoryReport } from '../../src/model/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { quotesBalanced } from '../../src/stages/align.js';
import { evidenceProblems } from '../helpers/evidence.js';

const seeds = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const present = existsSync(seeds);
if (!present) console.warn(`seeds golden tests skipped: ${seeds} is absent`);

/** Scraping noise the seeds carry; none of it may reach a reader. */
const NOISE = [
  /sign up/i,
  /\{\{/,
  /REUTERS/,
  /Yonhap/,
  /SPUTNIK/,
  /In this photo/i,
  /privacy notice/i,
  /steps down from his train/,
  /love for cars/,
  /SPECIAL PERSONAL RELATIONS/,
  /valid email/i,
];

describe.skipIf(!present)('the five seed articles', () => {
  let report: StoryReport;
  const id = (prefix: string): string => report.sources.find((source) => source.id.startsWith(prefix))!.id;

  beforeAll(async () => {
    const read = await readArticles([seeds]);
    report = synthesize(read.articles);
  });

  it('has five sources, the four dated ones dated 2024-02-20', () => {
    expect(report.sources).toHaveLength(5);
    expect(report.sources.map((source) => source.published ?? null)).toEqual([
      null,
      '2024-02-20',
      '2024-02-20',
      '2024-02-20',
      '2024-02-20',
    ]);
  });

  it('names The Independent from its newsletter box, and no seed after a photo credit or a quoted agency', async () => {
    expect(report.sources.map((source) => source.outlet ?? null)).toEqual([
      null,
      null,
      null,
      'The Independent',
      null,
    ]);
    const read = await readArticles([seeds]);
    const notes = read.diagnostics.filter((diagnostic) => diagnostic.code === 'outlet-from-text');
    expect(notes.map((note) => note.message)).toEqual([
      expect.stringMatching(/outlet "The Independent", read from its newsletter box/),
    ]);
  });

  it('shows every source by a readable name, never a hash, in text and Markdown', () => {
    const plain = renderText(report, { color: false });
    const sources = plain.slice(plain.indexOf('SOURCES'), plain.indexOf('SUMMARY')).trim().split('\n');
    expect(sources).toEqual([
      'SOURCES (5)',
      '  [1] 000.txt · undated',
      '  [2] 001.txt · 2024-02-20',
      '  [3] 002.txt · 2024-02-20',
      '  [4] The Independent · 2024-02-20',
      '  [5] 004.txt · 2024-02-20',
    ]);
    // Diagnostics name the files by path; everything a reader reads above them names no hash.
    const markdown = renderMarkdown(report);
    for (const output of [
      plain.slice(0, plain.indexOf('DIAGNOSTICS')),
      markdown.slice(0, markdown.indexOf('## Diagnostics')),
    ])
      expect(output).not.toMatch(/[0-9a-f]{16}/);
  });

  it('lets no boilerplate into summary, claims, quotes or timeline', () => {
    const texts = [
      ...report.summary.map((sentence) => sentence.text),
      ...report.claims.map((claim) => claim.text),
      ...report.claims.flatMap((claim) => claim.evidence.map((evidence) => evidence.text)),
      ...report.quotes.flatMap((group) => group.variants.map((variant) => variant.text)),
      ...report.timeline.map((event) => event.text),
    ];
    for (const text of texts) for (const pattern of NOISE) expect(text).not.toMatch(pattern);
  });

  it('never quotes half a quotation in the summary', () => {
    for (const sentence of report.summary) expect(quotesBalanced(sentence.text), sentence.text).toBe(true);
  });

  it('verifies every evidence span', () => {
    expect(evidenceProblems(report)).toEqual([]);
  });

  it('opens the summary with the gift itself, cited by at least four sources', () => {
    const lead = report.summary[0]!;
    expect(lead.text).toMatch(/gift|gave|given/i);
    expect(lead.text).toMatch(/car|limousine/i);
    expect(lead.sources.length).toBeGreaterThanOrEqual(4);
  });

  it('groups the "special personal relations" quote under Kim Yo Jong with every source', () => {
    const groups = report.quotes.filter((group) => /special personal relations/.test(group.text));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.speaker).toMatch(/^Kim Yo[ -]?[Jj]ong$/);
    expect([...groups[0]!.sources].sort()).toEqual(report.sources.map((source) => source.id).sort());
  });

  it('groups Peskov\'s "Kim liked this car" with exactly the two sources that carry it', () => {
    const groups = report.quotes.filter((group) => /Kim liked this car/.test(group.text));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.speaker).toMatch(/Peskov/);
    expect([...groups[0]!.sources].sort()).toEqual([id('000'), id('002')]);
  });

  it("gives Zakharova's words to the one source that has them", () => {
    const groups = report.quotes.filter((group) =>
      /champions of international legal purity/.test(group.text),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.speaker).toMatch(/Zakharova/);
    expect(groups[0]!.sources).toEqual([id('002')]);
  });

  it('merges Kim Jong Un, Kim Yo Jong and KCNA each into one entity with their aliases', () => {
    const named = (pattern: RegExp) =>
      report.entities.filter((entity) => [entity.name, ...entity.aliases].some((name) => pattern.test(name)));
    const kim = named(/^Kim Jong[ -]?[Uu]n$/);
    expect(kim).toHaveLength(1);
    const kimForms = [kim[0]!.name, ...kim[0]!.aliases];
    expect(kimForms).toEqual(expect.arrayContaining(['Kim Jong Un', 'Kim Jong-un', 'Mr Kim']));
    expect(kimForms).not.toContain('Kim Jong-il');

    const sister = named(/^Kim Yo[ -]?[Jj]ong$/);
    expect(sister).toHaveLength(1);
    expect([sister[0]!.name, ...sister[0]!.aliases]).toEqual(
      expect.arrayContaining(['Kim Yo-jong', 'Yo Jong', 'Ms Kim']),
    );

    const agency = named(/^KCNA$/);
    expect(agency).toHaveLength(1);
    expect([agency[0]!.name, ...agency[0]!.aliases]).toContain('Korean Central News Agency');
  });

  it('dates the delivery 2024-02-18 and the Vostochny visit 2023-09, each from at least two sources', () => {
    const delivery = report.timeline.find(
      (event) => event.date === '2024-02-18' && /deliver|receiv/i.test(event.text),
    );
    expect(delivery?.sources.length).toBeGreaterThanOrEqual(2);
    const visit = report.timeline.find(
      (event) => event.date === '2023-09' && /visit|Vostochny|Russia/i.test(event.text),
    );
    expect(visit?.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('does not merge a denial with the statement it would contradict', () => {
    const armsDenial = report.claims.find((claim) => /denied shipping arms/.test(claim.text));
    expect(armsDenial?.evidence.every((evidence) => /denied shipping arms/.test(evidence.text))).toBe(true);
  });

  it("lists every source's unique facts", () => {
    for (const source of report.sources) {
      const unique = report.claims.filter(
        (claim) => claim.kind === 'unique' && claim.sources[0] === source.id,
      );
      expect(unique.length, source.id).toBeGreaterThan(0);
    }
    expect(report.claims.filter((claim) => claim.kind === 'consensus').length).toBeGreaterThan(0);
  });
});
