import { describe, expect, it } from 'vitest';
import type { QuoteForm } from '../src/model/index.js';
import { extractMentions } from '../src/stages/mentions.js';
import { extractQuotes } from '../src/stages/quotes.js';
import { segment } from '../src/text/segment.js';

function quotesOf(text: string) {
  const segmentation = segment(text);
  return extractQuotes(text, segmentation, extractMentions(text, segmentation));
}

interface Expected {
  text: string;
  form: QuoteForm;
  speaker?: string;
}

function simplify(text: string): Expected[] {
  return quotesOf(text).map((quote) => {
    const simple: Expected = { text: quote.text, form: quote.form };
    if (quote.speaker !== undefined) simple.speaker = quote.speaker;
    return simple;
  });
}

describe('extractQuotes: attribution patterns', () => {
  const cases: Array<{ name: string; text: string; expected: Expected[] }> = [
    {
      name: 'name + said after the quote, title dropped',
      text: '"We will rebuild the bridge," Mayor Hanna Olsen said on Friday.',
      expected: [{ text: 'We will rebuild the bridge', form: 'direct', speaker: 'Hanna Olsen' }],
    },
    {
      name: 'title with a full stop and a party tag before the verb',
      text: '"We have a deal on the bridge," Sen. Odile Varga (R-Vale) told reporters on Monday.',
      expected: [{ text: 'We have a deal on the bridge', form: 'direct', speaker: 'Odile Varga' }],
    },
    {
      name: 'inverted order with an abbreviated title',
      text: '"We continue to talk in good faith," said Gov. Piet Hanssen, who leads the talks.',
      expected: [{ text: 'We continue to talk in good faith', form: 'direct', speaker: 'Piet Hanssen' }],
    },
    {
      name: 'name, appositive between commas, then the verb',
      text: '"The ruling stands until the appeal," Judge Ilse Moran, a veteran of the court, wrote.',
      expected: [{ text: 'The ruling stands until the appeal', form: 'direct', speaker: 'Ilse Moran' }],
    },
    {
      name: 'a described speaker after the quote: "his family said"',
      text: 'Port director Ivo Marek died on Sunday. "We have lost a kind and patient man," his family said.',
      expected: [{ text: 'We have lost a kind and patient man', form: 'direct', speaker: 'his family' }],
    },
    {
      name: 'Mr. with a full stop before the verb',
      text: '"The ferry will sail again," Mr. Hanssen said as he left the quay.',
      expected: [{ text: 'The ferry will sail again', form: 'direct', speaker: 'Mr. Hanssen' }],
    },
    {
      name: 'negative: no attribution is invented from a later clause',
      text: 'After calling the plan "a costly and needless mistake," Mayor Ada Brook voted for it, the Harbour Herald reported.',
      expected: [{ text: 'a costly and needless mistake', form: 'partial' }],
    },
    {
      name: '"he said" resolves to the person of the previous sentence',
      text: 'Port director Ivo Marek arrived at noon. "The cranes are ready," he said.',
      expected: [{ text: 'The cranes are ready', form: 'direct', speaker: 'Ivo Marek' }],
    },
    {
      name: 'inverted order: said + title + name',
      text: '"The cranes are ready," said harbour spokesman Ivo Marek.',
      expected: [{ text: 'The cranes are ready', form: 'direct', speaker: 'Ivo Marek' }],
    },
    {
      name: 'X said: "…"',
      text: 'Ivo Marek said: "Work starts tomorrow at the northern pier."',
      expected: [
        { text: 'Work starts tomorrow at the northern pier.', form: 'direct', speaker: 'Ivo Marek' },
      ],
    },
    {
      name: '"she wrote on Telegram" looks for a woman',
      text: 'Council spokeswoman Lena Fischer met the crews. "Nobody was hurt in the fire," she wrote on Telegram.',
      expected: [{ text: 'Nobody was hurt in the fire', form: 'direct', speaker: 'Lena Fischer' }],
    },
    {
      name: '"she" with only a man before stays unresolved',
      text: 'Ivo Marek arrived late. "Nobody was hurt in the fire," she said.',
      expected: [{ text: 'Nobody was hurt in the fire', form: 'direct', speaker: 'she' }],
    },
    {
      name: 'an agency quoting her: the speaker is her, not the agency',
      text: 'Lena Fischer, the mayor\'s sister, toured the port. "The gift shows our friendship," the Baltic Press Agency quoted her as saying.',
      expected: [{ text: 'The gift shows our friendship', form: 'direct', speaker: 'Lena Fischer' }],
    },
    {
      name: 'an unattributed quote continues the previous speaker',
      text: '"The bridge is safe," Ivo Marek said. "We checked every bolt twice."',
      expected: [
        { text: 'The bridge is safe', form: 'direct', speaker: 'Ivo Marek' },
        { text: 'We checked every bolt twice.', form: 'direct', speaker: 'Ivo Marek' },
      ],
    },
    {
      name: 'subject right before a partial quote speaks it, even when an agency reports it',
      text: 'Ms Fischer “thanked the crews for their tireless work,” the Baltic Press Agency reported.',
      expected: [
        { text: 'thanked the crews for their tireless work', form: 'partial', speaker: 'Ms Fischer' },
      ],
    },
    {
      name: 'a descriptor subject ("Marek\'s deputy") speaks a partial quote',
      text: 'Marek\'s deputy "refused to comment on the figures," the agency reported.',
      expected: [{ text: 'refused to comment on the figures', form: 'partial', speaker: "Marek's deputy" }],
    },
    {
      name: 'a quote inside a quote stays inside the outer quote',
      text: '"I heard him shout \'run for the exit\' twice," the guard said.',
      expected: [
        { text: "I heard him shout 'run for the exit' twice", form: 'direct', speaker: 'the guard' },
      ],
    },
    {
      name: '"the official said" after "said a city official" is the same speaker; short quotes count when attributed',
      text: '"Costs will rise," said a city official. "Prices too," the official said.',
      expected: [
        { text: 'Costs will rise', form: 'direct', speaker: 'a city official' },
        { text: 'Prices too', form: 'direct', speaker: 'a city official' },
      ],
    },
    {
      name: '"the mayor said" is the one mayor the text named before; "a spokesman" stays anonymous',
      text: 'Mayor Hanna Olsen closed the pier. "The pier stays shut," the mayor said. "Not for long," a spokesman said.',
      expected: [
        { text: 'The pier stays shut', form: 'direct', speaker: 'Hanna Olsen' },
        { text: 'Not for long', form: 'direct', speaker: 'a spokesman' },
      ],
    },
    {
      name: 'reported speech: X said that …',
      text: 'Mayor Hanna Olsen said that the repairs would cost far more than planned.',
      expected: [
        { text: 'the repairs would cost far more than planned', form: 'reported', speaker: 'Hanna Olsen' },
      ],
    },
    {
      name: 'reported speech: dismissed any notion that …',
      text: 'Foreign Ministry spokeswoman Lena Fischer dismissed any notion that the port had been sold.',
      expected: [{ text: 'the port had been sold', form: 'reported', speaker: 'Lena Fischer' }],
    },
    {
      name: 'reported speech: "…, the agency said"',
      text: 'The ferry will resume service next week after repairs, the Baltic Press Agency said on Monday.',
      expected: [
        {
          text: 'The ferry will resume service next week after repairs',
          form: 'reported',
          speaker: 'Baltic Press Agency',
        },
      ],
    },
    {
      name: 'negative: apostrophes and a one-word scare quote are not quotes',
      text: 'The mayor’s office said the city’s budget was ‘balanced’ and the workers’ union agreed.',
      expected: [],
    },
    {
      name: 'negative: "he said" with no quote and no clause is not a quote',
      text: 'Marek laughed, and he said nothing more.',
      expected: [],
    },
    {
      name: 'negative: unattributed scare quotes of two words are skipped',
      text: 'The so-called “peace plan” was rejected by everyone.',
      expected: [],
    },
    {
      name: 'negative: passive "is said to" is not reported speech',
      text: 'The old mayor is said to have loved the harbour more than anything.',
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    expect(simplify(text)).toEqual(expected);
  });

  it.each(cases)('spans point into the text: $name', ({ text }) => {
    for (const quote of quotesOf(text)) {
      expect(text.slice(quote.start, quote.end)).toBe(quote.text);
      if (quote.speakerSpan) expect(quote.speakerSpan.end).toBeGreaterThan(quote.speakerSpan.start);
    }
  });

  it('records where the resolved name stands, not the pronoun', () => {
    const text = 'Port director Ivo Marek arrived at noon. "The cranes are ready," he said.';
    const [quote] = quotesOf(text);
    expect(quote?.speakerSpan).toBeDefined();
    expect(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe('Ivo Marek');
  });

  it('a quote spanning two sentences covers both', () => {
    const text = '"The pier is closed. It opens again in May," Ivo Marek said.';
    const [quote] = quotesOf(text);
    expect(quote?.text).toBe('The pier is closed. It opens again in May');
    expect(quote?.sentenceEnd).toBeGreaterThanOrEqual(quote!.sentenceStart);
  });

  it.fails('known failure: attribution split from its quote by a full stop ("…." She added.) is not found', () => {
    const text = 'Lena Fischer spoke first. "We are ready." Then, after a pause, Fischer added nothing.';
    expect(simplify(text)[0]?.speaker).toBe('Lena Fischer');
  });
});
