/**
 * Properties that hold for any input, checked on generated articles (fast-check): news-like text
 * assembled from invented fragments that stress the stages (names and aliases, numbers and money,
 * dates, quotation marks balanced or not, abbreviations, boilerplate, odd Unicode), and raw arbitrary
 * strings. The seed is fixed so CI is repeatable; set FAST_CHECK_SEED to explore others, and
 * FAST_CHECK_RUNS for longer runs. A failure prints the smallest input that breaks the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { cleanBody } from '../src/stages/clean.js';
import { extractDates } from '../src/stages/dates.js';
import { wordLength } from '../src/stages/summary-coverage.js';
import { openSqliteStore, parseSearchTerms } from '../src/store/index.js';
import { segment } from '../src/text/segment.js';
import { evidenceProblems } from './helpers/evidence.js';

const seed = Number(process.env.FAST_CHECK_SEED ?? 20_261_123);
const runs = (count: number): number => Number(process.env.FAST_CHECK_RUNS ?? count);
const settings = (count: number) => ({ seed, numRuns: runs(count) });

const PEOPLE = [
  'Ada Brook',
  'Mayor Brook',
  'Ms Brook',
  'Tomas Reyes-Ortiz',
  'Mr Reyes-Ortiz',
  "Liam O'Neill",
];
const GROUPS = ['the Aldous council', 'Port Aldous Transit Authority', 'the authority', 'U.S. officials'];
const VERBS = ['said', 'denied', 'confirmed', 'may have approved', 'did not approve', 'reportedly closed'];
const OBJECTS = [
  'the harbour bridge',
  'a $4.2 million repair',
  'about 30,000 vehicles a day',
  'the 7% fare rise',
  'two weeks of works',
  'the ferry contract',
];
const WHEN = [
  'on Sunday',
  'last week',
  'on March 7',
  'in 2023',
  'on 18 February',
  'two days ago',
  'tomorrow',
  '',
];
const EXTRAS = [
  'Sign up for our newsletter.',
  'Photo: Jane Doe/Harbour Herald',
  '[INSERT CAPTION]',
  '(Reporting by A. Writer; editing by B. Editor)',
  'Gov. Brook arrived at 10 a.m.',
  '“It is safe,” she said.',
  '"We will not pay," he said',
  'She called it “a disgrace.',
  'Why now? Nobody knows!',
  'Prices rose… again — sharply.',
  'Café owners in Zürich and Łódź agreed.',
  'The 🚧 sign stayed up.',
  'Ｆｕｌｌｗｉｄｔｈ text and a zero\u200bwidth space.',
  'السلام عليكم and שלום in one line.',
  'e\u0301 composed with a combining accent.',
];

/** One news-like sentence from the fragments above. */
const newsSentence = fc
  .tuple(
    fc.constantFrom(...PEOPLE, ...GROUPS),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...OBJECTS),
    fc.constantFrom(...WHEN),
  )
  .map(([subject, verb, object, when]) => {
    const text = `${subject} ${verb} ${object}${when === '' ? '' : ` ${when}`}.`;
    return text.charAt(0).toUpperCase() + text.slice(1);
  });

/** A body: paragraphs of news sentences with stress fragments mixed in, joined in varied ways. */
const newsBody = fc
  .array(
    fc.array(fc.oneof({ weight: 4, arbitrary: newsSentence }, fc.constantFrom(...EXTRAS)), {
      minLength: 1,
      maxLength: 5,
    }),
    { minLength: 1, maxLength: 5 },
  )
  .chain((paragraphs) =>
    fc
      .constantFrom('\n\n', '\n', '\r\n\r\n', '\n \n')
      .map((separator) => paragraphs.map((sentences) => sentences.join(' ')).join(separator)),
  );

