import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleIdFor,
  defaultStorePath,
  isPostgresLocation,
  normalizeBody,
  parseSearchTerms,
  reportItems,
  StoreError,
} from '../../src/store/index.js';
import { toInstant } from '../../src/store/instant.js';
import { makeReport } from './contract.js';

describe('defaultStorePath', () => {
  it.each([
    { env: {}, path: '/home/ada/.local/share/crosscheck/crosscheck.db' },
    { env: { XDG_DATA_HOME: '/data/ada' }, path: '/data/ada/crosscheck/crosscheck.db' },
    { env: { XDG_DATA_HOME: '' }, path: '/home/ada/.local/share/crosscheck/crosscheck.db' },
    { env: { XDG_DATA_HOME: 'relative/dir' }, path: '/home/ada/.local/share/crosscheck/crosscheck.db' },
    { env: { CROSSCHECK_DB: '/srv/news.db', XDG_DATA_HOME: '/data/ada' }, path: '/srv/news.db' },
    {
      env: { CROSSCHECK_DB: 'postgresql://news@db.internal/desk' },
      path: 'postgresql://news@db.internal/desk',
    },
    { env: { CROSSCHECK_DB: '  ' }, path: '/home/ada/.local/share/crosscheck/crosscheck.db' },
  ])('$env → $path', ({ env, path }) => {
    expect(defaultStorePath(env, '/home/ada')).toBe(path);
  });
});

describe('isPostgresLocation', () => {
  it.each([
    { location: 'postgresql://news@db.internal/desk', postgres: true },
    { location: 'postgres://localhost/desk', postgres: true },
    { location: 'POSTGRESQL://localhost/desk', postgres: true },
    { location: '/srv/postgres/crosscheck.db', postgres: false },
    { location: 'postgres.db', postgres: false },
    { location: ':memory:', postgres: false },
  ])('$location → $postgres', ({ location, postgres }) => {
    expect(isPostgresLocation(location)).toBe(postgres);
  });
});

describe('articleIdFor', () => {
  it.each([
    { case: 'line endings', left: 'One line.\r\nTwo lines.', right: 'One line.\nTwo lines.', same: true },
    { case: 'outer and repeated spaces', left: '  A  body.\t', right: 'A body.', same: true },
    {
      case: 'composed and decomposed accents',
      left: 'Caf\u00e9 opens.',
      right: 'Cafe\u0301 opens.',
      same: true,
    },
    { case: 'different words', left: 'The ferry left.', right: 'The ferry stayed.', same: false },
    { case: 'case matters', left: 'The Ferry left.', right: 'The ferry left.', same: false },
  ])('$case', ({ left, right, same }) => {
    expect(articleIdFor(left) === articleIdFor(right)).toBe(same);
    expect(articleIdFor(left)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('normalises exactly as collapsing every whitespace run would (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'Kim',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\t',
      '\u00a0',
      '\u2028',
      '\u3000',
      'e\u0301',
      '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        expect(normalizeBody(body)).toBe(body.normalize('NFC').replace(/\s+/gu, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('normalises whitespace to single spaces', () => {
    expect(normalizeBody(' a\n\n b\u00a0c ')).toBe('a b c');
  });
});

describe('parseSearchTerms', () => {
  it.each([
    {
      query: 'ferry hull',
      terms: [
        { words: ['ferry'], prefix: false },
        { words: ['hull'], prefix: false },
      ],
    },
    {
      query: '"island ferry" Hull',
      terms: [
        { words: ['island', 'ferry'], prefix: false },
        { words: ['hull'], prefix: false },
      ],
    },
    { query: 'orch*', terms: [{ words: ['orch'], prefix: true }] },
    { query: 'Jong-un', terms: [{ words: ['jong', 'un'], prefix: false }] },
    {
      query: '"unbalanced ferry',
      terms: [
        { words: ['unbalanced'], prefix: false },
        { words: ['ferry'], prefix: false },
      ],
    },
    {
      query: 'AND OR (',
      terms: [
        { words: ['and'], prefix: false },
        { words: ['or'], prefix: false },
      ],
    },
    { query: '"', terms: [] },
    { query: '*', terms: [] },
    { query: '( ) - ^ :', terms: [] },
    { query: '', terms: [] },
  ])('$query', ({ query, terms }) => {
    expect(parseSearchTerms(query)).toEqual(terms);
  });

  it('caps the number of terms', () => {
    expect(parseSearchTerms(Array.from({ length: 100 }, (_, index) => `w${index}`).join(' '))).toHaveLength(
      32,
    );
  });
});

describe('toInstant', () => {
  it.each([
    { text: '2025-03-12', instant: '2025-03-12T00:00:00.000Z' },
    { text: '2025-03-12T10:00:00Z', instant: '2025-03-12T10:00:00.000Z' },
    { text: '2025-03-12T10:00:00+02:00', instant: '2025-03-12T08:00:00.000Z' },
    { text: '2025-03-12 10:00', instant: '2025-03-12T10:00:00.000Z' },
    { text: '2025-03-12T10:00:00', instant: '2025-03-12T10:00:00.000Z' },
  ])('$text → $instant', ({ text, instant }) => {
    expect(toInstant(text, 'time', 'test.db')).toBe(instant);
  });

  it.each(['yesterday', '12/03/2025', '2025-13-45', '', '1741773600000'])('rejects %j', (text) => {
    expect(() => toInstant(text, 'time', 'test.db')).toThrow(StoreError);
  });
});

describe('reportItems', () => {
  it('keys claims by passage, so renumbering keeps them and new passages add keys', () => {
    const before = reportItems(makeReport([['c1', 's1', 'The pier closed.']]));
    const after = reportItems(makeReport([['c5', 's1', 'The  pier closed.']]));
    const other = reportItems(makeReport([['c1', 's2', 'The pier closed.']]));
    expect(after[0]?.keys).toEqual(before[0]?.keys);
    expect(other[0]?.keys).not.toEqual(before[0]?.keys);
  });
});
