import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Conflict, StoryReport } from '../../src/model/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { evidenceProblems } from '../helpers/evidence.js';

const seeds = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const present = existsSync(seeds);
if (!present) console.warn(`seeds conflict golden tests skipped: ${seeds} is absent`);

/** Seed ids by their file-name prefix (the seeds' ids carry a hash after it). */
const SEED = {
  noDate: '000',
  telegraph: '001',
  kremlin: '002',
  independent: '003',
  unificationMinistry: '004',
};

describe.skipIf(!present)('where the five seed articles disagree', () => {
  let report: StoryReport;
  const ids = (prefixes: string[]): string[] =>
    prefixes.map((prefix) => report.sources.find((source) => source.id.startsWith(prefix))!.id).sort();
  const of = (kind: Conflict['kind']): Conflict[] =>
    report.conflicts.filter((conflict) => conflict.kind === kind);

  beforeAll(async () => {
    report = synthesize((await readArticles([seeds])).articles);
  });

  it('finds the stance conflict on the UN sanctions: asserted, hedged, and reported denied', () => {
    const sanctions = of('stance').filter((conflict) => /sanction/i.test(conflict.topic));
    expect(sanctions).toHaveLength(1);
    const byStance = new Map(sanctions[0]!.positions.map((position) => [position.stance, position]));
    expect([...(byStance.get('asserts')?.sources ?? [])].sort()).toEqual(
      ids([SEED.telegraph, SEED.unificationMinistry]),
    );
    expect(byStance.get('hedges')?.sources).toEqual(ids([SEED.independent]));
    expect(byStance.get('hedges')?.cue).toBe('likely');
    expect(byStance.get('denies')?.sources).toEqual(ids([SEED.kremlin]));
    expect(byStance.get('denies')?.evidence[0]?.text).toMatch(/dismissed any notion/);
  });

  it('finds the conflict on the make and model of the car', () => {
    const cars = of('name');
    expect(cars).toHaveLength(1);
    const values = new Map(cars[0]!.positions.map((position) => [position.value, position]));
    expect(values.get('Aurus')?.sources).toEqual(ids([SEED.kremlin]));
    expect(values.get('Aurus')?.stance).toBe('attributes');
    expect([...(values.get('not disclosed')?.sources ?? [])].sort()).toEqual(
      ids([SEED.telegraph, SEED.independent]),
    );
    expect([...(values.get('possibly Aurus Senat')?.sources ?? [])].sort()).toEqual(
      ids([SEED.telegraph, SEED.unificationMinistry]),
    );
    expect(values.get('possibly Aurus Senat')?.stance).toBe('hedges');
  });

  it('finds no false conflict between compatible values (2023 / September 2023, Feb. 18 / Sunday, £ / $)', () => {
    expect(of('date')).toEqual([]);
    expect(of('number')).toEqual([]);
    expect(of('attribution')).toEqual([]);
    expect(report.conflicts).toHaveLength(2);
  });

  it('marks quote renderings and finds no reprints among the seeds', () => {
    expect(report.reprints).toEqual([]);
    const peskov = report.quotes.find((group) => /our close neighbo/.test(group.text));
    expect(peskov?.variants.map((variant) => variant.fidelity).sort()).toEqual([
      'spelling-variant',
      'verbatim',
    ]);
    const sister = report.quotes.find((group) => /special personal relations/.test(group.text));
    expect(sister?.variants.every((variant) => variant.paraphraseInQuotes === undefined)).toBe(true);
  });

  it('gives every claim a stance per source and an independent count', () => {
    for (const claim of report.claims) {
      expect(claim.stances).toHaveLength(claim.evidence.length);
      expect(claim.independentSources).toBe(claim.sources.length);
    }
    const lead = report.claims.find((claim) =>
      claim.evidence.some((evidence) => /Aurus limousine/.test(evidence.text)),
    );
    expect(lead?.stances?.find((stance) => stance.source === ids([SEED.kremlin])[0])?.stance).toBe(
      'attributes',
    );
  });

  it('keeps every conflict passage exact', () => {
    expect(evidenceProblems(report)).toEqual([]);
  });
});
