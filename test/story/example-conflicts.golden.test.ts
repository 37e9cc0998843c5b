import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Conflict, StoryReport } from '../../src/model/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { evidenceProblems } from '../helpers/evidence.js';

const corpus = fileURLToPath(new URL('../../examples/harbour-bridge', import.meta.url));

describe('where the example outlets disagree (the disagreements planted in its README)', () => {
  let report: StoryReport;
  const of = (kind: Conflict['kind']): Conflict[] =>
    report.conflicts.filter((conflict) => conflict.kind === kind);
  const sides = (conflict: Conflict | undefined): Array<[string, string[]]> =>
    (conflict?.positions ?? []).map((position) => [position.value, [...position.sources].sort()]);

  beforeAll(async () => {
    report = synthesize((await readArticles([corpus])).articles);
  });

  it('finds the two number conflicts: repair cost and daily traffic', () => {
    const numbers = of('number');
    expect(numbers).toHaveLength(2);
    expect(sides(numbers.find((conflict) => /USD/.test(conflict.topic)))).toEqual([
      ['$4.2 million', ['coastal-daily', 'courier', 'meridian-wire']],
      ['$6 million', ['gazette']],
    ]);
    expect(sides(numbers.find((conflict) => /vehicles a day/.test(conflict.topic)))).toEqual([
      ['some 45,000 vehicles a day', ['bay-herald']],
      ['about 30,000 vehicles a day', ['courier']],
    ]);
  });

  it('finds the date conflict on the inspection, and none on the closure day', () => {
    const dates = of('date');
    expect(dates).toHaveLength(1);
    expect(dates[0]?.topic).toMatch(/inspection/);
    expect(sides(dates[0])).toEqual([
      ['2025-03-07', ['civic-radio', 'coastal-daily', 'courier', 'meridian-wire']],
      ['2025-03-05', ['gazette']],
    ]);
  });

  it('finds the cause asserted, hedged and denied', () => {
    const stances = of('stance');
    expect(stances).toHaveLength(1);
    expect(stances[0]!.positions.map((position) => [position.stance, [...position.sources].sort()])).toEqual([
      ['asserts', ['gazette']],
      ['hedges', ['coastal-daily', 'meridian-wire']],
      ['denies', ['civic-radio']],
    ]);
  });

  it('finds the quote given to two speakers', () => {
    const attribution = of('attribution');
    expect(attribution).toHaveLength(1);
    expect(sides(attribution[0])).toEqual([
      ['Lionel Marsh', ['bay-herald']],
      ['Dana Whitcombe', ['courier']],
    ]);
  });

  // Known gap: the corpus plants no name conflict (see the report); the kind is covered by the seeds.
  it.fails('finds a name conflict', () => {
    expect(of('name').length).toBeGreaterThan(0);
  });

  it('finds the reprint and counts it once', () => {
    expect(report.reprints?.map(({ source, copyOf }) => [source, copyOf])).toEqual([
      ['coastal-daily', 'meridian-wire'],
    ]);
    const closure = report.claims.find((claim) => claim.sources.length === 6);
    expect(closure?.independentSources).toBe(5);
    expect(closure?.kind).toBe('consensus');
    const wireOnly = report.claims.filter(
      (claim) => [...claim.sources].sort().join() === 'coastal-daily,meridian-wire',
    );
    expect(wireOnly.length).toBeGreaterThan(0);
    for (const claim of wireOnly) {
      expect(claim.independentSources).toBe(1);
      expect(claim.kind).toBe('unique');
    }
  });

  it("renders the mayor's quote three ways: verbatim, spelling variant, trimmed", () => {
    const mayor = report.quotes.find((group) => /Nobody crosses that span/i.test(group.text));
    const fidelity = new Map(mayor?.variants.map((variant) => [variant.source, variant.fidelity]));
    expect(new Set(fidelity.values())).toEqual(new Set(['verbatim', 'spelling-variant', 'trimmed']));
    expect(fidelity.get('gazette')).toBe('trimmed');
    expect(fidelity.get('bay-herald')).toBe('trimmed');
    expect(fidelity.get('courier')).not.toBe(fidelity.get('meridian-wire'));
    expect(fidelity.get('meridian-wire')).toBe(fidelity.get('coastal-daily'));
  });

  // Known gap: civic-radio's paraphrase in quotation marks is (rightly) not grouped with the mayor's words,
  // so nothing compares it with them and it is not flagged.
  it.fails("flags civic-radio's paraphrase of the mayor inside quotation marks", () => {
    const flagged = report.quotes
      .flatMap((group) => group.variants)
      .filter((variant) => variant.paraphraseInQuotes);
    expect(flagged.map((variant) => variant.source)).toContain('civic-radio');
  });

  it('leads the terminal report with the conflicts and carries them in Markdown with their passages', () => {
    const text = renderText(report);
    expect(text.indexOf('WHERE THEY DISAGREE (5)')).toBeGreaterThan(0);
    expect(text.indexOf('WHERE THEY DISAGREE')).toBeLessThan(text.indexOf('SOURCES'));
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('## Where the sources disagree');
    expect(markdown).toContain('## Copies');
    expect(markdown).toMatch(/\*\*\$6 million\*\*/);
    expect(markdown).toMatch(/denied that its drainage work had caused the cracks/);
  });

  it('keeps every conflict passage exact', () => {
    expect(evidenceProblems(report)).toEqual([]);
  });
});
