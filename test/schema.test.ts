import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The named export: under NodeNext the default import of this CommonJS module types as the namespace.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ArticleInput, StoryReport } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { developingStoryReport } from './fixtures/developing-story.js';
import { collectEvidence, evidenceProblems } from './helpers/evidence.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema: object = JSON.parse(
  readFileSync(path.join(repoRoot, 'schema/story-report.schema.json'), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const exampleDirectory = path.join(repoRoot, 'examples/harbour-bridge');
const seedDirectory = path.resolve(repoRoot, '../shared/seeds');
const seedsExist = existsSync(seedDirectory);
if (!seedsExist) console.warn(`schema.test: ${seedDirectory} is absent, skipping the seed checks`);

/**
 * A tiny reader for the example corpus, kept here so this test does not depend on the ingest module:
 * `---` front matter with `key: value` lines, or a first line glued as ` date YYYY-MM-DD <text>`.
 */
function parseArticle(id: string, raw: string): ArticleInput {
  const article: ArticleInput = { id, body: raw };
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (frontMatter !== null) {
    article.body = raw.slice(frontMatter[0].length);
    for (const line of (frontMatter[1] ?? '').split('\n')) {
      const field = /^(\w+):\s*(.*)$/.exec(line);
      const value = field?.[2]?.trim();
      if (value === undefined || value === '') continue;
      if (field?.[1] === 'title') article.title = value;
      else if (field?.[1] === 'outlet') article.outlet = value;
      else if (field?.[1] === 'url') article.url = value;
      else if (field?.[1] === 'date') article.published = value;
    }
    return article;
  }
  const glued = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(raw);
  if (glued?.[1] !== undefined) {
    article.published = glued[1];
    article.body = raw.slice(glued[0].length);
  }
  return article;
}

function readDirectory(directory: string): ArticleInput[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      parseArticle(name.replace(/\.txt$/, ''), readFileSync(path.join(directory, name), 'utf8')),
    );
}

