import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle, QuoteGroup } from '../src/model/index.js';
import { mergeEntities } from '../src/stages/entities.js';
import { extractMentions } from '../src/stages/mentions.js';
import { groupQuotes, quoteWords, sameQuote } from '../src/stages/quote-groups.js';
import { extractQuotes } from '../src/stages/quotes.js';
import { segment } from '../src/text/segment.js';

/** Builds an analysed article from a body with this helper's extractors only (no cleaning, no dates). */
function analyze(id: string, raw: string): AnalyzedArticle {
  const text = raw.replace(/^\s*date (\d{4}-\d{2}-\d{2})\s+/, '');
  const segmentation = segment(text);
  const mentions = extractMentions(text, segmentation);
  const quotes = extractQuotes(text, segmentation, mentions);
  return { source: { id, text }, segmentation, mentions, dates: [], quotes, diagnostics: [] };
}

function expectEvidenceVerifies(groups: readonly QuoteGroup[], articles: readonly AnalyzedArticle[]): void {
  const texts = new Map(articles.map((article) => [article.source.id, article.source.text]));
  for (const group of groups) {
    for (const variant of group.variants) {
      const { source, start, end, text } = variant.evidence;
      expect(texts.get(source)?.slice(start, end)).toBe(text);
      expect(variant.source).toBe(source);
    }
  }
}

describe('sameQuote', () => {
  it.each([
    { left: 'Our neighbours are our friends', right: 'our neighbors are our friends', same: true },
    { left: 'the harbour will reopen in spring', right: 'will reopen in spring', same: true },
    { left: 'the harbour will reopen in spring', right: 'the airport will close in winter', same: false },
    { left: 'of the two countries', right: 'between the two countries today', same: false },
    {
      left: 'we checked every bolt on the bridge twice before the opening ceremony',
      right: 'engineers said we checked every bolt on the bridge twice, and more',
      same: true,
    },
  ])('"$left" vs "$right" → $same', ({ left, right, same }) => {
    expect(sameQuote(quoteWords(left), quoteWords(right))).toBe(same);
  });
});

describe('groupQuotes on an invented story', () => {
  const articles = [
    analyze(
      'north',
      'Harbour director Ivo Marek spoke on Monday. "The harbour is our neighbour and our future," he said. ' +
        '"Costs will rise," said a city official.',
    ),
    analyze('south', 'Mr Marek said the "harbour is our neighbor and our future" in a short speech.'),
    analyze('west', 'Council spokeswoman Lena Fischer disagreed. "Nobody asked the fishermen," she wrote.'),
  ];
  const entities = mergeEntities(articles);
  const groups = groupQuotes(articles, entities);

  it('joins a partial quote with the full one across sources, with the canonical speaker', () => {
    const harbour = groups.find((group) => group.text.includes('harbour is our neighbour'));
    expect(harbour?.sources).toEqual(['north', 'south']);
    expect(harbour?.speaker).toBe('Ivo Marek');
    expect(harbour?.text).toBe('The harbour is our neighbour and our future');
    expect(harbour?.variants.map((variant) => [variant.form, variant.direct])).toEqual([
      ['direct', true],
      ['partial', true],
    ]);
  });

  it('keeps unrelated quotes apart and sorts by number of sources', () => {
    expect(groups.map((group) => group.sources.length)).toEqual([2, 1, 1]);
    expect(groups.find((group) => group.text === 'Nobody asked the fishermen')?.speaker).toBe('Lena Fischer');
  });

  it('falls back to the written speaker when it names no entity', () => {
    expect(groups.find((group) => group.text === 'Costs will rise')?.speaker).toBe('a city official');
  });

  it('every evidence span verifies', () => {
    expectEvidenceVerifies(groups, articles);
  });

  it('gives a null speaker when no variant has one', () => {
    const lone = [analyze('x', 'The report described a “slow and very costly recovery for the town” ahead.')];
    const [group] = groupQuotes(lone, mergeEntities(lone));
    expect(group?.speaker).toBeNull();
  });
});

const seedsDirectory = new URL('../../shared/seeds/', import.meta.url);
const haveSeeds = existsSync(seedsDirectory);
if (!haveSeeds)
  console.warn(`quote-groups.test: ${seedsDirectory.pathname} is absent, seed acceptance skipped`);

describe.skipIf(!haveSeeds)('groupQuotes on the seed articles', () => {
  const articles = haveSeeds
    ? readdirSync(seedsDirectory)
        .filter((file) => file.endsWith('.txt'))
        .sort()
        .map((file) =>
          analyze(file.replace(/\.txt$/, ''), readFileSync(new URL(file, seedsDirectory), 'utf8')),
        )
    : [];
  const entities = mergeEntities(articles);
  const groups = groupQuotes(articles, entities);
  const sister = entities.entities.find(
    (entity) => entity.name === 'Kim Yo Jong' || entity.name === 'Kim Yo-jong',
  );

  it('the "special personal relations" quote is one group of all five sources, spoken by Kim Yo Jong', () => {
    const matching = groups.filter((group) =>
      group.variants.some((variant) => variant.text.includes('special personal relations')),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]!.sources).toHaveLength(articles.length);
    expect(sister).toBeDefined();
    expect(matching[0]!.speaker).toBe(sister!.name);
  });

  it('Peskov\'s "Kim liked this car" is one group with the two sources that carry it', () => {
    const carrying = articles.filter((article) => article.source.text.includes('Kim liked this car'));
    const matching = groups.filter((group) => group.text.includes('Kim liked this car'));
    expect(matching).toHaveLength(1);
    expect(matching[0]!.sources).toEqual(carrying.map((article) => article.source.id));
    expect(carrying).toHaveLength(2);
    expect(matching[0]!.speaker).toBe('Dmitry Peskov');
  });

  it("Zakharova's Telegram quote belongs to its one source and to her", () => {
    const carrying = articles.filter((article) => article.source.text.includes('wrote on Telegram'));
    expect(carrying).toHaveLength(1);
    const source = carrying[0]!;
    const attribution = source.source.text.indexOf('wrote on Telegram');
    // The quote is the one whose closing words stand just before "…," she wrote on Telegram.
    const matching = groups.filter((group) =>
      group.variants.some(
        (variant) =>
          variant.source === source.source.id &&
          variant.evidence.end < attribution &&
          attribution - variant.evidence.end < 12,
      ),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]!.sources).toEqual([source.source.id]);
    expect(matching[0]!.speaker).toBe('Maria Zakharova');
  });

  it('every evidence span verifies', () => {
    expectEvidenceVerifies(groups, articles);
  });
});
