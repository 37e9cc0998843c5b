import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { StoryReport } from '../../src/model/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { PRONOUN_START, quotesBalanced } from '../../src/stages/align.js';
import { evidenceProblems } from '../helpers/evidence.js';

const corpus = fileURLToPath(new URL('../../examples/harbour-bridge', import.meta.url));

/** The noise planted in the example corpus (see its README); none of it may reach a reader. */
const NOISE = [
  /Sign up/i,
  /\{\{/,
  /PHOTO:/,
  /Getty/,
  /In this photo/i,
  /what commuters need to know/,
  /Read more/,
  /Listen live/,
];

describe('the bundled example corpus', () => {
  let report: StoryReport;
  const allTexts = (): string[] => [
    ...report.summary.map((sentence) => sentence.text),
    ...report.claims.flatMap((claim) => [claim.text, ...claim.evidence.map((evidence) => evidence.text)]),
    ...report.quotes.flatMap((group) => group.variants.map((variant) => variant.text)),
    ...report.timeline.map((event) => event.text),
  ];

  beforeAll(async () => {
    const read = await readArticles([corpus]);
    expect(read.skipped).toEqual([]);
    report = synthesize(read.articles);
  });

  it('reads six sources with their metadata forms', () => {
    const byId = new Map(report.sources.map((source) => [source.id, source]));
    expect([...byId.keys()].sort()).toEqual([
      'bay-herald',
      'civic-radio',
      'coastal-daily',
      'courier',
      'gazette',
      'meridian-wire',
    ]);
    expect(byId.get('courier')?.outlet).toBe('The Aldous Courier');
    expect(byId.get('civic-radio')?.published).toBe('2025-03-10');
    expect(byId.get('civic-radio')?.text.startsWith('date')).toBe(false);
    expect(byId.get('bay-herald')?.published).toBeUndefined();
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ source: 'bay-herald', code: 'date-inferred' }),
    );
  });

  it('cleans every planted piece of noise and says so in diagnostics', () => {
    for (const text of allTexts()) for (const pattern of NOISE) expect(text).not.toMatch(pattern);
    const cleaned = new Set(
      report.diagnostics.filter((d) => d.code.startsWith('clean-')).map((d) => d.source),
    );
    expect([...cleaned].sort()).toEqual([
      'bay-herald',
      'civic-radio',
      'coastal-daily',
      'courier',
      'gazette',
      'meridian-wire',
    ]);
  });

  it('never quotes half a quotation in the summary', () => {
    for (const sentence of report.summary) expect(quotesBalanced(sentence.text), sentence.text).toBe(true);
  });

  it('verifies every evidence span', () => {
    expect(evidenceProblems(report)).toEqual([]);
  });

  it('leads with the closure, carried by every source', () => {
    const lead = report.summary[0]!;
    expect(lead.text).toMatch(/closed/);
    expect(lead.text).toMatch(/eastbound lanes/);
    expect(lead.sources).toHaveLength(6);
    const claim = report.claims.find((item) => item.id === lead.claim)!;
    expect(claim.kind).toBe('consensus');
  });

  it('flags summary sentences whose passage another outlet disputes, and only those', () => {
    const cost = report.summary.find((sentence) => /\$4\.2 million/.test(sentence.text));
    expect(cost?.disputed).toEqual([expect.stringMatching(/cost/)]);
    const lead = report.summary[0]!;
    expect(lead.disputed).toBeUndefined();
    for (const sentence of report.summary.filter((item) => item.disputed)) {
      const topics = new Set(report.conflicts.map((conflict) => conflict.topic));
      for (const topic of sentence.disputed!) expect(topics.has(topic)).toBe(true);
    }
  });

  it('never opens a summary sentence on a pronoun that needs the sentence before it', () => {
    for (const sentence of report.summary) expect(sentence.text).not.toMatch(PRONOUN_START);
  });

  it('keeps each single-outlet fact with its one source', () => {
    const unique = (pattern: RegExp) => report.claims.find((claim) => pattern.test(claim.text));
    expect(unique(/opened in 1968/)).toMatchObject({ kind: 'unique', sources: ['courier'] });
    expect(unique(/Saltmarsh Ferries/)).toMatchObject({ kind: 'unique', sources: ['bay-herald'] });
    expect(unique(/Lantern Road/)).toMatchObject({ kind: 'unique', sources: ['gazette'] });
  });

  it("groups the mayor's quote across its renderings, but not the paraphrase", () => {
    const groups = report.quotes.filter((group) => /Nobody crosses that span/i.test(group.text));
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.speaker).toBe('Ines Okafor');
    expect([...group.sources].sort()).toEqual([
      'bay-herald',
      'coastal-daily',
      'courier',
      'gazette',
      'meridian-wire',
    ]);
    const spellings = new Set(
      group.variants.map((variant) => /neighbou?rs/.exec(variant.text)?.[0]).filter(Boolean),
    );
    expect(spellings).toEqual(new Set(['neighbours', 'neighbors']));
    const paraphrase = report.quotes.find((item) => /not take chances/.test(item.text));
    expect(paraphrase?.sources).toEqual(['civic-radio']);
  });

  it('merges aliases of people and organisations', () => {
    const entity = (name: string) => report.entities.find((item) => item.name === name);
    expect(entity('Ines Okafor')?.aliases).toEqual(expect.arrayContaining(['Ms Okafor', 'Okafor']));
    expect(entity('Ines Okafor')?.type).toBe('person');
    expect(entity('Port Aldous Transit Authority')?.aliases).toContain('PATA');
    expect(entity('Lionel Marsh')?.aliases).toContain('Mr Marsh');
  });

  it('types its places and companies as such, and never makes a place a speaker', () => {
    const typeOf = (name: string) => report.entities.find((entity) => entity.name === name)?.type;
    expect(
      [
        'Gull Point',
        'Wrenfield',
        'Lantern Road',
        'North Quay',
        'Keel Street',
        'Saltmarsh Ferries',
        'Brightline Civil',
      ].map(typeOf),
    ).toEqual(['place', 'place', 'place', 'place', 'place', 'organization', 'organization']);
    const places = new Set(
      report.entities.filter((entity) => entity.type === 'place').map((entity) => entity.name),
    );
    const speakers = report.quotes.map((group) => group.speaker);
    expect(speakers.filter((speaker) => typeof speaker === 'string' && places.has(speaker))).toEqual([]);
    expect(speakers).toContain('Residents of Gull Point');
  });

  it('puts relative dates on the calendar', () => {
    const event = (date: string, pattern: RegExp) =>
      report.timeline.find((item) => item.date === date && pattern.test(item.text));
    expect(event('2025-03-09', /closed/)?.sources.length).toBeGreaterThanOrEqual(5);
    expect(event('2025-03-11', /council/)?.sources.length).toBeGreaterThanOrEqual(4);
    expect(event('2024-09', /inspect|examined|checks/)).toBeDefined();
    expect(report.timeline.some((item) => item.date === '2025-03-04')).toBe(false);
  });
});
