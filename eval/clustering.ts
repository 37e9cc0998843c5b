/**
 * Story clustering: reference points for {@link clusteringScores} on ECB+ (topics 1–35; gold story =
 * `<topic>_<ecb|ecbplus>`) and on the AllSides crawl (gold story = AllSides story id), from trivial
 * clusterers that need no text. crosscheck's own clusterer is scored here once the ingestion work lands.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import {
  type ClusteringScores,
  type ClusterLabel,
  clusteringScores,
} from '../src/eval/clustering-metrics.js';
import { dataAvailable, dataPath } from './data-paths.js';

/** ECB+ documents, one JSON object a line. */
export const ECBPLUS_DOCS_PATH = dataPath('ecbplus', 'docs.jsonl');
/** The AllSides crawl, one story a line. */
export const ALLSIDES_CRAWL_PATH = dataPath('allsides', 'raw-crawl.jsonl');

/** One baseline clusterer scored on one corpus. */
export interface ClusteringRow {
  corpus: string;
  clusterer: string;
  scores: ClusteringScores;
}

interface Item {
  gold: ClusterLabel;
  /** Labels the trivial clusterers give, by clusterer name. */
  baselines: Record<string, ClusterLabel>;
}

function readJsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

function ecbplusItems(): Item[] {
  return (readJsonLines(ECBPLUS_DOCS_PATH) as Array<{ doc: string; topic: number; story: string }>).map(
    (document) => ({
      gold: document.story,
      baselines: { 'one cluster per topic': document.topic, 'all singletons': document.doc, 'all in one': 0 },
    }),
  );
}

function allsidesItems(): Item[] {
  const items: Item[] = [];
  const stories = readJsonLines(ALLSIDES_CRAWL_PATH) as Array<{
    id: number;
    topic: string;
    date: string;
    news: Record<string, { newsTitle?: string } | undefined>;
  }>;
  for (const story of stories) {
    for (const [side, article] of Object.entries(story.news)) {
      if (article?.newsTitle === undefined) continue;
      items.push({
        gold: story.id,
        baselines: {
          'AllSides topic': story.topic,
          'publication day': story.date.slice(0, 10),
          'all singletons': `${story.id}/${side}`,
        },
      });
    }
  }
  return items;
}

/** Whether any clustering corpus is present. */
export function clusteringAvailable(): { ecbplus: boolean; allsides: boolean } {
  return { ecbplus: dataAvailable(ECBPLUS_DOCS_PATH), allsides: dataAvailable(ALLSIDES_CRAWL_PATH) };
}

/** Scores the trivial clusterers on every corpus present. */
export function runClustering(): ClusteringRow[] {
  const available = clusteringAvailable();
  const corpora: Array<[string, Item[]]> = [];
  if (available.ecbplus) corpora.push(['ECB+ topics 1-35', ecbplusItems()]);
  if (available.allsides) corpora.push(['AllSides crawl', allsidesItems()]);
  const rows: ClusteringRow[] = [];
  for (const [corpus, items] of corpora) {
    const gold = items.map((item) => item.gold);
    for (const clusterer of Object.keys(items[0]?.baselines ?? {})) {
      const predicted = items.map((item) => item.baselines[clusterer] ?? '');
      rows.push({ corpus, clusterer, scores: clusteringScores(predicted, gold) });
    }
  }
  return rows;
}
