/**
 * Conflicts and updates against disagreements annotated by hand (`shared/annotation/disagreements.md`):
 * each annotated story's documents are synthesised as one story, and the report's `conflicts` and
 * `updates` are scored with the guideline's matching rule ({@link scoreStory}).
 *
 * Gold comes from two places, scored apart and together:
 * - `given`: every folder of story files under `<data>/../annotation/` and `<data>/annotation/` (the
 *   project's shared annotation, `ecbplus-dev/`; withheld sets laid out the same way are read the same way);
 * - `ours`: `eval/annotations/disagreements/`, annotated in this repository.
 * `CROSSCHECK_ANNOTATION` (folders separated by the platform's path delimiter) replaces the `given` folders.
 *
 * Documents are found by id: ECB+ documents in `ecbplus/docs.jsonl` (fed as plain-text files, so the
 * pipeline reads their URL line, headline and dateline itself), the seeds in `<data>/../seeds/<id>.txt`,
 * and AllSides sides as `allsides-<story>-<left|center|right>`. A story with a document that cannot be
 * found is skipped and named.
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type DisagreementScores,
  type GoldStory,
  type ScoredEntry,
  type StoryDisagreementScore,
  scoreStory,
  scoresOf,
} from '../src/eval/disagreement-metrics.js';
import { parseArticleText } from '../src/ingest/parse-article.js';
import { lexiconRelatedness } from '../src/lexicon/relatedness.js';
import type { ArticleInput, ConflictKind, StoryReport } from '../src/model/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { articlesOf, type CrawlStory } from './conflicts.js';
import { DATA_ROOT, dataPath, REPO_ROOT } from './data-paths.js';

/** Where this repository's own annotations live. */
export const OUR_ANNOTATIONS = path.join(REPO_ROOT, 'eval', 'annotations', 'disagreements');

const KINDS: readonly ConflictKind[] = ['number', 'date', 'name', 'attribution', 'stance'];
const GOLD_TYPES = ['conflict', 'update', 'conflict-or-update'] as const;

/** Which annotation a story comes from. */
export type AnnotationSet = 'given' | 'ours';

/** A folder of annotation files and the set it belongs to. */
interface AnnotationFolder {
  set: AnnotationSet;
  folder: string;
}

function isFolder(candidate: string): boolean {
  return existsSync(candidate) && statSync(candidate).isDirectory();
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(folder, name));
}

/** The folders holding gold story files, `given` first. */
export function annotationFolders(): AnnotationFolder[] {
  const folders: AnnotationFolder[] = [];
  const configured = process.env.CROSSCHECK_ANNOTATION;
  if (configured !== undefined && configured.trim() !== '') {
    for (const folder of configured.split(path.delimiter))
      if (isFolder(folder)) folders.push({ set: 'given', folder });
  } else {
    for (const root of [path.resolve(DATA_ROOT, '..', 'annotation'), path.join(DATA_ROOT, 'annotation')]) {
      if (!isFolder(root)) continue;
      for (const name of readdirSync(root).sort()) {
        const folder = path.join(root, name);
        if (isFolder(folder) && jsonFiles(folder).length > 0) folders.push({ set: 'given', folder });
      }
    }
  }
  if (isFolder(OUR_ANNOTATIONS)) folders.push({ set: 'ours', folder: OUR_ANNOTATIONS });
  return folders;
}

/** Whether any gold annotation is present. */
export function disagreementsAvailable(): boolean {
  return annotationFolders().some(({ folder }) => jsonFiles(folder).length > 0);
}

/** Finds documents by id in the shared data; each corpus is read on first need. */
export class DocumentIndex {
  private ecbplus: Map<string, string> | undefined;
  private allsides: Map<number, CrawlStory> | undefined;

  /** The document as crosscheck receives it, or undefined when no corpus holds it. */
  article(id: string): ArticleInput | undefined {
    const side = /^allsides-(\d+)-(left|center|right)$/.exec(id);
    if (side) return this.allsidesSide(Number(side[1]), side[2]!, id);
    const ecb = this.ecbplusText(id);
    if (ecb !== undefined) return this.plainText(ecb, id);
    const seed = path.resolve(DATA_ROOT, '..', 'seeds', `${id}.txt`);
    if (existsSync(seed)) return this.plainText(readFileSync(seed, 'utf8'), id, seed);
    return undefined;
  }

  private plainText(text: string, id: string, file?: string): ArticleInput | undefined {
    const parsed = parseArticleText(text, file === undefined ? { id } : { id, path: file });
    return parsed.ok ? parsed.article : undefined;
  }

