/**
 * How far whole-sentence extraction can go on NeuS: crosscheck beside simple rules and beside oracles
 * that peek at the reference. The oracles are not summarisers; they bound what any choice of the
 * outlets' own sentences could score, which tells a ranking problem from a ceiling of the approach.
 * Run on the validation split only (`npm run eval -- --task neus-ceiling`).
 * @packageDocumentation
 */
import { meanRouge, type RougeResult, rouge } from '../src/eval/rouge.js';
import { PRONOUN_START, quotesBalanced } from '../src/stages/align.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { wordLength } from '../src/stages/summary-coverage.js';
import { loadNeusValidation, meanWords, type NeusCluster, summarizeClusters } from './neus.js';

/** One row of the ceiling table. */
export interface CeilingRow {
  strategy: string;
  /** Whether the strategy reads the reference (an oracle) or only the articles. */
  oracle: boolean;
  scores: RougeResult;
  meanWords: number;
}

/** The ceiling table and the budget it was computed at. */
export interface CeilingReport {
  split: 'val';
  clusters: number;
  words: number;
  referenceMeanWords: number;
  rows: CeilingRow[];
  seconds: number;
}

const SENTENCE_END = /[.!?]["”’')\]]?$/;

/** An outlet's sentences after crosscheck's cleaning, in order. */
function sentencesOf(text: string, position: number): string[] {
  return analyzeArticle({ id: `s${position}`, body: text }).segmentation.sentences.map(
    (sentence) => sentence.text,
  );
}

/** The opening sentences of one text up to a word budget (at least one sentence). */
export function leadOf(sentences: readonly string[], words: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const cost = wordLength(sentence);
    if (kept.length > 0 && used + cost > words) break;
    kept.push(sentence);
    used += cost;
  }
  return kept.join(' ');
}

/** Whether the summariser could use a sentence at all: the rules {@link selectByCoverage} applies. */
export function summarySentenceCandidate(sentence: string, words: number): boolean {
  const cost = wordLength(sentence);
  return (
    cost >= 6 &&
    cost <= words &&
    SENTENCE_END.test(sentence) &&
    quotesBalanced(sentence) &&
    !PRONOUN_START.test(sentence)
  );
}

/**
 * The best whole sentences for one reference, found greedily on the true ROUGE-2 F1: add the candidate
 * that raises it most until none does or the budget is full. An upper bound in practice on what a
 * ranking of the same sentences can reach (exact search scores a little higher still).
 * @param minimumWords - keep adding the least harmful sentence until the summary is this long
 */
export function oracleSentences(
  candidates: readonly string[],
  reference: string,
  words: number,
  minimumWords = 0,
): string {
  const chosen: string[] = [];
  let used = 0;
  let current = 0;
  for (;;) {
    let best = -1;
    // Below the minimum length the best addition is taken even when it lowers the score.
    let bestScore = used < minimumWords ? Number.NEGATIVE_INFINITY : current;
    candidates.forEach((candidate, position) => {
      if (chosen.includes(candidate) || used + wordLength(candidate) > words) return;
      const score = rouge([...chosen, candidate].join(' '), [reference]).rouge2.f1;
      if (score > bestScore) {
        bestScore = score;
        best = position;
      }
    });
    if (best < 0) return chosen.join(' ');
    const picked = candidates[best]!;
    chosen.push(picked);
    used += wordLength(picked);
    current = bestScore;
  }
}

/** Index of the largest value, the first on ties. */
function argmax(values: readonly number[]): number {
  return values.reduce((best, value, position) => (value > values[best]! ? position : best), 0);
}

/**
 * Scores crosscheck, rule-based leads and oracles on the validation clusters at one budget.
 * @param words - the summary budget (the eval's calibrated one is 80)
 * @param clusters - the clusters to score (default: the validation split)
 */
export function runNeusCeiling(
  words: number,
  clusters: readonly NeusCluster[] = loadNeusValidation(),
): CeilingReport {
  const started = performance.now();
  const ours = summarizeClusters(clusters, words).candidates;
  const rows: Array<{ strategy: string; oracle: boolean; texts: string[] }> = [
    { strategy: 'crosscheck', oracle: false, texts: ours },
    { strategy: 'lead of one outlet (mean of the three)', oracle: false, texts: [] },
    { strategy: 'lead of the outlet most like the others', oracle: false, texts: [] },
    { strategy: 'lead of the best outlet', oracle: true, texts: [] },
    { strategy: 'best whole sentences, any length', oracle: true, texts: [] },
    { strategy: 'best whole sentences, at least 10 words under the references', oracle: true, texts: [] },
  ];
  const floor = Math.round(meanWords(clusters.map((cluster) => cluster.reference))) - 10;
  const leadRows: string[][] = [[], [], []];
  for (const cluster of clusters) {
    const sentences = cluster.sources.map((text, position) => sentencesOf(text, position));
    const leads = sentences.map((list) => leadOf(list, words));
    leads.forEach((lead, position) => {
      leadRows[position % 3]!.push(lead);
    });
    const likeness = leads.map((lead, position) =>
      cluster.sources.reduce(
        (total, other, otherPosition) =>
          otherPosition === position ? total : total + rouge(lead, [other]).rouge2.f1,
        0,
      ),
    );
    rows[2]!.texts.push(leads[argmax(likeness)] ?? '');
    const scores = leads.map((lead) => rouge(lead, [cluster.reference]).rouge2.f1);
    rows[3]!.texts.push(leads[argmax(scores)] ?? '');
    const candidates = sentences.flat().filter((sentence) => summarySentenceCandidate(sentence, words));
    rows[4]!.texts.push(oracleSentences(candidates, cluster.reference, words));
    rows[5]!.texts.push(oracleSentences(candidates, cluster.reference, words, floor));
  }
  const score = (texts: readonly string[]): RougeResult =>
    meanRouge(texts.map((text, position) => rouge(text, [clusters[position]!.reference])));
  const perOutlet = leadRows.filter((texts) => texts.length === clusters.length);
  const outletScores = perOutlet.map(score);
  const mean = (pick: (result: RougeResult) => number): number =>
    outletScores.reduce((total, result) => total + pick(result), 0) / Math.max(1, outletScores.length);
  const averageOf = (key: keyof RougeResult) => ({
    recall: mean((result) => result[key].recall),
    precision: mean((result) => result[key].precision),
    f1: mean((result) => result[key].f1),
  });
  return {
    split: 'val',
    clusters: clusters.length,
    words,
    referenceMeanWords: meanWords(clusters.map((cluster) => cluster.reference)),
    rows: rows.map((row, position) =>
      position === 1
        ? {
            strategy: row.strategy,
            oracle: row.oracle,
            scores: { rouge1: averageOf('rouge1'), rouge2: averageOf('rouge2'), rougeL: averageOf('rougeL') },
            meanWords:
              perOutlet.reduce((total, texts) => total + meanWords(texts), 0) / Math.max(1, perOutlet.length),
          }
        : {
            strategy: row.strategy,
            oracle: row.oracle,
            scores: score(row.texts),
            meanWords: meanWords(row.texts),
          },
    ),
    seconds: (performance.now() - started) / 1000,
  };
}
