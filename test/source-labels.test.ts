import { describe, expect, it } from 'vitest';
import type { Source } from '../src/model/index.js';
import { isGeneratedName } from '../src/text/generated-name.js';
import { sourceLabels } from '../web/src/source-labels.js';

function source(id: string, extra: Partial<Source> = {}): Source {
  return { id, text: 'The ferry sailed.', ...extra };
}

describe('isGeneratedName', () => {
  it.each([
    ['000_2f3df334388c028e', true],
    ['3f2a9c1d-7b4e-4e8a-9d2f-1a2b3c4d5e6f', true],
    ['a'.repeat(41), true],
    ['the-daily-ledger', false],
    ['civic-radio', false],
    ['bay-herald-2024-03-10', false],
    ['s0', false],
  ])('%s → %s', (name, generated) => {
    expect(isGeneratedName(name)).toBe(generated);
  });
});

describe('sourceLabels', () => {
  it('prefers the outlet, then the web site, then a chosen id, then the place in the story', () => {
    const labels = sourceLabels([
      source('a1', { outlet: 'Bay Herald', url: 'https://www.bayherald.example/x' }),
      source('a2', { url: 'https://www.coastal.example/story' }),
      source('civic-radio'),
      source('004_d98c98faffdd0a40'),
      source('a5', { url: 'javascript:alert(1)' }),
    ]);
    expect([...labels.values()]).toEqual(['Bay Herald', 'coastal.example', 'civic-radio', 'Source 4', 'a5']);
  });

  it('names a source without an outlet by its file name without the hash, or its title, never a hash', () => {
    const hash = '2f3df334388c028e2f3df334388c028e';
    const labels = sourceLabels([
      source(hash, { path: 'seeds/000_2f3df334388c028e.txt' }),
      source('001_777f8e4d1f690fdd', {
        path: 'seeds/001_777f8e4d1f690fdd.txt',
        title: 'Putin gives Kim a car',
      }),
      source(`${hash.slice(1)}a`),
    ]);
    expect([...labels.values()]).toEqual(['000.txt', 'Putin gives Kim a car', 'Source 3']);
  });

  it('numbers the articles of one outlet so every label names one source', () => {
    const labels = sourceLabels([
      source('a1', { outlet: 'Bay Herald' }),
      source('a2', { outlet: 'Meridian Wire' }),
      source('a3', { outlet: 'Bay Herald' }),
    ]);
    expect(labels.get('a1')).toBe('Bay Herald (1)');
    expect(labels.get('a2')).toBe('Meridian Wire');
    expect(labels.get('a3')).toBe('Bay Herald (2)');
    expect(new Set(labels.values()).size).toBe(3);
  });
});
