/**
 * Claim alignment on real coverage, without gold pairs: on each AllSides story of three outlets, how
 * often crosscheck finds a fact every outlet reports and how many facts two or more share (recall
 * proxies: three outlets on one event nearly always share its core fact); and, pairing one outlet
 * with two outlets of a different story, how many sentences it wrongly aligns across the two events
 * (a precision proxy: every such alignment is an error). Run: `npm run eval -- --task alignment`.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { ALLSIDES_CRAWL, articlesOf, type CrawlStory } from './conflicts.js';

/** How far apart in the crawl the story lending the other two outlets is: a different event. */
const OTHER_STORY_OFFSET = 7;

/** What {@link runAlignment} measured. */
export interface AlignmentReport {
  stories: number;
  /** Stories with a claim all three outlets state. */
  storiesWithConsensus: number;
  /** Claims two or more outlets state, per story. */
  sharedClaimsPerStory: number;
  /** Mixed stories (one outlet of story i, two of story i + 7): claims joining the lone outlet to the others, per story. */
  falseAlignmentsPerStory: number;
  seconds: number;
}

function threeSided(): ArticleInput[][] {
  return readFileSync(ALLSIDES_CRAWL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => articlesOf(JSON.parse(line) as CrawlStory))
    .filter((articles) => articles.length === 3);
}

/** Runs the alignment measures over the three-sided stories of the crawl. */
export function runAlignment(): AlignmentReport {
  const started = performance.now();
  const stories = threeSided();
  let storiesWithConsensus = 0;
  let shared = 0;
  let falseAlignments = 0;
  stories.forEach((articles, position) => {
    const report = synthesize(articles);
    if (report.claims.some((claim) => claim.sources.length === 3)) storiesWithConsensus++;
    shared += report.claims.filter((claim) => claim.sources.length >= 2).length;
    const other = stories[(position + OTHER_STORY_OFFSET) % stories.length]!;
    const mixed = [
      { ...articles[0]!, id: 'lone' },
      { ...other[1]!, id: 'other-1' },
      { ...other[2]!, id: 'other-2' },
    ];
    falseAlignments += synthesize(mixed).claims.filter(
      (claim) => claim.sources.includes('lone') && claim.sources.length >= 2,
    ).length;
  });
  return {
    stories: stories.length,
    storiesWithConsensus,
    sharedClaimsPerStory: shared / Math.max(1, stories.length),
    falseAlignmentsPerStory: falseAlignments / Math.max(1, stories.length),
    seconds: (performance.now() - started) / 1000,
  };
}
