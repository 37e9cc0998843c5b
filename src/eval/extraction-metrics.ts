/**
 * The article-extraction benchmark's own metric (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`): word tokens, shingles of four tokens counted as multisets, per-page TP/FP/FN,
 * precision and recall averaged over pages, F1 of the two averages. Reimplemented here so users can
 * score an extractor on their own pages without Python.
 * @packageDocumentation
 */
import { CrosscheckError } from '../model/errors.js';

/** Shingle counts of one page. */
export interface ShingleCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Benchmark scores over a set of pages. */
export interface ExtractionScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pages scored. */
  pages: number;
}

/** The text of one page: what the extractor returned, or the ground truth. */
export interface ExtractedBody {
  articleBody?: string;
}

// Python's `\w` on str is Unicode-aware: letters, digits and numerics of any script, and the underscore.
const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

/** The `\w+` tokens of a text, case kept as the benchmark keeps it. */
export function extractionTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Multiset of the shingles of a text. As in the benchmark, a text shorter than the shingle size
 * gives one shorter shingle of all its tokens, and a text without tokens gives none.
 */
function shingles(text: string, size: number): Map<string, number> {
  const tokens = extractionTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < last && start < tokens.length; start++) {
    // NUL cannot occur inside a `\w` token, so joined keys are unambiguous.
    const key = tokens.slice(start, start + size).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * TP/FP/FN of one page: shingles of four tokens shared by truth and prediction (with multiplicity),
 * only in the prediction, only in the truth. The benchmark also divides the three by their sum;
 * that does not change per-page precision or recall, so the raw counts are returned.
 * @param truth - the ground-truth body
 * @param prediction - the extracted body
 */
export function shingleCounts(truth: string, prediction: string): ShingleCounts {
  const truthShingles = shingles(truth, SHINGLE_SIZE);
  const predictedShingles = shingles(prediction, SHINGLE_SIZE);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const [key, predictedCount] of predictedShingles) {
    const truthCount = truthShingles.get(key) ?? 0;
    truePositives += Math.min(truthCount, predictedCount);
    falsePositives += Math.max(0, predictedCount - truthCount);
  }
  for (const [key, truthCount] of truthShingles) {
    falseNegatives += Math.max(0, truthCount - (predictedShingles.get(key) ?? 0));
  }
  return { truePositives, falsePositives, falseNegatives };
}

/**
 * Precision and recall averaged over pages, F1 of the averages. A page counts towards precision only
 * if it has predicted shingles (tp + fp > 0) and towards recall only if it has true shingles
 * (tp + fn > 0); a page with fp = fn = 0 scores 1 on both. With no page to average, a mean is 0.
 * @param pages - per-page counts from {@link shingleCounts}
 */
export function extractionScoresFromCounts(pages: readonly ShingleCounts[]): ExtractionScores {
  let precisionSum = 0;
  let precisionPages = 0;
  let recallSum = 0;
  let recallPages = 0;
  for (const { truePositives, falsePositives, falseNegatives } of pages) {
    const perfect = falsePositives === 0 && falseNegatives === 0;
    if (truePositives + falsePositives > 0) {
      precisionSum += perfect ? 1 : truePositives / (truePositives + falsePositives);
      precisionPages++;
    }
    if (truePositives + falseNegatives > 0) {
      recallSum += perfect ? 1 : truePositives / (truePositives + falseNegatives);
      recallPages++;
    }
  }
  const precision = precisionPages === 0 ? 0 : precisionSum / precisionPages;
  const recall = recallPages === 0 ? 0 : recallSum / recallPages;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

/**
 * Scores an extractor's output against the ground truth, page by page, as the benchmark does.
 * @param groundTruth - page id → true body (`{articleBody}`, as in the benchmark's `ground-truth.json`)
 * @param predictions - page id → extracted body (the `output` object of an extractor's JSON)
 * @throws CrosscheckError when the two do not cover exactly the same pages
 */
export function evaluateExtraction(
  groundTruth: Readonly<Record<string, ExtractedBody>>,
  predictions: Readonly<Record<string, ExtractedBody>>,
): ExtractionScores {
  const truthIds = Object.keys(groundTruth);
  const predictedIds = Object.keys(predictions);
  const missing = truthIds.filter((id) => !Object.hasOwn(predictions, id));
  if (missing.length > 0 || truthIds.length !== predictedIds.length) {
    throw new CrosscheckError(
      'invalid-argument',
      `predictions must cover exactly the ground-truth pages: ${missing.length} missing, ` +
        `${predictedIds.length} given for ${truthIds.length}`,
    );
  }
  return extractionScoresFromCounts(
    truthIds.map((id) =>
      shingleCounts(groundTruth[id]?.articleBody ?? '', predictions[id]?.articleBody ?? ''),
    ),
  );
}
