import { describe, expect, it } from 'vitest';
import { segment, splitParagraphs, tokenize } from '../src/text/segment.js';

// Every text below is invented for these tests.

interface SentenceCase {
  name: string;
  text: string;
  sentences: string[];
  knownFailure?: boolean;
}

const sentenceCases: SentenceCase[] = [
  {
    name: 'an honorific without a full stop',
    text: 'Mr Lund met the mayor. Mr Lund left at noon.',
    sentences: ['Mr Lund met the mayor.', 'Mr Lund left at noon.'],
  },
  {
    name: 'an honorific with a full stop',
    text: 'Mr. Lund met Dr. Aalto at the port. They spoke for an hour.',
    sentences: ['Mr. Lund met Dr. Aalto at the port.', 'They spoke for an hour.'],
  },
  {
    name: 'an abbreviated month before a day',
    text: 'The ferry sailed on Feb. 18 from the harbour. It returned on Mar. 2.',
    sentences: ['The ferry sailed on Feb. 18 from the harbour.', 'It returned on Mar. 2.'],
  },
  {
    name: 'an initialism inside a sentence',
    text: 'The U.N. Security Council met on Monday. The U.S. envoy spoke first.',
    sentences: ['The U.N. Security Council met on Monday.', 'The U.S. envoy spoke first.'],
  },
  {
    name: 'an initialism ending a sentence before a usual opener',
    text: 'The delegation flew to the U.S. The talks begin on Friday.',
    sentences: ['The delegation flew to the U.S.', 'The talks begin on Friday.'],
  },
  {
    name: 'amounts with decimal points and separators',
    text: 'The bridge repairs cost $1.2 million. A second estimate put them at £350,000 ($522,354; €493,194) more.',
    sentences: [
      'The bridge repairs cost $1.2 million.',
      'A second estimate put them at £350,000 ($522,354; €493,194) more.',
    ],
  },
  {
    name: 'a magnitude whose decimal point a tokeniser spaced out',
    text: 'A magnitude - 5. 9 shook the island. The 6. 1 - magnitude quake struck Qeshm. It was 4. 8 on the Richter scale.',
    sentences: [
      'A magnitude - 5. 9 shook the island.',
      'The 6. 1 - magnitude quake struck Qeshm.',
      'It was 4. 8 on the Richter scale.',
    ],
  },
  {
    name: 'a sentence ending on a figure before one opening on a figure',
    text: 'The score was 3. 12 people were hurt.',
    sentences: ['The score was 3.', '12 people were hurt.'],
  },
  {
    name: 'a quotation spanning two sentences',
    text: '"We will reopen the lane. Nobody will cross before then," the engineer said. Work starts today.',
    sentences: [
      '"We will reopen the lane.',
      'Nobody will cross before then," the engineer said.',
      'Work starts today.',
    ],
  },
  {
    name: 'a sentence ending inside closing quotation marks',
    text: 'She called the plan “a bold bet.” The council agreed.',
    sentences: ['She called the plan “a bold bet.”', 'The council agreed.'],
  },
  {
    name: 'a weekday with a bracketed date',
    text: 'The agency said on Tuesday (Feb 20) that the road had reopened. Traffic resumed.',
    sentences: ['The agency said on Tuesday (Feb 20) that the road had reopened.', 'Traffic resumed.'],
  },
  {
    name: 'a question and an exclamation',
    text: 'Will the ferry run? Nobody knows! The port is closed.',
    sentences: ['Will the ferry run?', 'Nobody knows!', 'The port is closed.'],
  },
  {
    name: 'a lower-case word after a full stop is no new sentence',
    text: 'The vote passed 12 vs. 3 in the end. It was close.',
    sentences: ['The vote passed 12 vs. 3 in the end.', 'It was close.'],
  },
  {
    name: 'an initial in a name',
    text: 'John F. Lund signed the order. It took effect at once.',
    sentences: ['John F. Lund signed the order.', 'It took effect at once.'],
  },
  {
    // A company abbreviation before a capitalised name is read as mid-sentence.
    name: 'a company abbreviation that ends a sentence before a name',
    text: 'The contract went to Brightline Inc. Lund said so.',
    sentences: ['The contract went to Brightline Inc.', 'Lund said so.'],
    knownFailure: true,
  },
];

describe('segment: sentences', () => {
  it.each(sentenceCases.filter((item) => !item.knownFailure))('$name', ({ text, sentences }) => {
    const result = segment(text);
    expect(result.sentences.map((sentence) => sentence.text)).toEqual(sentences);
    for (const sentence of result.sentences)
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it.fails.each(sentenceCases.filter((item) => item.knownFailure))(
    'known failure: $name',
    ({ text, sentences }) => {
      expect(segment(text).sentences.map((sentence) => sentence.text)).toEqual(sentences);
    },
  );
});

describe('segment: paragraphs', () => {
  it.each([
    ['blank lines separate paragraphs', 'One here.\n\nTwo there.', ['One here.', 'Two there.']],
    [
      'a single line break separates a headline from the text',
      'A headline\nThe text begins.',
      ['A headline', 'The text begins.'],
    ],
    [
      'a hard-wrapped sentence stays one paragraph',
      'The ferry left the\nharbour at dawn.',
      ['The ferry left the\nharbour at dawn.'],
    ],
    ['CRLF line ends', 'One here.\r\n\r\nTwo there.', ['One here.', 'Two there.']],
    ['an empty text has none', '  \n\n ', []],
  ])('%s', (_name, text, paragraphs) => {
    expect(splitParagraphs(text).map(([start, end]) => text.slice(start, end))).toEqual(paragraphs);
  });

  it('never lets a sentence cross a paragraph', () => {
    const text = 'A headline without a stop\nThe first sentence. The second.';
    const { sentences, paragraphs } = segment(text);
    expect(sentences.map((sentence) => sentence.paragraph)).toEqual([0, 1, 1]);
    expect(paragraphs).toHaveLength(2);
  });
});

describe('tokenize', () => {
  it.each([
    ['hyphenated names stay whole', 'Kim Jong-un', ['Kim', 'Jong-un']],
    ['possessives stay with their word', "Kim's sister", ["Kim's", 'sister']],
    ['numbers keep their separators', '£350,000 and $1.2', ['£', '350,000', 'and', '$', '1.2']],
    ['model codes stay whole', 'a Maybach S600', ['a', 'Maybach', 'S600']],
    ['punctuation is its own token', 'Yes, (no).', ['Yes', ',', '(', 'no', ')', '.']],
    ['curly apostrophes normalise', 'Kim’s', ['Kim’s']],
  ])('%s', (_name, text, tokens) => {
    const result = tokenize(text);
    expect(result.map((token) => token.text)).toEqual(tokens);
    for (const token of result) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('normalises case, accents and apostrophes', () => {
    expect(tokenize('Kim’s Café').map((token) => token.normal)).toEqual(["kim's", 'cafe']);
  });

  it('classifies tokens', () => {
    expect(tokenize('Lund paid $5.').map((token) => token.kind)).toEqual([
      'word',
      'word',
      'symbol',
      'number',
      'punctuation',
    ]);
  });
});
