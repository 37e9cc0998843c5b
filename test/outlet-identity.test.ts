import { describe, expect, it } from 'vitest';
import { outletFromText } from '../src/pipeline/synthesize.js';
import {
  identifyOutlet,
  type OutletClueKind,
  readableFileName,
  readableSourceName,
  registrableDomain,
} from '../src/text/outlet-identity.js';

const STORY = 'The ferry was back in service on Monday, the operator said.';

describe('identifyOutlet: the clues an article gives of its own outlet', () => {
  it.each<[string, string, string | undefined, string, OutletClueKind]>([
    ['a wire tag', `(Reuters) - ${STORY}`, undefined, 'Reuters', 'wire-tag'],
    ['an AP tag with an em dash', `(AP) — ${STORY}`, undefined, 'The Associated Press', 'wire-tag'],
    ['a tag after a dateline city', `WASHINGTON (AFP) - ${STORY}`, undefined, 'AFP', 'wire-tag'],
    [
      'a tag after a city and a date',
      `LONDON, Feb 20 (Reuters) - ${STORY}`,
      undefined,
      'Reuters',
      'wire-tag',
    ],
    ['an unlisted agency acronym', `SINGAPORE (CNA) - ${STORY}`, undefined, 'CNA', 'wire-tag'],
    [
      'a tag under a headline',
      `Ferry returns\n\nSEOUL (Yonhap) -- ${STORY}`,
      undefined,
      'Yonhap',
      'wire-tag',
    ],
    [
      "the outlet's newsletter sign-up",
      `Sign up to The Independent’s free Inside Washington email newsletter\n\n${STORY}`,
      undefined,
      'The Independent',
      'newsletter',
    ],
    [
      'the consent line of a sign-up box',
      `${STORY}\n\nSIGN UP I would like to be emailed about offers, events and updates from The Independent. Read our privacy notice`,
      undefined,
      'The Independent',
      'newsletter',
    ],
    ['a copyright line', `${STORY}\n\n© 2024 The Guardian`, undefined, 'The Guardian', 'copyright'],
    [
      'a copyright line with "All rights reserved"',
      `${STORY}\nCopyright 2024 The Associated Press. All rights reserved.`,
      undefined,
      'The Associated Press',
      'copyright',
    ],
    ['a known site', STORY, 'https://www.theguardian.com/world/2024/feb/20/x', 'The Guardian', 'known-site'],
    ['a known site under a subdomain', STORY, 'https://edition.cnn.com/2024/02/20/x', 'CNN', 'known-site'],
    ['a known site under a country suffix', STORY, 'https://news.bbc.co.uk/x', 'BBC News', 'known-site'],
    [
      'an unknown site: its registrable domain',
      STORY,
      'https://news.courier.example/x',
      'courier.example',
      'site',
    ],
    ['a leading URL line', `https://www.reuters.com/world/x\n\n${STORY}`, undefined, 'Reuters', 'known-site'],
    [
      'a known site beats a wire tag it carries',
      `(Reuters) - ${STORY}`,
      'https://www.independent.co.uk/news/x',
      'The Independent',
      'known-site',
    ],
    [
      "the site's domain beats the wire tag of the copy it carries",
      `(Reuters) - ${STORY}`,
      'https://bayherald.example/x',
      'bayherald.example',
      'site',
    ],
    [
      "the outlet's copyright beats an unknown domain",
      `${STORY}\n© 2025 The Aldous Courier`,
      'https://courier.example/x',
      'The Aldous Courier',
      'copyright',
    ],
  ])('%s', (_name, body, url, outlet, from) => {
    const clue = identifyOutlet(url === undefined ? { body } : { body, url });
    expect(clue?.outlet).toBe(outlet);
    expect(clue?.from).toBe(from);
  });

  // A photo credit names the picture's agency and a quoted agency is a source of the story: neither is
  // the article's publisher.
  it.each([
    ['a caption credit in capitals', `Kim and Putin met last year in Russia. REUTERS\n\n${STORY}`],
    ['a caption credit after a dash', `Kim and Putin at the cosmodrome - Yonhap\n\n${STORY}`],
    ['a "Photo:" credit', `Photo: AP\n\n${STORY}`],
    ['a "Photo:" credit with a copyright sign', `${STORY}\nPhoto: © 2024 Reuters`],
    ['a bare copyright under a picture', `${STORY}\n© Reuters`],
    ['an agency the story quotes', `The car arrived, state media outlet KCNA reported. ${STORY}`],
    [
      'an agency named in full and bracketed mid-sentence',
      `Putin gave Kim a car, according to the state-run Korean Central News Agency (KCNA). ${STORY}`,
    ],
    ['an agency quoted by a speaker', `"It is a gift," KCNA quoted her as saying.\n\n${STORY}`],
    ['a wire tag deep in the story, not at its start', `${'One.\n'.repeat(8)}(Reuters) - ${STORY}`],
    ['a label in brackets that is no agency', `(Updated) - ${STORY}`],
    ['a sign-up box that names no outlet', `Sign up to our newsletter for the latest news.\n\n${STORY}`],
    ['a local address', STORY, 'http://localhost:8080/x'],
    ['an address that is not a web page', STORY, 'javascript:alert(1)'],
  ])('no outlet from %s', (_name, body, url?: string) => {
    expect(identifyOutlet(url === undefined ? { body } : { body, url })).toBeUndefined();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.theguardian.com', 'theguardian.com'],
    ['edition.cnn.com', 'cnn.com'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['courier.example', 'courier.example'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('readable names for sources without an outlet', () => {
  it.each([
    ['seeds/000_2f3df334388c028e.txt', '000.txt'],
    ['a/bay-herald-3f2a9c1d7b4e4e8a.txt', 'bay-herald.txt'],
    ['3f2a9c1d-7b4e-4e8a-9d2f-1a2b3c4d5e6f.html', undefined],
    ['the-daily-ledger.txt', 'the-daily-ledger.txt'],
  ])('file %s → %s', (path, name) => {
    expect(readableFileName(path)).toBe(name);
  });

  it('prefers the outlet, then a file name with words, then the title, then a digits-only file name', () => {
    const hash = 'a'.repeat(32);
    expect(readableSourceName({ id: hash, outlet: 'Bay Herald', path: 'x/bay.txt' })).toBe('Bay Herald');
    expect(readableSourceName({ id: hash, path: 'x/bay-herald.txt', title: 'Ferry back' })).toBe(
      'bay-herald.txt',
    );
    expect(readableSourceName({ id: hash, path: 'x/000_2f3df334388c028e.txt', title: 'Ferry back' })).toBe(
      'Ferry back',
    );
    expect(readableSourceName({ id: hash, path: 'x/000_2f3df334388c028e.txt' })).toBe('000.txt');
    expect(readableSourceName({ id: 'civic-radio' })).toBe('civic-radio');
    // A store's content hash is never shown.
    expect(readableSourceName({ id: hash })).toBeUndefined();
  });
});

describe('outletFromText', () => {
  it('names an article without an outlet from its text, with a diagnostic saying from what', () => {
    const { article, diagnostics } = outletFromText({ id: 'a1', body: `(Reuters) - ${STORY}` });
    expect(article.outlet).toBe('Reuters');
    expect(diagnostics).toEqual([
      {
        source: 'a1',
        code: 'outlet-from-text',
        message: 'a1: outlet "Reuters", read from the wire tag opening the story "(Reuters) -"',
        severity: 'info',
      },
    ]);
  });

  it('keeps an outlet the metadata gives', () => {
    const input = { id: 'a1', outlet: 'Bay Herald', body: `(Reuters) - ${STORY}` };
    expect(outletFromText(input)).toEqual({ article: input, diagnostics: [] });
  });
});
