import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle, Entity } from '../src/model/index.js';
import { mergeEntities } from '../src/stages/entities.js';
import { extractMentions } from '../src/stages/mentions.js';
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

function entityNamed(entities: readonly Entity[], name: string): Entity | undefined {
  return entities.find((entity) => entity.name === name || entity.aliases.includes(name));
}

// Invented story: a president, his sister, their late father, an agency with an acronym.
const invented = [
  analyze(
    'a',
    "President Adam Kowalczyk visited Lisbon on Monday. Kowalczyk's sister, Maja Kowalczyk, thanked the hosts in a statement. " +
      "Mr Kowalczyk later met the Baltic Shipping Agency (BSA). Kowalczyk's father, Piotr Kowalczyk, ruled before him. " +
      'Adam Kowalczyk met Park Min Ho.',
  ),
  analyze(
    'b',
    'Adam Kowalczyk arrived in Lisbon. Ms Kowalczyk said she was pleased. Kowalczyk spoke to the BSA. ' +
      'The Baltic Shipping Agency welcomed him. Park Min-ho did not attend.',
  ),
  analyze('c', 'Adam Kowalczyk and Maja Kowalczyk left early. Adam Kowalczyk waved.'),
];

describe('mergeEntities on an invented story', () => {
  const index = mergeEntities(invented);

  it.each([
    { name: 'Adam Kowalczyk', aliases: ['Mr Kowalczyk', 'Kowalczyk'] },
    { name: 'Maja Kowalczyk', aliases: ['Ms Kowalczyk', "Kowalczyk's sister"] },
    { name: 'Park Min Ho', aliases: ['Park Min-ho'] },
  ])('$name carries its aliases', ({ name, aliases }) => {
    const entity = index.entities.find((candidate) => candidate.name === name);
    expect(entity).toBeDefined();
    for (const alias of aliases) expect(entity!.aliases).toContain(alias);
  });

  it('keeps a different full name apart (the father is not the president)', () => {
    const father = index.entities.find((entity) => entity.name === 'Piotr Kowalczyk');
    expect(father).toBeDefined();
    expect(entityNamed(index.entities, 'Adam Kowalczyk')?.aliases).not.toContain('Piotr Kowalczyk');
  });

  it('links an acronym to the name it was defined with', () => {
    const agency = entityNamed(index.entities, 'BSA');
    expect(
      agency?.name === 'Baltic Shipping Agency' || agency?.aliases.includes('Baltic Shipping Agency'),
    ).toBe(true);
    expect(agency?.sources).toEqual(['a', 'b']);
  });

  it.each([
    { source: 'a', surface: 'Mr Kowalczyk', expected: 'Adam Kowalczyk' },
    { source: 'b', surface: 'Ms Kowalczyk', expected: 'Maja Kowalczyk' },
    { source: 'b', surface: 'Kowalczyk', expected: 'Adam Kowalczyk' },
    { source: 'c', surface: "Kowalczyk's sister", expected: 'Maja Kowalczyk' },
    { source: 'c', surface: 'Kowalczyk’s father', expected: 'Piotr Kowalczyk' },
    { source: 'c', surface: 'Maja', expected: 'Maja Kowalczyk' },
    { source: 'b', surface: 'Baltic Shipping Agency', expected: entityNamed(index.entities, 'BSA')?.name },
    { source: 'a', surface: 'nobody we know', expected: undefined },
    { source: 'a', surface: 'he', expected: undefined },
  ])('canonicalName($source, $surface)', ({ source, surface, expected }) => {
    expect(index.canonicalName(source, surface)).toBe(expected);
  });

  it('sorts entities by mentions, most first', () => {
    const counts = index.entities.map((entity) => entity.mentions);
    expect(counts).toEqual([...counts].sort((left, right) => right - left));
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(invented.map((article) => article.mentions));
    mergeEntities(invented);
    expect(JSON.stringify(invented.map((article) => article.mentions))).toBe(before);
  });
});

const seedsDirectory = new URL('../../shared/seeds/', import.meta.url);
const haveSeeds = existsSync(seedsDirectory);
if (!haveSeeds) console.warn(`entities.test: ${seedsDirectory.pathname} is absent, seed acceptance skipped`);

describe.skipIf(!haveSeeds)('mergeEntities on the seed articles', () => {
  const articles = haveSeeds
    ? readdirSync(seedsDirectory)
        .filter((file) => file.endsWith('.txt'))
        .sort()
        .map((file) =>
          analyze(file.replace(/\.txt$/, ''), readFileSync(new URL(file, seedsDirectory), 'utf8')),
        )
    : [];
  const index = mergeEntities(articles);

  it('merges Kim Jong Un with Kim Jong-un, Mr Kim and Kim, but not Kim Jong-il', () => {
    const kim = index.entities.find((entity) => entity.name === 'Kim Jong Un');
    expect(kim?.aliases).toEqual(expect.arrayContaining(['Kim Jong-un', 'Mr Kim', 'Kim']));
    expect(kim?.aliases).not.toContain('Kim Jong-il');
    expect(index.entities.some((entity) => entity.name === 'Kim Jong-il')).toBe(true);
  });

  it('merges Kim Yo Jong with her written forms, Ms Kim and "Kim\'s sister"', () => {
    const sister = index.entities.find(
      (entity) => entity.name === 'Kim Yo Jong' || entity.name === 'Kim Yo-jong',
    );
    expect(sister).toBeDefined();
    const forms = [sister!.name, ...sister!.aliases];
    expect(forms).toEqual(expect.arrayContaining(['Kim Yo-jong', 'Yo Jong', 'Ms Kim']));
    const first = articles[0]!.source.id;
    expect(index.canonicalName(articles[2]!.source.id, "Kim's sister")).toBe(sister!.name);
    expect(index.canonicalName(first, 'Kim Yo-jong')).toBe(sister!.name);
  });

  it('makes KCNA one entity with its full name', () => {
    const agencies = index.entities.filter(
      (entity) =>
        entity.name === 'KCNA' ||
        entity.aliases.includes('KCNA') ||
        entity.name === 'Korean Central News Agency',
    );
    expect(agencies).toHaveLength(1);
    expect([agencies[0]!.name, ...agencies[0]!.aliases]).toEqual(
      expect.arrayContaining(['KCNA', 'Korean Central News Agency']),
    );
  });

  it('merges Vladimir Putin with Putin and Mr Putin', () => {
    const putin = index.entities.find((entity) => entity.name === 'Vladimir Putin');
    expect(putin?.aliases).toEqual(expect.arrayContaining(['Putin', 'Mr Putin']));
  });

  it('every mention span of every article verifies', () => {
    for (const article of articles) {
      for (const mention of article.mentions) {
        expect(article.source.text.slice(mention.start, mention.end)).toBe(mention.text);
      }
    }
  });
});
