import type { Evidence, StoryReport } from '../../src/model/index.js';

/** One evidence found in a report, with the JSON path it stands at (e.g. `claims[3].evidence[0]`). */
export interface LocatedEvidence {
  path: string;
  evidence: Evidence;
}

/** An evidence that breaks the contract, with the reason. */
export interface EvidenceProblem extends LocatedEvidence {
  problem: string;
}

/**
 * Every evidence anywhere in a report, in document order.
 * Walks the whole object rather than the known fields so that evidence added by later stages
 * (new fields are allowed by the contract) is checked too. `sources` is skipped because it holds the
 * texts evidence points into, and `diagnostics` because their offsets are into the raw input.
 * @param report - a report as returned by `synthesize` (or parsed from its JSON)
 */
export function collectEvidence(report: StoryReport): LocatedEvidence[] {
  const found: LocatedEvidence[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [position, item] of value.entries()) visit(item, `${path}[${position}]`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (isEvidence(value)) {
      found.push({ path, evidence: value });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (path === '' && (key === 'sources' || key === 'diagnostics')) continue;
      visit(child, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(report, '');
  return found;
}

/**
 * The evidence of a report that does not satisfy `sources[id].text.slice(start, end) === text`,
 * or names an unknown source, or has offsets out of order or range. Empty when the report is sound.
 * @param report - a report as returned by `synthesize`
 */
export function evidenceProblems(report: StoryReport): EvidenceProblem[] {
  const texts = new Map(report.sources.map((source) => [source.id, source.text]));
  const problems: EvidenceProblem[] = [];
  for (const located of collectEvidence(report)) {
    const { source, start, end, text } = located.evidence;
    const sourceText = texts.get(source);
    let problem: string | undefined;
    if (sourceText === undefined) problem = `unknown source "${source}"`;
    else if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      problem = `bad offsets [${start}, ${end})`;
    } else if (end > sourceText.length) problem = `end ${end} past the text's length ${sourceText.length}`;
    else if (sourceText.slice(start, end) !== text) {
      problem = `text ${JSON.stringify(text)} but the source has ${JSON.stringify(sourceText.slice(start, end))}`;
    }
    if (problem !== undefined) problems.push({ ...located, problem });
  }
  return problems;
}

function isEvidence(value: object): value is Evidence {
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.source === 'string' &&
    typeof candidate.start === 'number' &&
    typeof candidate.end === 'number' &&
    typeof candidate.text === 'string'
  );
}
