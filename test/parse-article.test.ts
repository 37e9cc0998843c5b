import { describe, expect, it } from 'vitest';
import { fileStem, type ParseFailureReason, parseArticleText } from '../src/ingest/parse-article.js';
import type { ArticleInput } from '../src/model/index.js';

// Every article text below is invented for these tests.
const BODY = 'The harbour ferry resumed service on Monday. Officials said repairs took two weeks.';

interface SuccessCase {
  name: string;
  raw: string;
  path?: string;
  /** Expected field values; `undefined` asserts the field is absent. */
  expected: { [Key in keyof ArticleInput]?: ArticleInput[Key] | undefined };
  /** Diagnostic codes expected, in order. */
  codes?: string[];
}

const successes: SuccessCase[] = [
  { name: 'plain text without metadata', raw: BODY, expected: { body: BODY } },
  { name: 'UTF-8 BOM stripped', raw: `\uFEFF${BODY}`, expected: { body: BODY } },
  {
    name: 'CRLF and lone CR become LF',
    raw: 'First paragraph here.\r\n\r\nSecond paragraph here.\rThird line.',
    expected: { body: 'First paragraph here.\n\nSecond paragraph here.\nThird line.' },
  },
  {
    name: 'front matter with every known key',
    raw: `---\ntitle: Ferry back in service\noutlet: The Daily Ledger\nurl: https://example.org/ferry\ndate: 2024-03-05\n---\n${BODY}\n`,
    expected: {
      title: 'Ferry back in service',
      outlet: 'The Daily Ledger',
      url: 'https://example.org/ferry',
      published: '2024-03-05',
      body: BODY,
    },
  },
  {
    name: 'front matter with published:, quoted values and CRLF',
    raw: `---\r\ntitle: "Ferry: back \\"in\\" service"\r\noutlet: 'Harbour Times'\r\npublished: 2024-03-05T08:30:00Z\r\n---\r\n\r\n${BODY}`,
    expected: {
      title: 'Ferry: back "in" service',
      outlet: 'Harbour Times',
      published: '2024-03-05',
      body: BODY,
    },
  },
  {
    name: 'unknown front-matter key ignored with an info diagnostic',
    raw: `---\nauthor: Jane Roe\ntitle: Ferry\n---\n${BODY}`,
    expected: { title: 'Ferry', body: BODY },
    codes: ['front-matter-key-ignored'],
  },
  {
    name: 'malformed front-matter date: warning and no date',
    raw: `---\ndate: 2024-02-30\n---\n${BODY}`,
    expected: { published: undefined, body: BODY },
    codes: ['front-matter-date-invalid'],
  },
  {
    name: 'date prefix glued to the first sentence, with leading whitespace',
    raw: ` date 2024-02-20 ${BODY}`,
    expected: { published: '2024-02-20', body: BODY },
  },
  {
    name: 'date prefix on its own line',
    raw: `date: 2024-02-20\n\n${BODY}`,
    expected: { published: '2024-02-20', body: BODY },
  },
  {
    name: 'malformed date prefix: warning, prefix still removed',
    raw: `date 2024-13-01 ${BODY}`,
    expected: { published: undefined, body: BODY },
    codes: ['date-prefix-invalid'],
  },
  {
    name: 'a body that starts with the word "Date" is not a prefix',
    raw: 'Date palms grow along the harbour wall. Nobody planted them.',
    expected: { published: undefined, body: 'Date palms grow along the harbour wall. Nobody planted them.' },
  },
  {
    name: 'outlet from the file stem when the front matter names none',
    raw: BODY,
    path: 'inputs/the-daily-ledger.txt',
    expected: { outlet: 'the-daily-ledger', path: 'inputs/the-daily-ledger.txt' },
  },
  {
    name: 'no outlet from a generated file name (a hash is not an outlet)',
    raw: BODY,
    path: 'inputs/004_d98c98faffdd0a40.txt',
    expected: { outlet: undefined, path: 'inputs/004_d98c98faffdd0a40.txt' },
  },
  {
    name: 'the front matter names the outlet of a generated file name',
    raw: `---\noutlet: The Daily Ledger\n---\n${BODY}`,
    path: 'inputs/3f2a9c1d-7b4e-4e8a-9d2f-1a2b3c4d5e6f.txt',
    expected: { outlet: 'The Daily Ledger' },
  },
  {
    name: "the outlet's newsletter box names the outlet of a generated file name, with a note",
    raw: ` date 2024-02-20 Sign up to our free breaking news emails SIGN UP I would like to be emailed about offers, events and updates from The Independent. Read our privacy notice\n\n${BODY}`,
    path: 'inputs/003_2ed4e912679f257c.txt',
    expected: { outlet: 'The Independent', published: '2024-02-20' },
    codes: ['outlet-from-text'],
  },
  {
    name: 'a wire tag names the outlet before a chosen file name does',
    raw: `WASHINGTON (AFP) - ${BODY}`,
    path: 'inputs/ferry-story.txt',
    expected: { outlet: 'AFP' },
    codes: ['outlet-from-text'],
  },
  {
    name: 'the URL in the front matter names the outlet',
    raw: `---\nurl: https://www.theguardian.com/uk/ferry\n---\n${BODY}`,
    path: 'inputs/004_d98c98faffdd0a40.txt',
    expected: { outlet: 'The Guardian' },
    codes: ['outlet-from-text'],
  },
  {
    name: 'a photo credit names no outlet',
    raw: `The ferry at its berth. REUTERS\n\n${BODY}`,
    path: 'inputs/004_d98c98faffdd0a40.txt',
    expected: { outlet: undefined },
  },
  {
    name: 'unclosed front matter is read as text with a warning',
    raw: `---\ntitle: Ferry\n${BODY}`,
    expected: { title: undefined, body: `---\ntitle: Ferry\n${BODY}` },
    codes: ['front-matter-unclosed'],
  },
];

