import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lexiconRelatedness } from '../../src/lexicon/relatedness.js';

describe('lexiconRelatedness', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'crosscheck-lexicon-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('is absent, and says why once per resource, when no cache may be built', () => {
    const notices: string[] = [];
    const related = lexiconRelatedness({ cacheDirectory: empty, build: false }, (line) => notices.push(line));
    expect(related).toBeUndefined();
    expect(notices).toHaveLength(2);
    expect(notices.join('\n')).toMatch(/word vectors unavailable/);
    expect(notices.join('\n')).toMatch(/WordNet unavailable/);
  });

  it('scores synonyms high and contrasts low when the caches are there', (context) => {
    const notices: string[] = [];
    const related = lexiconRelatedness({}, (line) => notices.push(line));
    if (related === undefined) {
      context.skip(`lexicon caches unavailable: ${notices.join('; ')}`);
      return;
    }
    expect(related('injured', 'wounded')).toBeGreaterThanOrEqual(0.88);
    expect(related('rose', 'fell')).toBeLessThan(0.2);
    expect(related('killed', 'injured')).toBeLessThan(0.5);
  });
});
