/**
 * One source of a story in context: its cleaned text with the passages that feed claims highlighted,
 * the passage a citation pointed to scrolled into view, and what cleaning removed from it.
 */

import { useEffect } from 'preact/hooks';
import type { Span, StoryReport } from '../../src/model/index.js';
import { type ArticleResponse, getJson, loadStory } from './api.js';
import { indexSources, LoadState, useLoad } from './common.js';
import { html } from './html.js';
import { safeExternalUrl, storyHref } from './links.js';

interface Highlight extends Span {
  target: boolean;
}

/** The claim passages of one source, merged where they overlap, with the cited passage kept apart. */
function highlights(report: StoryReport, sourceId: string, target: Span | undefined): Highlight[] {
  const spans = report.claims
    .flatMap((claim) => claim.evidence)
    .filter((evidence) => evidence.source === sourceId)
    .map((evidence) => ({ start: evidence.start, end: evidence.end }))
    .sort((left, right) => left.start - right.start);
  const merged: Highlight[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span, target: false });
  }
  if (target === undefined) return merged;
  // The cited passage wins: claim highlights are cut around it.
  const cut = merged.flatMap((span): Highlight[] => {
    if (span.end <= target.start || span.start >= target.end) return [span];
    const pieces: Highlight[] = [];
    if (span.start < target.start) pieces.push({ start: span.start, end: target.start, target: false });
    if (span.end > target.end) pieces.push({ start: target.end, end: span.end, target: false });
    return pieces;
  });
  return [...cut, { ...target, target: true }].sort((left, right) => left.start - right.start);
}

/** Paragraphs of the text with their highlights, every piece a text node. */
function Body(props: { text: string; marks: Highlight[]; titleEnd?: number | undefined }) {
  const { text, marks, titleEnd } = props;
  const paragraphs: Array<{ start: number; end: number }> = [];
  const breaks = /\n\s*\n/g;
  let start = 0;
  // The headline opens the canonical text but is already the page's heading: it is shown again only
  // when a highlighted passage falls in it.
  if (titleEnd !== undefined && !marks.some((mark) => mark.start < titleEnd)) {
    breaks.lastIndex = titleEnd;
    const afterTitle = breaks.exec(text);
    start = afterTitle === null ? text.length : afterTitle.index + afterTitle[0].length;
  }
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    paragraphs.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  paragraphs.push({ start, end: text.length });
  return html`<div class="article-body">${paragraphs.map((paragraph) => {
    const pieces = [];
    let cursor = paragraph.start;
    for (const mark of marks) {
      const from = Math.max(mark.start, paragraph.start);
      const to = Math.min(mark.end, paragraph.end);
      if (to <= from) continue;
      if (from > cursor) pieces.push(text.slice(cursor, from));
      pieces.push(
        mark.target
          ? html`<mark class="target" id="cited-passage" tabindex="-1">${text.slice(from, to)}</mark>`
          : html`<mark class="claim">${text.slice(from, to)}</mark>`,
      );
      cursor = to;
    }
    if (cursor < paragraph.end) pieces.push(text.slice(cursor, paragraph.end));
    return paragraph.start === 0 && titleEnd !== undefined
      ? html`<p class="article-title">${pieces}</p>`
      : html`<p>${pieces}</p>`;
  })}</div>`;
}

/** The article view. */
export function SourcePage(props: { storyId: string; sourceId: string; start?: number; end?: number }) {
  const { storyId, sourceId } = props;
  const loaded = useLoad(storyId, () => loadStory(storyId));
  const stored = useLoad(`article:${sourceId}`, () =>
    getJson<ArticleResponse>(`/api/articles/${encodeURIComponent(sourceId)}`),
  );
  const target =
    props.start !== undefined && props.end !== undefined ? { start: props.start, end: props.end } : undefined;
  useEffect(() => {
    const element = document.getElementById('cited-passage');
    if (element !== null) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    }
  }, [loaded.state, props.start, props.end]);
  if (loaded.state !== 'ready') return html`<div class="page"><${LoadState} loaded=${loaded} /></div>`;
  const report = loaded.value.report;
  const source = report.sources.find((candidate) => candidate.id === sourceId);
  if (source === undefined)
    return html`<div class="page"><p class="error" role="alert">This story has no such source.</p></div>`;
  const validTarget = target !== undefined && target.end <= source.text.length ? target : undefined;
  const removed = report.diagnostics.filter((diagnostic) => diagnostic.source === sourceId);
  const external = safeExternalUrl(source.url);
  const label = indexSources(report.sources).label(source.id);
  return html`<article class="page source-page">
    <p class="back"><a href=${storyHref(storyId)}>← ${report.title}</a></p>
    <h1 tabindex="-1">${source.title ?? label}</h1>
    <p class="facts"><span class="outlet" title=${source.id}>${label}</span><span>${source.published ?? 'undated'}</span>
      ${stored.state === 'ready' ? html`<span>ingested ${stored.value.ingestedAt.slice(0, 10)}</span>` : null}
      ${external ? html`<a class="external" href=${external} rel="noopener noreferrer nofollow" target="_blank">original ↗</a>` : null}</p>
    <p class="legend"><mark class="claim">passage of a claim</mark> ${validTarget ? html`<mark class="target-legend">cited passage</mark>` : null}</p>
    <${Body} text=${source.text} marks=${highlights(report, sourceId, validTarget)} titleEnd=${source.titleEnd} />
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">What cleaning removed and inferred</h2>
      ${removed.length === 0 ? html`<p>Nothing was removed from this article.</p>` : null}
      <ul class="diagnostics">${removed.map(
        (diagnostic) =>
          html`<li><span class=${`badge severity-${diagnostic.severity}`}>${diagnostic.code}</span> ${diagnostic.message}</li>`,
      )}</ul>
    </section>
  </article>`;
}