describe('parseArticleText: accepted inputs', () => {
  it.each(successes)('$name', ({ raw, path, expected, codes }) => {
    const result = parseArticleText(raw, path === undefined ? { id: 'a1' } : { id: 'a1', path });
    if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
    for (const [key, value] of Object.entries(expected)) {
      expect(result.article[key as keyof ArticleInput], key).toBe(value);
    }
    expect(result.article.id).toBe('a1');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(codes ?? []);
    for (const diagnostic of result.diagnostics) expect(diagnostic.message).toContain(path ?? 'a1');
  });
});

interface FailureCase {
  name: string;
  raw: string;
  reason: ParseFailureReason;
}

const failures: FailureCase[] = [
  { name: 'empty string', raw: '', reason: 'empty' },
  { name: 'only whitespace and a BOM', raw: '\uFEFF \r\n\t\n', reason: 'empty' },
  { name: 'binary (NUL characters)', raw: 'GIF89a\u0000\u0001\u0002', reason: 'binary' },
  { name: 'metadata but no body', raw: '---\ntitle: Ferry\n---\n\n', reason: 'no-text' },
  { name: 'a date prefix and nothing else', raw: 'date 2024-02-20', reason: 'no-text' },
];

describe('parseArticleText: rejected inputs', () => {
  it.each(failures)('$name → $reason', ({ raw, reason }) => {
    const result = parseArticleText(raw, { id: 'a2', path: 'in/a2.txt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message).toContain('in/a2.txt');
  });
});

describe('fileStem', () => {
  it.each([
    ['a/b/the-daily-ledger.txt', 'the-daily-ledger'],
    ['003_2ed4e912679f257c.txt', '003_2ed4e912679f257c'],
    ['C:\\news\\story.final.md', 'story.final'],
    ['no-extension', 'no-extension'],
    ['.hidden', '.hidden'],
  ])('%s → %s', (path, stem) => {
    expect(fileStem(path)).toBe(stem);
  });
});