/** Anything at all, including control characters, lone surrogates and very long runs. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({
    unit: fc.constantFrom('.', ' ', '"', '“', '”', '\n', 'A', 'a', '1', '?', '—'),
    maxLength: 300,
  }),
);

const articles = (body: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.record({
        body,
        published: fc.option(fc.constantFrom('2024-02-20', '2025-03-11', '1999-12-31'), { nil: undefined }),
        outlet: fc.option(fc.constantFrom('Harbour Herald', 'Bay Post', 'Wire'), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) =>
      list.map((entry, position) => {
        const article: ArticleInput = { id: `a${position}`, body: entry.body };
        if (entry.published !== undefined) article.published = entry.published;
        if (entry.outlet !== undefined) article.outlet = entry.outlet;
        return article;
      }),
    );

describe('synthesize, for any articles', () => {
  it.each([
    { name: 'news-like', input: articles(newsBody), count: 60, minimumWithSummary: 0.6 },
    { name: 'arbitrary text', input: articles(anyText), count: 60, minimumWithSummary: 0 },
  ])(
    '$name: every evidence verifies, the budget holds and the report is deterministic',
    ({ input, count, minimumWithSummary }) => {
      let reports = 0;
      let withSummary = 0;
      fc.assert(
        fc.property(input, fc.integer({ min: 1, max: 150 }), (list, words) => {
          const report = synthesize(list, { words, referenceDate: '2025-03-12' });
          reports += 1;
          if (report.summary.length > 0) withSummary += 1;
          expect(evidenceProblems(report)).toEqual([]);
          expect(
            report.summary.reduce((total, sentence) => total + wordLength(sentence.text), 0),
          ).toBeLessThanOrEqual(words);
          const ids = new Set(report.sources.map((source) => source.id));
          for (const claim of report.claims)
            for (const source of claim.sources) expect(ids.has(source)).toBe(true);
          for (const sentence of report.summary)
            for (const source of sentence.sources) expect(ids.has(source)).toBe(true);
          expect(JSON.stringify(synthesize(list, { words, referenceDate: '2025-03-12' }))).toBe(
            JSON.stringify(report),
          );
        }),
        settings(count),
      );
      // The generated news must exercise the whole pipeline, not only its empty paths.
      expect(withSummary / reports).toBeGreaterThanOrEqual(minimumWithSummary);
    },
  );
});

describe('segment, for any text', () => {
  it('gives ordered, disjoint sentences and tokens that are exact slices of the text', () => {
    fc.assert(
      fc.property(fc.oneof(newsBody, anyText), (text) => {
        const { sentences, tokens, paragraphs } = segment(text);
        for (const spans of [sentences, tokens, paragraphs]) {
          let previousEnd = 0;
          for (const span of spans) {
            expect(span.start).toBeGreaterThanOrEqual(previousEnd);
            expect(span.end).toBeGreaterThan(span.start);
            expect(span.end).toBeLessThanOrEqual(text.length);
            previousEnd = span.end;
          }
        }
        for (const sentence of sentences)
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
      }),
      settings(300),
    );
  });
});

describe('cleanBody, for any body', () => {
  it('reports every removal as an exact slice of the raw body and never invents text', () => {
    fc.assert(
      fc.property(fc.oneof(newsBody, anyText), (body) => {
        const cleaned = cleanBody(body);
        for (const removal of cleaned.removals)
          expect(body.slice(removal.start, removal.end)).toBe(removal.text);
        // Every kept piece is verbatim: each word of the clean text stands in the raw body.
        for (const word of cleaned.text.split(/\s+/).filter((piece) => piece !== '')) {
          expect(body.includes(word)).toBe(true);
        }
      }),
      settings(300),
    );
  });
});

describe('extractDates, for any text', () => {
  it('gives mentions that are exact slices with a well-formed value at their precision', () => {
    const shapes = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
    fc.assert(
      fc.property(
        newsBody,
        fc.option(fc.constantFrom('2024-02-20', '2025-01-01'), { nil: undefined }),
        (text, reference) => {
          for (const mention of extractDates(text, segment(text), reference)) {
            expect(text.slice(mention.start, mention.end)).toBe(mention.text);
            expect(mention.value).toMatch(shapes[mention.precision]);
          }
        },
      ),
      settings(200),
    );
  });
});

describe('search input, for any query', () => {
  it('parses into plain word terms and never makes the store throw', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await fc.assert(
        fc.asyncProperty(anyText, async (query) => {
          for (const term of parseSearchTerms(query)) {
            expect(term.words.length).toBeGreaterThan(0);
            for (const word of term.words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
          }
          await store.search(query, { limit: 5, offset: 0 });
        }),
        settings(300),
      );
    } finally {
      await store.close();
    }
  });
});
