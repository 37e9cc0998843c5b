import { describe, expect, it } from 'vitest';
import type { EntityIndex, QuoteFidelity, QuoteForm, QuoteGroup } from '../src/model/index.js';
import { assessQuotes, quoteFidelity } from '../src/stages/quote-fidelity.js';

const FULLEST =
  'The harbour will stay shut until the divers finish. I will not risk the lives of our neighbours.';

describe('quoteFidelity', () => {
  const cases: { name: string; text: string; form?: QuoteForm; fidelity: QuoteFidelity }[] = [
    { name: 'the same words', text: FULLEST, fidelity: 'verbatim' },
    {
      name: 'the same words, other punctuation and case',
      text: FULLEST.toLowerCase().replace('.', ';'),
      fidelity: 'verbatim',
    },
    {
      name: 'American spelling',
      text: FULLEST.replace('neighbours', 'neighbors'),
      fidelity: 'spelling-variant',
    },
    {
      name: 'the first sentence only',
      text: 'The harbour will stay shut until the divers finish.',
      fidelity: 'trimmed',
    },
    {
      name: 'the end only, lower case',
      text: 'will not risk the lives of our neighbours',
      fidelity: 'trimmed',
    },
    {
      name: 'a word changed in the middle',
      text: 'The harbour will stay closed until the divers finish. I will not risk the lives of our neighbours.',
      fidelity: 'altered',
    },
    {
      name: 'other words for the same idea',
      text: 'nobody will take chances with the safety of anyone here',
      fidelity: 'paraphrase',
    },
    {
      name: 'reported speech',
      text: 'the harbour would stay shut until the divers finished',
      form: 'reported',
      fidelity: 'reported',
    },
    { name: 'one word in common', text: 'the lives of sailors matter most', fidelity: 'paraphrase' },
  ];
  it.each(cases)('$name → $fidelity', ({ text, form, fidelity }) => {
    expect(quoteFidelity({ text, form: form ?? 'direct' }, FULLEST)).toBe(fidelity);
  });

  it('ignores honorifics added as house style', () => {
    expect(
      quoteFidelity(
        { text: 'thanks to Mr Okoro for his work', form: 'partial' },
        'thanks to Okoro for his work',
      ),
    ).toBe('verbatim');
  });
});

describe('assessQuotes', () => {
  const entities: EntityIndex = {
    entities: [
      { name: 'Ada Okoro', type: 'person', aliases: ['Ms Okoro'], sources: ['a', 'b'], mentions: 2 },
      { name: 'Ben Lutz', type: 'person', aliases: [], sources: ['c'], mentions: 1 },
      { name: 'Harbour Office', type: 'organization', aliases: [], sources: ['c'], mentions: 1 },
    ],
    canonicalName: (_source, surface) =>
      ({
        'Ada Okoro': 'Ada Okoro',
        'Ms Okoro': 'Ada Okoro',
        Okoro: 'Ada Okoro',
        'Ben Lutz': 'Ben Lutz',
        'Harbour Office': 'Harbour Office',
      })[surface],
  };
  const variant = (source: string, text: string, speaker?: string) => ({
    source,
    text,
    direct: true,
    form: 'direct' as const,
    ...(speaker === undefined ? {} : { speaker }),
    evidence: { source, start: 0, end: text.length, text },
  });
  const group = (variants: ReturnType<typeof variant>[]): QuoteGroup => ({
    speaker: 'Ada Okoro',
    text: FULLEST,
    sources: [...new Set(variants.map((item) => item.source))],
    variants,
  });

  it('adds fidelity per variant and flags changed words inside quotation marks', () => {
    const [assessed] = assessQuotes(
      [
        group([
          variant('a', FULLEST, 'Ada Okoro'),
          variant('b', 'nobody will take chances with the safety of anyone here', 'Ms Okoro'),
        ]),
      ],
      entities,
    );
    expect(assessed?.variants.map((item) => [item.fidelity, item.paraphraseInQuotes ?? false])).toEqual([
      ['verbatim', false],
      ['paraphrase', true],
    ]);
    expect(assessed?.conflictingSpeakers).toBeUndefined();
  });

  const speakerCases: { name: string; speakers: (string | undefined)[]; conflicting?: string[] }[] = [
    { name: 'two people', speakers: ['Ada Okoro', 'Ben Lutz'], conflicting: ['Ada Okoro', 'Ben Lutz'] },
    { name: 'one person under two names', speakers: ['Ada Okoro', 'Okoro'] },
    { name: 'a pronoun', speakers: ['Ada Okoro', 'she'] },
    { name: 'a person and an organisation', speakers: ['Ada Okoro', 'Harbour Office'] },
    { name: 'an unknown speaker', speakers: ['Ada Okoro', undefined] },
  ];
  it.each(speakerCases)('speakers: $name', ({ speakers, conflicting }) => {
    const [assessed] = assessQuotes(
      [group(speakers.map((speaker, index) => variant(String.fromCharCode(97 + index), FULLEST, speaker)))],
      entities,
    );
    expect(assessed?.conflictingSpeakers).toEqual(conflicting);
  });
});
