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

/** Whether two written forms end in one entity of the merged story. */
function sameEntity(entities: readonly Entity[], left: string, right: string): boolean {
  const holder = entityNamed(entities, left);
  return holder !== undefined && (holder.name === right || holder.aliases.includes(right));
}

describe('mergeEntities: name variants (invented stories)', () => {
  const cases: Array<{
    name: string;
    bodies: string[];
    left: string;
    right: string;
    merged: boolean;
    knownFailure?: boolean;
  }> = [
    {
      name: 'a short given name, a middle initial and a middle name are one person',
      bodies: [
        'Fred Quillan testified on Monday. Quillan said little.',
        'Frederick C. Quillan was the witness. Frederick Cheney Quillan, 70, declined to comment.',
      ],
      left: 'Fred Quillan',
      right: 'Frederick Cheney Quillan',
      merged: true,
    },
    {
      name: 'a listed short form with the same surname',
      bodies: ['Mo Delacorte coached the team. Delacorte left.', 'Maurice Delacorte was hired on Friday.'],
      left: 'Mo Delacorte',
      right: 'Maurice Delacorte',
      merged: true,
    },
    {
      name: 'a leading initial and a generational suffix are optional',
      bodies: ['W. Arlo Penning spoke to reporters.', 'Arlo Penning Sr said he was proud.'],
      left: 'Arlo Penning',
      right: 'Arlo Penning Sr',
      merged: true,
    },
    {
      name: 'negative: Sr and Jr are two people',
      bodies: ['Arlo Penning Sr said he was proud.', 'Arlo Penning Jr said nothing.'],
      left: 'Arlo Penning Sr',
      right: 'Arlo Penning Jr',
      merged: false,
    },
    {
      name: 'negative: two different middle names are two people',
      bodies: ['Frederick Alan Quillan spoke.', 'Frederick Boris Quillan spoke too.'],
      left: 'Frederick Alan Quillan',
      right: 'Frederick Boris Quillan',
      merged: false,
    },
    {
      name: 'negative: a short form another given name of the surname begins with stays apart',
      bodies: ['Fred Quillan spoke.', 'Frederick Quillan agreed. Fredrika Quillan, his sister, did not.'],
      left: 'Fred Quillan',
      right: 'Frederick Quillan',
      merged: false,
    },
    {
      name: 'negative: a different given name with the same surname',
      bodies: ['Tomas Quillan spoke.', 'Anton Quillan replied.'],
      left: 'Tomas Quillan',
      right: 'Anton Quillan',
      merged: false,
    },
    {
      name: 'negative: Korean-order names sharing two syllables stay apart',
      bodies: ['Park Min Ho visited Seoul.', 'Park Min Su, his brother, stayed home.'],
      left: 'Park Min Ho',
      right: 'Park Min Su',
      merged: false,
    },
    {
      name: 'organisation names differing by generic words are one',
      bodies: [
        'She checked into Harwick Recovery Center on Monday.',
        'Harwick Recovery said she arrived. Staff at Harwick were told.',
      ],
      left: 'Harwick Recovery Center',
      right: 'Harwick Recovery',
      merged: true,
    },
    {
      name: 'a person-typed clinic name used as a place joins the clinic',
      bodies: [
        'She went to the Ada Lenz Center in March. She checked into Ada Lenz again.',
        'The Ada Lenz Treatment Center confirmed it.',
      ],
      left: 'Ada Lenz Treatment Center',
      right: 'Ada Lenz',
      merged: true,
    },
    {
      name: 'negative: a person of the same name not used as a place',
      bodies: ['Ada Lenz said she was proud.', 'The Ada Lenz Center opened in 1982.'],
      left: 'Ada Lenz Center',
      right: 'Ada Lenz',
      merged: false,
    },
    {
      name: 'negative: a known place is not the medical centre named after it',
      bodies: ['Lisbon Medical Center treated him.', 'He flew to Lisbon on Monday.'],
      left: 'Lisbon Medical Center',
      right: 'Lisbon',
      merged: false,
    },
    {
      name: 'negative: a team is not its city',
      bodies: ['The Lisbon Herons won on Sunday.', 'Fans in Lisbon celebrated.'],
      left: 'Lisbon Herons',
      right: 'Lisbon',
      merged: false,
    },
    {
      name: 'known failure: a nickname shares no word with the name',
      bodies: ['Tavin Morrow scored.', 'The fans call him T-Mo. T-Mo smiled.'],
      left: 'Tavin Morrow',
      right: 'T-Mo',
      merged: true,
      knownFailure: true,
    },
  ];

  for (const item of cases) {
    const test = item.knownFailure ? it.fails : it;
    test(item.name, () => {
      const index = mergeEntities(item.bodies.map((body, position) => analyze(`s${position}`, body)));
      expect(sameEntity(index.entities, item.left, item.right)).toBe(item.merged);
      if (!item.merged) expect(entityNamed(index.entities, item.right)).toBeDefined();
    });
  }
});