  private ecbplusText(id: string): string | undefined {
    if (this.ecbplus === undefined) {
      this.ecbplus = new Map();
      const file = dataPath('ecbplus', 'docs.jsonl');
      if (existsSync(file)) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const document = JSON.parse(line) as { doc: string; text: string };
          this.ecbplus.set(document.doc, document.text);
        }
      }
    }
    return this.ecbplus.get(id);
  }

  private allsidesSide(story: number, side: string, id: string): ArticleInput | undefined {
    if (this.allsides === undefined) {
      this.allsides = new Map();
      const file = dataPath('allsides', 'raw-crawl.jsonl');
      if (existsSync(file)) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const parsed = JSON.parse(line) as CrawlStory;
          this.allsides.set(parsed.id, parsed);
        }
      }
    }
    const crawl = this.allsides.get(story);
    if (crawl === undefined) return undefined;
    const article = articlesOf(crawl).find((candidate) => candidate.id === side);
    return article === undefined ? undefined : { ...article, id };
  }
}

/** The report's conflicts and updates as the scorer reads them. */
export function scoredEntries(report: StoryReport): ScoredEntry[] {
  return [
    ...report.conflicts.map((conflict) => ({ ...conflict, type: 'conflict' as const })),
    ...report.updates.map((update) => ({ ...update, type: 'update' as const })),
  ];
}

/** One story's outcome, for the results file and for reading errors by hand. */
export interface DisagreementStory {
  story: string;
  set: AnnotationSet;
  documents: number;
  gold: Array<{ kind: ConflictKind; type: string; topic: string; foundBy: number[] }>;
  reported: Array<{
    kind: ConflictKind;
    type: 'conflict' | 'update';
    topic: string;
    values: string[];
    matches: number[];
  }>;
  /** Documents the pipeline dated, of {@link documents}. */
  dated: number;
}

/** Scores of one group of stories. */
export interface DisagreementSetScores {
  stories: number;
  all: DisagreementScores;
  byKind: Record<ConflictKind, DisagreementScores>;
  /** Recall by the gold item's type; precision by the reported entry's (conflict or update). */
  byType: Record<string, DisagreementScores>;
  /** Gold `update` items found by an entry of `updates` (not only of `conflicts`). */
  goldUpdates: number;
  goldUpdatesReportedAsUpdates: number;
}

/** What {@link runDisagreements} measured. */
export interface DisagreementsReport {
  folders: string[];
  /** Stories left out, with the reason. */
  skipped: Array<{ story: string; reason: string }>;
  given: DisagreementSetScores;
  ours: DisagreementSetScores;
  all: DisagreementSetScores;
  stories: DisagreementStory[];
  /** Share of documents with a publication date once read. */
  datedDocuments: number;
  /**
   * Gold quotes not found word for word in their document's text: an item whose quotes are not there can
   * never be found, so each is named for fixing the annotation.
   */
  quotesNotFound: Array<{ story: string; doc: string; quote: string }>;
  seconds: number;
}

function emptyCounts(): { gold: number; found: number; reported: number; correct: number } {
  return { gold: 0, found: 0, reported: 0, correct: 0 };
}

function aggregate(stories: readonly DisagreementStory[]): DisagreementSetScores {
  const all = emptyCounts();
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, emptyCounts()])) as Record<
    ConflictKind,
    ReturnType<typeof emptyCounts>
  >;
  const byType: Record<string, ReturnType<typeof emptyCounts>> = Object.fromEntries(
    GOLD_TYPES.map((type) => [type, emptyCounts()]),
  );
  let goldUpdates = 0;
  let goldUpdatesReportedAsUpdates = 0;
  for (const story of stories) {
    for (const item of story.gold) {
      const found = item.foundBy.length > 0 ? 1 : 0;
      all.gold++;
      all.found += found;
      byKind[item.kind].gold++;
      byKind[item.kind].found += found;
      const type = byType[item.type] ?? emptyCounts();
      byType[item.type] = type;
      type.gold++;
      type.found += found;
      if (item.type === 'update') {
        goldUpdates++;
        if (item.foundBy.some((index) => story.reported[index]?.type === 'update'))
          goldUpdatesReportedAsUpdates++;
      }
    }
    for (const entry of story.reported) {
      const correct = entry.matches.length > 0 ? 1 : 0;
      all.reported++;
      all.correct += correct;
      byKind[entry.kind].reported++;
      byKind[entry.kind].correct += correct;
      const type = byType[entry.type] ?? emptyCounts();
      byType[entry.type] = type;
      type.reported++;
      type.correct += correct;
    }
  }
  return {
    stories: stories.length,
    all: scoresOf(all),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, scoresOf(byKind[kind])])) as Record<
      ConflictKind,
      DisagreementScores
    >,
    byType: Object.fromEntries(Object.entries(byType).map(([type, counts]) => [type, scoresOf(counts)])),
    goldUpdates,
    goldUpdatesReportedAsUpdates,
  };
}

function readGold(file: string): GoldStory {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as GoldStory;
  if (typeof parsed.story !== 'string' || !Array.isArray(parsed.docs) || !Array.isArray(parsed.items)) {
    throw new Error(`${file}: not an annotated story (want { story, docs, items })`);
  }
  return parsed;
}

