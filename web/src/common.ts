/**
 * Small pieces every page uses: loading state for an async call, source labels, citation chips.
 */

import { useEffect, useId, useState } from 'preact/hooks';
import type { Evidence, Source } from '../../src/model/index.js';
import { html } from './html.js';
import { listHref, sourceHref } from './links.js';
import { sourceLabels } from './source-labels.js';

/** The state of one async load. */
export type Loaded<Value> =
  | { state: 'loading' }
  | { state: 'ready'; value: Value }
  | { state: 'failed'; message: string };

/** Runs `load` whenever `key` changes and returns its state; a stale answer never overwrites a newer one. */
export function useLoad<Value>(key: string, load: () => Promise<Value>): Loaded<Value> {
  const [loaded, setLoaded] = useState<Loaded<Value>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) =>
        current &&
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}

/** A story's sources by id, with the label each carries on screen (see {@link sourceLabels}). */
export interface SourceIndex {
  /** The source's short label; the id itself for a source the story does not have. */
  label(id: string): string;
  /** The source's place in the story, for ordering; after every source for one the story lacks. */
  position(id: string): number;
}

/** Indexes a story's sources for labels and order. */
export function indexSources(sources: readonly Source[]): SourceIndex {
  const labels = sourceLabels(sources);
  const positions = new Map(sources.map((source, index) => [source.id, index]));
  return {
    label: (id) => labels.get(id) ?? id,
    position: (id) => positions.get(id) ?? sources.length,
  };
}

/**
 * A citation chip: a link to the passage in its article; hovering or focusing it shows the exact
 * passage (a tooltip element, so touch, mouse and keyboard all reach it).
 */
export function Citation(props: { storyId: string; evidence: Evidence; name: string }) {
  const { storyId, evidence, name } = props;
  const tipId = useId();
  return html`<span class="cite">
    <a class="chip" href=${sourceHref(storyId, evidence.source, evidence)} aria-describedby=${tipId}>${name}</a>
    <span class="tip" role="tooltip" id=${tipId}><strong>${name}</strong> <q>${evidence.text}</q></span>
  </span>`;
}

/** One chip per source among the evidence (its first passage): the first given, then the rest in story order. */
export function Citations(props: { storyId: string; evidence: readonly Evidence[]; sources: SourceIndex }) {
  const seen = new Set<string>();
  const [own, ...others] = props.evidence.filter(
    (evidence) => !seen.has(evidence.source) && seen.add(evidence.source),
  );
  // The passage the text was taken from leads; the other outlets follow in the story's order.
  others.sort((a, b) => props.sources.position(a.source) - props.sources.position(b.source));
  const chips = own === undefined ? [] : [own, ...others];
  return html`<span class="citations">${chips.map(
    (evidence) =>
      html`<${Citation} key=${evidence.source} storyId=${props.storyId} evidence=${evidence}
        name=${props.sources.label(evidence.source)} />`,
  )}</span>`;
}

/** A failed or pending load, shown in place of the page. */
export function LoadState(props: { loaded: Loaded<unknown> }) {
  if (props.loaded.state === 'loading') return html`<p class="loading" aria-live="polite">Loading…</p>`;
  // A failed page (a story that is gone, a server that stopped) always offers the way back.
  if (props.loaded.state === 'failed')
    return html`<h1 tabindex="-1">Cannot show this page</h1>
      <p class="error" role="alert">${props.loaded.message}</p>
      <p><a class="back" href=${listHref()}>Back to the stories</a></p>`;
  return null;
}

/** A date range as `from – to`, or one date, or nothing. */
export function dateRange(first: string | null | undefined, last: string | null | undefined): string {
  const from = first?.slice(0, 10);
  const to = last?.slice(0, 10);
  if (!from && !to) return 'undated';
  if (!from || !to || from === to) return (from ?? to) as string;
  return `${from} – ${to}`;
}