function errorsOf(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? error.keyword}`);
}

/** A small valid report written by hand (invented text), the base of the negative cases. */
function handMadeReport(): StoryReport {
  const text = 'The ferry left at noon. "We are late," the captain said.';
  const first = { source: 'a', start: 0, end: 23, text: 'The ferry left at noon.' };
  const quote = { source: 'a', start: 25, end: 37, text: 'We are late,' };
  return {
    title: 'Ferry leaves late',
    sources: [{ id: 'a', text, published: '2025-01-02', outlet: 'Invented Outlet' }],
    summary: [{ text: first.text, sources: ['a'], evidence: [first], claim: 'c1' }],
    claims: [{ id: 'c1', text: first.text, sources: ['a'], evidence: [first], kind: 'unique', score: 1 }],
    quotes: [
      {
        speaker: null,
        text: 'We are late,',
        sources: ['a'],
        variants: [{ source: 'a', text: 'We are late,', direct: true, form: 'direct', evidence: quote }],
      },
    ],
    entities: [{ name: 'noon', type: 'date', aliases: [], sources: ['a'], mentions: 1 }],
    timeline: [{ date: '2025-01', text: first.text, sources: ['a'], evidence: [first] }],
    conflicts: [],
    updates: [],
    diagnostics: [{ code: 'clean-caption', message: 'a: removed caption', severity: 'info', source: 'a' }],
  };
}

/** Marks a {@link setAt} that deletes the property instead of setting it. */
const REMOVE = Symbol('remove');

/** Sets (or removes) the value at a path of plain objects and arrays, for building broken reports. */
function setAt(target: unknown, keys: readonly (string | number)[], value: unknown): void {
  const last = keys.at(-1);
  let holder = target as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  if (last === undefined) throw new Error('empty path');
  if (value === REMOVE) delete holder[last];
  else holder[last] = value;
}

describe('story-report.schema.json', () => {
  it('accepts the hand-made report, and extra fields anywhere', () => {
    const report = handMadeReport();
    expect(errorsOf(report)).toEqual([]);
    setAt(report, ['generator'], 'crosscheck');
    setAt(report, ['claims', 0, 'stance'], 'asserted');
    expect(errorsOf(report)).toEqual([]);
  });

  const otherPosition = {
    value: 'noon',
    sources: ['a'],
    evidence: [{ source: 'a', start: 0, end: 3, text: 'The' }],
  };
  /** An update with one position per time (without asOf where undefined); `last` overrides fields of the last. */
  const updateAt = (times: (string | undefined)[], last: object = {}) => ({
    kind: 'number',
    topic: 'ferries running',
    positions: times.map((time, index) => ({
      ...otherPosition,
      value: String(index + 2),
      ...(time === undefined ? {} : { asOf: time }),
      ...(index === times.length - 1 ? last : {}),
    })),
  });
  const invalidCases: { name: string; keys: (string | number)[]; value: unknown; error: RegExp }[] = [
    {
      name: 'missing summary',
      keys: ['summary'],
      value: REMOVE,
      error: /must have required property 'summary'/,
    },
    { name: 'missing title', keys: ['title'], value: REMOVE, error: /must have required property 'title'/ },
    { name: 'claim kind "maybe"', keys: ['claims', 0, 'kind'], value: 'maybe', error: /^\/claims\/0\/kind / },
    {
      name: 'evidence with a negative start',
      keys: ['claims', 0, 'evidence', 0, 'start'],
      value: -1,
      error: /^\/claims\/0\/evidence\/0\/start must be >= 0/,
    },
    {
      name: 'fractional offset',
      keys: ['quotes', 0, 'variants', 0, 'evidence', 'end'],
      value: 3.5,
      error: /\/evidence\/end must be integer/,
    },
    {
      name: 'quote form "indirect"',
      keys: ['quotes', 0, 'variants', 0, 'form'],
      value: 'indirect',
      error: /\/form /,
    },
    {
      name: 'entity type "animal"',
      keys: ['entities', 0, 'type'],
      value: 'animal',
      error: /^\/entities\/0\/type /,
    },
    {
      name: 'timeline date "March 2025"',
      keys: ['timeline', 0, 'date'],
      value: 'March 2025',
      error: /^\/timeline\/0\/date must match/,
    },
    {
      name: 'published at month precision',
      keys: ['sources', 0, 'published'],
      value: '2025-01',
      error: /^\/sources\/0\/published must match/,
    },
    {
      name: 'speaker missing instead of null',
      keys: ['quotes', 0, 'speaker'],
      value: REMOVE,
      error: /required property 'speaker'/,
    },
    {
      name: 'claim without evidence',
      keys: ['claims', 0, 'evidence'],
      value: [],
      error: /^\/claims\/0\/evidence must NOT have fewer than 1/,
    },
    {
      name: 'severity "fatal"',
      keys: ['diagnostics', 0, 'severity'],
      value: 'fatal',
      error: /^\/diagnostics\/0\/severity /,
    },
    {
      name: 'conflict with one position',
      keys: ['conflicts', 0],
      value: { kind: 'number', topic: 'time', positions: [otherPosition] },
      error: /^\/conflicts\/0\/positions must NOT have fewer than 2/,
    },
    {
      name: 'missing updates',
      keys: ['updates'],
      value: REMOVE,
      error: /must have required property 'updates'/,
    },
    {
      name: 'update position without asOf',
      keys: ['updates', 0],
      value: updateAt(['2025-01-02', undefined]),
      error: /^\/updates\/0\/positions\/1 must have required property 'asOf'/,
    },
    ...['2025-01-02 09:10', '2025-01-02T9:10', '2025-01-02T24:00', '2025-13-02', '2025-01', 'noon'].map(
      (asOf) => ({
        name: `update asOf ${JSON.stringify(asOf)}`,
        keys: ['updates', 0],
        value: updateAt(['2025-01-02', asOf]),
        error: /^\/updates\/0\/positions\/1\/asOf must match/,
      }),
    ),
    {
      name: 'update with one position',
      keys: ['updates', 0],
      value: updateAt(['2025-01-02']),
      error: /^\/updates\/0\/positions must NOT have fewer than 2/,
    },
    {
      name: 'update position without evidence',
      keys: ['updates', 0],
      value: updateAt(['2025-01-02', '2025-01-03'], { evidence: [] }),
      error: /^\/updates\/0\/positions\/1\/evidence must NOT have fewer than 1/,
    },
    {
      name: 'update kind "count"',
      keys: ['updates', 0],
      value: { ...updateAt(['2025-01-02', '2025-01-03']), kind: 'count' },
      error: /^\/updates\/0\/kind /,
    },
    {
      name: 'score as a string',
      keys: ['claims', 0, 'score'],
      value: '1',
      error: /^\/claims\/0\/score must be number/,
    },
  ];

  it.each([
    ['day', '2025-01-02', '2025-01-03'],
    ['day and time', '2025-01-02T09:10', '2025-01-02T23:59'],
    ['day, then day and time', '2025-01-02', '2025-01-02T00:00'],
  ])('accepts an update with asOf at %s precision', (_precision, earlier, later) => {
    const report = handMadeReport();
    setAt(report, ['updates', 0], updateAt([earlier, later]));
    expect(errorsOf(report)).toEqual([]);
  });

  it('accepts the developing-story report with its two updates', () => {
    const report = developingStoryReport();
    expect(report.updates).toHaveLength(2);
    expect(errorsOf(report)).toEqual([]);
  });

  it.each(invalidCases)('rejects $name', ({ keys, value, error }) => {
    const report = handMadeReport();
    setAt(report, keys, value);
    const errors = errorsOf(report);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.some((message) => error.test(message)),
      errors.join('\n'),
    ).toBe(true);
  });
});

describe('evidence helper', () => {
  it('finds every evidence of the hand-made report and no problem', () => {
    const report = handMadeReport();
    expect(collectEvidence(report).map((located) => located.path)).toEqual([
      'summary[0].evidence[0]',
      'claims[0].evidence[0]',
      'quotes[0].variants[0].evidence',
      'timeline[0].evidence[0]',
    ]);
    expect(evidenceProblems(report)).toEqual([]);
  });

  it('finds the evidence of updates, and every passage of the developing-story report is exact', () => {
    const report = developingStoryReport();
    const paths = collectEvidence(report).map((located) => located.path);
    expect(paths.filter((path) => path.startsWith('updates'))).toEqual([
      'updates[0].positions[0].evidence[0]',
      'updates[0].positions[1].evidence[0]',
      'updates[0].positions[1].evidence[1]',
      'updates[0].positions[2].evidence[0]',
      'updates[1].positions[0].evidence[0]',
      'updates[1].positions[0].evidence[1]',
      'updates[1].positions[1].evidence[0]',
    ]);
    expect(evidenceProblems(report)).toEqual([]);
    const shifted = developingStoryReport();
    const evidence = shifted.updates[0]!.positions[2]!.evidence[0]!;
    evidence.start += 1;
    evidence.end += 1;
    expect(evidenceProblems(shifted).map((problem) => problem.path)).toEqual([
      'updates[0].positions[2].evidence[0]',
    ]);
  });

  const brokenCases: {
    name: string;
    evidence: { source: string; start: number; end: number; text: string };
    problem: RegExp;
  }[] = [
    {
      name: 'shifted span',
      evidence: { source: 'a', start: 1, end: 24, text: 'The ferry left at noon.' },
      problem: /but the source has/,
    },
    {
      name: 'unknown source',
      evidence: { source: 'zz', start: 0, end: 3, text: 'The' },
      problem: /unknown source/,
    },
    {
      name: 'end before start',
      evidence: { source: 'a', start: 5, end: 2, text: '' },
      problem: /bad offsets/,
    },
    {
      name: 'end past the text',
      evidence: { source: 'a', start: 0, end: 999, text: 'The' },
      problem: /past the text/,
    },
  ];

  it.each(brokenCases)('reports $name', ({ evidence, problem }) => {
    const report = handMadeReport();
    report.claims[0]!.evidence = [evidence];
    const problems = evidenceProblems(report);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('claims[0].evidence[0]');
    expect(problems[0]?.problem).toMatch(problem);
  });
});

describe('synthesize output', () => {
  const corpora = [
    { name: 'examples/harbour-bridge', directory: exampleDirectory, present: true },
    { name: '../shared/seeds', directory: seedDirectory, present: seedsExist },
  ];

  describe.each(corpora)('on $name', ({ directory, present }) => {
    it.skipIf(!present)('is valid against the schema and every evidence is exact', () => {
      const articles = readDirectory(directory);
      expect(articles.length).toBeGreaterThanOrEqual(5);
      const report = synthesize(articles);
      expect(errorsOf(report)).toEqual([]);
      expect(report.sources.map((source) => source.id)).toEqual(articles.map((article) => article.id));
      expect(collectEvidence(report).length).toBeGreaterThan(0);
      expect(evidenceProblems(report)).toEqual([]);
    });
  });

  it('reads the example metadata forms: front matter, glued date, no date', () => {
    const articles = new Map(readDirectory(exampleDirectory).map((article) => [article.id, article]));
    expect(articles.get('courier')).toMatchObject({ outlet: 'The Aldous Courier', published: '2025-03-10' });
    expect(articles.get('civic-radio')?.published).toBe('2025-03-10');
    expect(articles.get('civic-radio')?.body.startsWith('The eastbound lanes')).toBe(true);
    expect(articles.get('bay-herald')?.published).toBeUndefined();
    expect(articles.get('bay-herald')?.outlet).toBe('Bay Herald');
  });
});

describe('example corpus', () => {
  const articles = new Map(readDirectory(exampleDirectory).map((article) => [article.id, article]));

  it.each([...articles.keys()])('%s has 250–450 words', (id) => {
    const words = (articles.get(id)?.body ?? '').split(/\s+/).filter((word) => word !== '').length;
    expect(words).toBeGreaterThanOrEqual(250);
    expect(words).toBeLessThanOrEqual(450);
  });

  // The features the README promises, so that edits to the texts do not silently drop one.
  const features: { feature: string; id: string; passage: string; present: boolean }[] = [
    { feature: 'cost $4.2 million', id: 'courier', passage: '$4.2 million', present: true },
    { feature: 'cost $6 million', id: 'gazette', passage: '$6 million', present: true },
    { feature: 'traffic 30,000', id: 'courier', passage: 'about 30,000 vehicles a day', present: true },
    { feature: 'traffic 45,000', id: 'bay-herald', passage: 'some 45,000 vehicles a day', present: true },
    { feature: 'inspection March 5', id: 'gazette', passage: 'on March 5', present: true },
    { feature: 'inspection March 7', id: 'courier', passage: 'Friday, March 7', present: true },
    { feature: 'British spelling', id: 'courier', passage: 'lives of our neighbours', present: true },
    { feature: 'American spelling', id: 'meridian-wire', passage: 'lives of our neighbors', present: true },
    {
      feature: 'trimmed quote',
      id: 'gazette',
      passage: '"nobody crosses that span until we are certain it is safe."',
      present: true,
    },
    {
      feature: 'paraphrase in quotes',
      id: 'civic-radio',
      passage: '"not take chances with the safety',
      present: true,
    },
    { feature: 'speaker Whitcombe', id: 'courier', passage: 'said Dana Whitcombe', present: true },
    { feature: 'speaker Marsh', id: 'bay-herald', passage: 'said Lionel Marsh', present: true },
    { feature: 'asserted cause', id: 'gazette', passage: 'The cracks were caused by', present: true },
    { feature: 'hedged cause', id: 'meridian-wire', passage: 'were likely caused by', present: true },
    {
      feature: 'denied cause',
      id: 'civic-radio',
      passage: 'denied that its drainage work had caused',
      present: true,
    },
    { feature: 'relative date', id: 'courier', passage: 'Tuesday (March 11)', present: true },
    { feature: 'template line', id: 'gazette', passage: '{{ newsletter_signup_success }}', present: true },
    { feature: 'wire caption', id: 'coastal-daily', passage: 'on Monday - Meridian Wire\n', present: true },
    { feature: 'Getty caption', id: 'bay-herald', passage: 'Aldo Brennan/Getty', present: true },
    {
      feature: 'provided-by caption',
      id: 'meridian-wire',
      passage: 'In this photo provided by',
      present: true,
    },
    { feature: 'reprint edit', id: 'coastal-daily', passage: 'Tuesday (March 11)', present: false },
    { feature: 'the 1968 fact is unique', id: 'meridian-wire', passage: '1968', present: false },
  ];

  it.each(features)('$id: $feature', ({ id, passage, present }) => {
    expect(articles.get(id)?.body.includes(passage)).toBe(present);
  });

  it('coastal-daily reprints meridian-wire: most of its paragraphs are verbatim', () => {
    const wire = new Set(articles.get('meridian-wire')?.body.split('\n\n'));
    const paragraphs = articles.get('coastal-daily')?.body.split('\n\n') ?? [];
    const copied = paragraphs.filter((paragraph) => wire.has(paragraph)).length;
    expect(copied / paragraphs.length).toBeGreaterThan(0.5);
    expect(copied).toBeLessThan(paragraphs.length);
  });
});