/** Synthesises every annotated story and scores its conflicts and updates. */
export function runDisagreements(): DisagreementsReport {
  // Words compared by meaning only on request (CROSSCHECK_LEXICON=on): measured, it finds no more gold
  // disagreements and reports more false ones (see the README), so the pipeline's default leaves it out.
  const related = process.env.CROSSCHECK_LEXICON === 'on' ? lexiconRelatedness() : undefined;
  const started = performance.now();
  const index = new DocumentIndex();
  const folders = annotationFolders();
  const skipped: Array<{ story: string; reason: string }> = [];
  const stories: DisagreementStory[] = [];
  let documents = 0;
  let dated = 0;
  const quotesNotFound: DisagreementsReport['quotesNotFound'] = [];
  for (const { set, folder } of folders) {
    for (const file of jsonFiles(folder)) {
      const gold = readGold(file);
      const articles: ArticleInput[] = [];
      const missing: string[] = [];
      for (const doc of gold.docs) {
        const article = index.article(doc);
        if (article === undefined) missing.push(doc);
        else articles.push(article);
      }
      if (missing.length > 0) {
        skipped.push({ story: gold.story, reason: `documents not found: ${missing.join(', ')}` });
        continue;
      }
      for (const item of gold.items)
        for (const position of item.positions)
          for (const [doc, quote] of Object.entries(position.quotes ?? {})) {
            const body = articles.find((article) => article.id === doc)?.body;
            if (body !== undefined && !body.includes(quote))
              quotesNotFound.push({ story: gold.story, doc, quote });
          }
      const report = synthesize(articles, related === undefined ? {} : { related });
      const entries = scoredEntries(report);
      const score: StoryDisagreementScore = scoreStory(gold, entries);
      const storyDated = report.sources.filter((source) => source.published !== undefined).length;
      documents += articles.length;
      dated += storyDated;
      stories.push({
        story: gold.story,
        set,
        documents: articles.length,
        dated: storyDated,
        gold: gold.items.map((item, itemIndex) => ({
          kind: item.kind,
          type: item.type,
          topic: item.topic,
          foundBy: score.matchedBy[itemIndex]!,
        })),
        reported: entries.map((entry, entryIndex) => ({
          kind: entry.kind,
          type: entry.type,
          topic: entry.topic,
          values: entry.positions.map((position) => position.value),
          matches: score.matches[entryIndex]!,
        })),
      });
    }
  }
  return {
    folders: folders.map(({ folder }) => path.relative(REPO_ROOT, folder)),
    skipped,
    given: aggregate(stories.filter((story) => story.set === 'given')),
    ours: aggregate(stories.filter((story) => story.set === 'ours')),
    all: aggregate(stories),
    stories,
    datedDocuments: documents === 0 ? 0 : dated / documents,
    quotesNotFound,
    seconds: (performance.now() - started) / 1000,
  };
}

const ratio = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

/** Prints a {@link runDisagreements} report as tables. */
export function printDisagreements(
  report: DisagreementsReport,
  formatTable: (
    header: readonly string[],
    rows: ReadonlyArray<ReadonlyArray<string | number>>,
    decimals?: number,
  ) => string,
): void {
  console.log(
    `\n## Disagreements against hand annotation (guideline's matching rule; ${report.all.stories} stories)`,
  );
  const row = (label: string, scores: DisagreementScores): Array<string | number> => [
    label,
    scores.gold,
    scores.found,
    ratio(scores.recall),
    scores.reported,
    scores.correct,
    ratio(scores.precision),
  ];
  const header = ['', 'gold', 'found', 'recall', 'reported', 'correct', 'precision'];
  const rows: Array<Array<string | number>> = [];
  for (const [name, set] of [
    ['given (shared/annotation)', report.given],
    ['ours (eval/annotations)', report.ours],
    ['all', report.all],
  ] as const) {
    rows.push(row(`${name}, ${set.stories} stories`, set.all));
  }
  for (const kind of KINDS) rows.push(row(`all · ${kind}`, report.all.byKind[kind]));
  for (const [type, scores] of Object.entries(report.all.byType)) rows.push(row(`all · ${type}`, scores));
  console.log(formatTable(header, rows, 0));
  console.log(
    `gold updates reported as updates: ${report.all.goldUpdatesReportedAsUpdates} of ${report.all.goldUpdates}; ` +
      `documents dated: ${(100 * report.datedDocuments).toFixed(0)}%`,
  );
  for (const { story, reason } of report.skipped) console.log(`skipped ${story}: ${reason}`);
  for (const { story, doc, quote } of report.quotesNotFound)
    console.log(`gold quote not in ${doc} (${story}): “${quote.slice(0, 60)}…”`);
  console.log(`(${report.seconds.toFixed(1)} s)`);
}
