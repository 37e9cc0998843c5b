import type { Claim, Conflict, Evidence, SummarySentence, Update } from '../model/index.js';

/*
 * Support respects values: a claim aligned on its words may join sentences that give different figures
 * for one slot ("7,000 dead" and "9,000 dead" read alike). Once the facts are compared, such a claim is
 * split by position, and a summary sentence cites for its figure only the sources that give that figure.
 */

/** Where each passage stands in the story's number and date disagreements: `source:start` → position per entry. */
type PositionIndex = Map<string, Map<number, number>>;

const keyOf = (evidence: Pick<Evidence, 'source' | 'start'>): string =>
  `${evidence.source}:${evidence.start}`;

function indexPositions(entries: ReadonlyArray<Conflict | Update>): PositionIndex {
  const index: PositionIndex = new Map();
  entries.forEach((entry, entryIndex) => {
    if (entry.kind !== 'number' && entry.kind !== 'date') return;
    entry.positions.forEach((position, positionIndex) => {
      for (const evidence of position.evidence) {
        const key = keyOf(evidence);
        const positions = index.get(key) ?? new Map<number, number>();
        positions.set(entryIndex, positionIndex);
        index.set(key, positions);
      }
    });
  });
  return index;
}

/**
 * Splits evidence by the positions its passages take: evidence that takes a different position from the
 * anchor passage, in any disagreement, goes to another part; evidence that takes none stays with the anchor.
 */
function partition(evidence: readonly Evidence[], anchor: Evidence, index: PositionIndex): Evidence[][] {
  const anchorPositions = index.get(keyOf(anchor));
  const parts: Array<{ positions: Map<number, number> | undefined; evidence: Evidence[] }> = [
    { positions: anchorPositions, evidence: [] },
  ];
  for (const item of evidence) {
    const positions = index.get(keyOf(item));
    const clashes = (other: Map<number, number> | undefined): boolean => {
      if (positions === undefined || other === undefined) return false;
      for (const [entry, position] of positions) {
        const theirs = other.get(entry);
        if (theirs !== undefined && theirs !== position) return true;
      }
      return false;
    };
    const home = parts.find((part) => !clashes(part.positions));
    if (home) {
      home.evidence.push(item);
      if (home.positions === undefined && positions !== undefined) home.positions = positions;
    } else {
      parts.push({ positions, evidence: [item] });
    }
  }
  return parts.map((part) => part.evidence).filter((part) => part.length > 0);
}

function sourcesOf(evidence: readonly Evidence[]): string[] {
  const sources: string[] = [];
  for (const item of evidence) if (!sources.includes(item.source)) sources.push(item.source);
  return sources;
}

/**
 * Claims split where their sources give incompatible values for one slot: the part holding the claim's
 * own wording keeps its id; each other part becomes a claim of its own (`<id>.2`, …), graded on its sources.
 * Needs: claims and the story's conflicts and updates. Adds: nothing; never joins what the facts separate.
 * @param claims - the story's claims
 * @param entries - the story's conflicts and updates
 */
export function splitClaimsByValue(
  claims: readonly Claim[],
  entries: ReadonlyArray<Conflict | Update>,
): Claim[] {
  const index = indexPositions(entries);
  if (index.size === 0) return [...claims];
  const result: Claim[] = [];
  for (const claim of claims) {
    const anchor = claim.evidence.find((item) => item.text === claim.text) ?? claim.evidence[0];
    if (anchor === undefined) {
      result.push(claim);
      continue;
    }
    const parts = partition(claim.evidence, anchor, index);
    if (parts.length <= 1) {
      result.push(claim);
      continue;
    }
    parts.forEach((evidence, partIndex) => {
      const sources = sourcesOf(evidence);
      const part: Claim = {
        ...claim,
        id: partIndex === 0 ? claim.id : `${claim.id}.${partIndex + 1}`,
        text: partIndex === 0 ? claim.text : evidence[0]!.text,
        sources,
        evidence,
        // Support split by a disagreement is never every source's.
        kind: sources.length >= 2 ? 'shared' : 'unique',
      };
      if (claim.stances !== undefined)
        part.stances = claim.stances.filter((stance) => sources.includes(stance.source));
      delete part.independentSources;
      result.push(part);
    });
  }
  return result;
}

/**
 * Summary sentences that cite, for a figure, only sources giving that figure: a source whose passage
 * takes another position of the same slot is no support for the sentence shown.
 * @param summary - the summary
 * @param entries - the story's conflicts and updates
 */
export function citeMatchingValues(
  summary: readonly SummarySentence[],
  entries: ReadonlyArray<Conflict | Update>,
): SummarySentence[] {
  const index = indexPositions(entries);
  if (index.size === 0) return [...summary];
  return summary.map((sentence) => {
    const anchor = sentence.evidence.find((item) => item.text === sentence.text) ?? sentence.evidence[0];
    if (anchor === undefined) return sentence;
    const [kept] = partition(sentence.evidence, anchor, index);
    if (kept === undefined || kept.length === sentence.evidence.length) return sentence;
    return { ...sentence, evidence: kept, sources: sourcesOf(kept) };
  });
}
