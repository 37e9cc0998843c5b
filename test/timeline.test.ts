import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzedArticle, TimelineEvent } from '../src/model/index.js';
import { buildTimeline } from '../src/stages/timeline.js';
import { datedArticle } from './helpers/dates.js';

function expectVerifiedEvidence(
  events: readonly TimelineEvent[],
  articles: readonly AnalyzedArticle[],
): void {
  for (const event of events) {
    expect(event.evidence.length).toBeGreaterThan(0);
    for (const evidence of event.evidence) {
      const source = articles.find((candidate) => candidate.source.id === evidence.source);
      expect(source?.source.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
    }
    expect(event.sources).toEqual([...new Set(event.evidence.map((evidence) => evidence.source))]);
  }
}

/** An invented story told by three outlets. */
const story = [
  datedArticle(
    'alpha',
    'The old lighthouse keeper retired on Sunday after forty years at the cape. ' +
      'He first climbed the lighthouse tower in 1984, the harbour office said. ' +
      'In September, the keeper trained a young apprentice from the village.\n\n' +
      'Subscribe to our weekly harbour newsletter on Sunday',
  ),
  datedArticle(
    'beta',
    'The lighthouse keeper retired on 18 February, ending four decades at the cape. ' +
      'The apprentice he trained last year will take over the lamp. ' +
      'A storm damaged the pier last December.',
  ),
  datedArticle(
    'gamma',
    'After forty years, the keeper of the cape lighthouse retired on Feb. 18. ' +
      'The apprentice began training at the lighthouse last September with the keeper. ' +
      'The harbour office said on Tuesday that the lamp would be automated.',
  ),
];

describe('buildTimeline', () => {
  const events = buildTimeline(story);

  it.each([
    { date: '2024-02-18', words: /retired/, sources: ['alpha', 'beta', 'gamma'] },
    { date: '2023-09', words: /apprentice/, sources: ['alpha', 'beta', 'gamma'] },
    { date: '1984', words: /tower/, sources: ['alpha'] },
    { date: '2023-12', words: /pier/, sources: ['beta'] },
  ])('merges the $date event across $sources', ({ date, words, sources }) => {
    const event = events.find((candidate) => candidate.date === date && words.test(candidate.text));
    expect(event?.sources).toEqual(sources);
  });

  it('keeps the most precise agreed date and does not merge unrelated events of a compatible date', () => {
    // "last year" (2023) joins the September training, not the December storm.
    const training = events.find((event) => event.date === '2023-09');
    expect(training?.evidence.some((evidence) => evidence.text.includes('last year'))).toBe(true);
    expect(events.filter((event) => event.date.startsWith('2023')).map((event) => event.date)).toEqual([
      '2023-09',
      '2023-12',
    ]);
  });

  it('drops fragments without terminal punctuation such as newsletter prompts', () => {
    expect(events.some((event) => event.text.includes('newsletter'))).toBe(false);
  });

  it('sorts by date and puts the reporting-only publication day last', () => {
    const dates = events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    expect(events[events.length - 1]?.text).toMatch(/said on Tuesday/);
  });

  it('prefers a short, non-quoted sentence stating the event date as the representative text', () => {
    const retirement = events.find((event) => event.date === '2024-02-18');
    expect(retirement?.text).toBe('After forty years, the keeper of the cape lighthouse retired on Feb. 18.');
  });

  it('points every evidence span at its source text', () => {
    expectVerifiedEvidence(events, story);
  });

  it.each([
    { name: 'no articles', articles: [] },
    { name: 'an article without dates', articles: [datedArticle('delta', 'Nothing happened at the cape.')] },
  ])('returns no events for $name', ({ articles }) => {
    expect(buildTimeline(articles)).toEqual([]);
  });
});

const seedDirectory = new URL('../../shared/seeds/', import.meta.url);
const seedsExist = existsSync(seedDirectory);
if (!seedsExist) console.warn(`timeline seed test skipped: ${seedDirectory.pathname} is absent`);

describe.skipIf(!seedsExist)('buildTimeline on the seed story', () => {
  const articles = seedsExist
    ? readdirSync(seedDirectory)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => {
          const raw = readFileSync(new URL(name, seedDirectory), 'utf8');
          const dated = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(raw);
          // The undated seed is taken as of the story's latest date.
          return datedArticle(name, dated ? raw.slice(dated[0].length) : raw, dated?.[1] ?? '2024-02-20');
        })
    : [];
  const events = buildTimeline(articles);

  it.each([
    { date: '2024-02-18', topic: /deliver|received/i },
    { date: '2023-09', topic: /visit|Vostochny/i },
  ])('has the $date event with at least two sources', ({ date, topic }) => {
    const event = events.find((candidate) => candidate.date === date && topic.test(candidate.text));
    expect(event?.sources.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('verifies every evidence span', () => {
    expectVerifiedEvidence(events, articles);
  });
});
