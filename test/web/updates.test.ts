/**
 * The reader's updates section rendered by Preact into a linkedom document (no browser needed): values in
 * time order with their as-of times, citation chips holding each passage, the latest marked, article
 * text kept as text. The browser test (test/e2e) checks the same section on the real page.
 * Type-checked by web/tsconfig.json, not the root one: Preact's types bring in the DOM library, which the
 * rest of the project (Node code) is checked without; the root tsconfig excludes test/web for that.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryReport } from '../../src/model/index.js';
import { asOfLabel, spansYears } from '../../web/src/as-of.js';
import { indexSources } from '../../web/src/common.js';
import { Updates } from '../../web/src/updates.js';
import { developingStoryReport } from '../fixtures/developing-story.js';

describe('the reader’s asOfLabel', () => {
  it.each([
    { asOf: '2025-07-02T09:10', withYear: false, label: '2 Jul 09:10' },
    { asOf: '2025-07-03', withYear: false, label: '3 Jul' },
    { asOf: '2024-12-31T23:30', withYear: true, label: '31 Dec 2024 23:30' },
    // Outside the model's two forms: shown as written.
    { asOf: '2025-07', withYear: false, label: '2025-07' },
    { asOf: '2025-00-10', withYear: false, label: '2025-00-10' },
  ])('$asOf → $label', ({ asOf, withYear, label }) => {
    expect(asOfLabel(asOf, withYear)).toBe(label);
  });

  it('asks for the year only when the values span two years', () => {
    const report = developingStoryReport();
    expect(spansYears(report.updates)).toBe(false);
    report.updates[1]!.positions[0]!.asOf = '2024-12-31';
    expect(spansYears(report.updates)).toBe(true);
  });
});

describe('the Updates section', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const saved = { document: (globalThis as { document?: unknown }).document };
  // Preact makes its elements with the global document.
  beforeAll(() => Object.assign(globalThis, { document }));
  afterAll(() => Object.assign(globalThis, saved));

  /** The section as rendered for a report, in a fresh container. */
  function rendered(report: StoryReport) {
    const container = document.createElement('div');
    document.body.appendChild(container);
    render(
      h(Updates, { storyId: 's1', updates: report.updates, sources: indexSources(report.sources) }),
      container,
    );
    return container;
  }

  it('gives each update its values in time order, with as-of times and the latest marked', () => {
    const container = rendered(developingStoryReport());
    expect(container.querySelector('h2')?.textContent).toBe('How figures moved (2)');
    expect(container.querySelector('.legend')?.textContent).toMatch(/latest in bold/);
    const cards = [...container.querySelectorAll('.update')];
    expect(cards.map((card) => card.querySelector('h3')?.textContent)).toEqual([
      'number people killed in the landslide',
      'date valley road reopens',
    ]);
    const moves = [...cards[0]!.querySelectorAll('.move')];
    expect(moves.map((move) => move.querySelector('.value')?.textContent)).toEqual(['1', '5', '11']);
    expect(moves.map((move) => move.querySelector('time')?.textContent)).toEqual([
      '2 Jul 09:10',
      '2 Jul 14:00',
      '3 Jul',
    ]);
    expect(moves.map((move) => move.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2025-07-02T09:10',
      '2025-07-02T14:00',
      '2025-07-03',
    ]);
    expect(moves.map((move) => move.classList.contains('latest'))).toEqual([false, false, true]);
  });

  it('cites each value with one chip per source, each holding its exact passage and linking to it', () => {
    const report = developingStoryReport();
    const container = rendered(report);
    const moves = [...container.querySelectorAll('.move')];
    const positions = report.updates.flatMap((update) => update.positions);
    expect(moves).toHaveLength(positions.length);
    positions.forEach((position, index) => {
      const chips = [...moves[index]!.querySelectorAll('.cite')];
      expect(chips.map((chip) => chip.querySelector('.tip q')?.textContent)).toEqual(
        position.evidence.map((evidence) => evidence.text),
      );
      expect(chips.map((chip) => chip.querySelector('a.chip')?.getAttribute('href'))).toEqual(
        position.evidence.map(
          (evidence) => `#/story/s1/source/${evidence.source}?start=${evidence.start}&end=${evidence.end}`,
        ),
      );
    });
    expect(moves[1]!.querySelector('a.chip')?.textContent).toBe('Ardmere Gazette');
  });

  it('renders nothing when no figure moved', () => {
    const report = developingStoryReport();
    report.updates = [];
    expect(rendered(report).innerHTML).toBe('');
  });

  it('keeps markup in a topic or value as text', () => {
    const report = developingStoryReport();
    report.updates[0]!.topic = '<img src="x" onerror="alert(1)"> deaths';
    report.updates[0]!.positions[0]!.value = '<script>alert(2)</script>';
    const container = rendered(report);
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect(container.querySelector('h3')?.textContent).toContain('<img src="x" onerror="alert(1)"> deaths');
    expect(container.querySelector('.value')?.textContent).toBe('<script>alert(2)</script>');
  });
});
