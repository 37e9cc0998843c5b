import { createHash } from 'node:crypto';
import type { StoryReport } from '../model/index.js';
import { normalizeBody } from './article-id.js';

/** What a report item is, for the story history. */
export type ReportItemKind = 'claim' | 'quote' | 'conflict' | 'update';

/** One claim, quote, conflict or update of a report with the keys that identify it across re-syntheses. */
export interface ReportItem {
  kind: ReportItemKind;
  /** Position in the report's `claims`, `quotes`, `conflicts` or `updates`. */
  index: number;
  /** The item is as old as its oldest key: claims and quotes keep their passages when sources join. */
  keys: string[];
}

function hashKey(kind: ReportItemKind, parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');
  return `${kind}:${digest.slice(0, 24)}`;
}

const fold = (text: string): string => normalizeBody(text).toLowerCase();

/**
 * Keys of every claim, quote, conflict and update of a report. Report ids (`c1`, …) are renumbered by
 * each synthesis, so items are known by content: a claim or quote by each of its passages (source id and
 * text), so a claim that gains an outlet keeps its age; a conflict by its topic and its set of positions,
 * so a new disagreement counts as new; an update by its topic and its values in time order, so a figure
 * revised again (a new latest value) counts as new, while a value's as-of time read more exactly does not.
 */
export function reportItems(report: StoryReport): ReportItem[] {
  const items: ReportItem[] = [];
  report.claims.forEach((claim, index) => {
    const keys = claim.evidence.map((evidence) => hashKey('claim', [evidence.source, fold(evidence.text)]));
    if (keys.length === 0) keys.push(hashKey('claim', ['', fold(claim.text)]));
    items.push({ kind: 'claim', index, keys });
  });
  report.quotes.forEach((quote, index) => {
    const keys = quote.variants.map((variant) => hashKey('quote', [variant.source, fold(variant.text)]));
    if (keys.length === 0) keys.push(hashKey('quote', [quote.speaker ?? '', fold(quote.text)]));
    items.push({ kind: 'quote', index, keys });
  });
  report.conflicts.forEach((conflict, index) => {
    const values = conflict.positions.map((position) => fold(position.value)).sort();
    items.push({
      kind: 'conflict',
      index,
      keys: [hashKey('conflict', [conflict.kind, fold(conflict.topic), ...values])],
    });
  });
  report.updates.forEach((update, index) => {
    // In time order, not sorted: 5 → 11 and 11 → 5 tell different stories.
    const values = update.positions.map((position) => fold(position.value));
    items.push({
      kind: 'update',
      index,
      keys: [hashKey('update', [update.kind, fold(update.topic), ...values])],
    });
  });
  return items;
}
