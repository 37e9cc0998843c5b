/**
 * The story page: summary with citation chips, the claims × outlets grid (reprints folded into what
 * they copy), conflicts side by side, figures that moved as the story developed, the quote ledger with
 * word differences, entities and a timeline.
 */

import { useState } from 'preact/hooks';
import type { Claim, Conflict, QuoteGroup, StoryReport } from '../../src/model/index.js';
import { loadStory } from './api.js';
import { Citations, dateRange, indexSources, LoadState, type SourceIndex, useLoad } from './common.js';
import { html } from './html.js';
import { safeExternalUrl, sourceHref, storyHref } from './links.js';
import { Timeline } from './timeline.js';
import { Updates } from './updates.js';
import { wordDiff } from './word-diff.js';

type Sources = SourceIndex;

/** Each reprint's original, following chains (a copy of a copy counts with the first original). */
function originals(report: StoryReport): Map<string, string> {
  const copyOf = new Map((report.reprints ?? []).map((reprint) => [reprint.source, reprint.copyOf]));
  const result = new Map<string, string>();
  for (const source of report.sources) {
    let current = source.id;
    const seen = new Set<string>();
    while (copyOf.has(current) && !seen.has(current)) {
      seen.add(current);
      current = copyOf.get(current)!;
    }
    result.set(source.id, current);
  }
  return result;
}

function Summary(props: { storyId: string; report: StoryReport; sources: Sources }) {
  return html`<section aria-labelledby="summary-title">
    <h2 id="summary-title">Summary</h2>
    ${props.report.summary.length === 0 ? html`<p>No summary: the sources share no statement.</p>` : null}
    <ol class="summary">${props.report.summary.map(
      (sentence) =>
        html`<li>${sentence.text} <${Citations} storyId=${props.storyId} evidence=${sentence.evidence} sources=${props.sources} /></li>`,
    )}</ol>
  </section>`;
}

function SourceList(props: {
  storyId: string;
  report: StoryReport;
  sources: Sources;
  folded: Map<string, string>;
}) {
  const { storyId, report, folded, sources: names } = props;
  return html`<section aria-labelledby="sources-title">
    <h2 id="sources-title">Sources</h2>
    <ul class="source-list">${report.sources.map((source) => {
      const external = safeExternalUrl(source.url);
      const original = folded.get(source.id);
      return html`<li>
        <a href=${sourceHref(storyId, source.id)}>${names.label(source.id)}</a>
        ${source.title ? html` — <span class="source-title">${source.title}</span>` : null}
        <span class="muted"> ${source.published ?? 'undated'}</span>
        ${original !== undefined && original !== source.id ? html` <span class="badge reprint">reprints ${names.label(original)}</span>` : null}
        ${external ? html` <a class="external" href=${external} rel="noopener noreferrer nofollow" target="_blank">original ↗</a>` : null}
      </li>`;
    })}</ul>
  </section>`;
}

const KINDS = ['consensus', 'shared', 'unique'] as const;

function ClaimGrid(props: {
  storyId: string;
  report: StoryReport;
  sources: Sources;
  folded: Map<string, string>;
}) {
  const { storyId, report, sources, folded } = props;
  const [kind, setKind] = useState<'all' | Claim['kind']>('all');
  const columns = report.sources.filter((source) => folded.get(source.id) === source.id);
  const copies = (column: string) =>
    report.sources.filter((source) => source.id !== column && folded.get(source.id) === column);
  const claims = report.claims.filter((claim) => kind === 'all' || claim.kind === kind);
  const counts = Object.fromEntries(
    KINDS.map((name) => [name, report.claims.filter((claim) => claim.kind === name).length]),
  );
  return html`<section aria-labelledby="claims-title">
    <h2 id="claims-title">Claims by outlet</h2>
    <div class="filters" role="group" aria-label="Show claims">
      ${(['all', ...KINDS] as const).map(
        (name) => html`<button type="button" aria-pressed=${kind === name} onClick=${() => setKind(name)}>
          ${name}${name === 'all' ? ` (${report.claims.length})` : ` (${counts[name]})`}</button>`,
      )}
    </div>
    <div class="grid-scroll" tabindex="0" role="region" aria-label="Claims by outlet, scrollable">
      <table class="claim-grid">
        <thead><tr><th scope="col">Claim</th>${columns.map((column) => {
          const folds = copies(column.id);
          return html`<th scope="col"><span class="column-name">${sources.label(column.id)}</span>${
            folds.length > 0
              ? html`<span class="folded">+ ${folds.map((copy) => sources.label(copy.id)).join(', ')} (reprint)</span>`
              : null
          }</th>`;
        })}</tr></thead>
        <tbody>${claims.map(
          (claim) => html`<tr class=${`kind-${claim.kind}`} key=${claim.id}>
            <th scope="row"><span class=${`badge ${claim.kind}`}>${claim.kind}</span> ${claim.text}</th>
            ${columns.map((column) => {
              const evidence = claim.evidence.find((item) => folded.get(item.source) === column.id);
              if (evidence === undefined)
                return html`<td class="absent"><span class="visually-hidden">not reported</span></td>`;
              const viaCopy = evidence.source !== column.id;
              return html`<td class="present"><a href=${sourceHref(storyId, evidence.source, evidence)} title=${evidence.text}
                aria-label=${`${sources.label(evidence.source)}: ${evidence.text}`}>${viaCopy ? '◐' : '●'}</a></td>`;
            })}
          </tr>`,
        )}</tbody>
      </table>
    </div>
  </section>`;
}

function ConflictCard(props: { storyId: string; conflict: Conflict; sources: Sources }) {
  const { storyId, conflict, sources } = props;
  return html`<details class="conflict">
    <summary><span class="badge conflict-kind">${conflict.kind}</span> ${conflict.topic}
      <span class="muted"> — ${conflict.positions.length} positions</span></summary>
    <div class="positions">${conflict.positions.map(
      (position) => html`<div class="position">
        <h3>${position.value}</h3>
        ${position.stance ? html`<p class="muted">${position.stance}${position.cue ? `: “${position.cue}”` : ''}</p>` : null}
        <${Citations} storyId=${storyId} evidence=${position.evidence} sources=${sources} />
        ${position.evidence.map(
          (evidence) =>
            html`<blockquote><p>${evidence.text}</p><footer>— ${sources.label(evidence.source)}</footer></blockquote>`,
        )}
      </div>`,
    )}</div>
  </details>`;
}

function Conflicts(props: { storyId: string; report: StoryReport; sources: Sources }) {
  return html`<section aria-labelledby="conflicts-title">
    <h2 id="conflicts-title">Conflicts (${props.report.conflicts.length})</h2>
    ${props.report.conflicts.length === 0 ? html`<p>The sources do not contradict each other on any number, date, name or statement found.</p>` : null}
    ${props.report.conflicts.map((conflict) => html`<${ConflictCard} storyId=${props.storyId} conflict=${conflict} sources=${props.sources} />`)}
  </section>`;
}

function Rendering(props: { base: string; text: string }) {
  return html`<span class="rendering">${wordDiff(props.base, props.text).map((part) =>
    part.kind === 'same'
      ? `${part.text} `
      : part.kind === 'added'
        ? html`<ins>${part.text}</ins> `
        : html`<del>${part.text}</del> `,
  )}</span>`;
}

function QuoteLedger(props: { storyId: string; quotes: QuoteGroup[]; sources: Sources }) {
  const { storyId, quotes, sources } = props;
  return html`<section aria-labelledby="quotes-title">
    <h2 id="quotes-title">Quote ledger (${quotes.length})</h2>
    ${quotes.map(
      (group) => html`<article class="quote-group">
        <h3>${group.speaker ?? 'Unattributed'}${group.conflictingSpeakers ? html` <span class="badge conflict-kind">attributed to ${group.conflictingSpeakers.join(' / ')}</span>` : null}</h3>
        <p class="quote-base"><q>${group.text}</q></p>
        <table class="quote-table"><thead><tr><th scope="col">Outlet</th><th scope="col">Rendering</th><th scope="col">Fidelity</th></tr></thead>
          <tbody>${group.variants.map(
            (variant) => html`<tr>
              <th scope="row"><a href=${sourceHref(storyId, variant.source, variant.evidence)}>${sources.label(variant.source)}</a>
                ${variant.speaker ? html`<span class="muted"> (${variant.speaker})</span>` : null}</th>
              <td><${Rendering} base=${group.text} text=${variant.text} /></td>
              <td><span class=${`badge fidelity-${variant.fidelity ?? 'unknown'}`}>${variant.fidelity ?? (variant.direct ? 'direct' : 'reported')}</span>
                ${variant.paraphraseInQuotes ? html` <span class="badge warning">paraphrase in quotes</span>` : null}</td>
            </tr>`,
          )}</tbody></table>
      </article>`,
    )}
  </section>`;
}

function Entities(props: { report: StoryReport }) {
  return html`<section aria-labelledby="entities-title">
    <h2 id="entities-title">People, organisations, places</h2>
    <div class="grid-scroll"><table class="entities"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also written</th><th scope="col">Outlets</th><th scope="col">Mentions</th></tr></thead>
      <tbody>${props.report.entities.map(
        (
          entity,
        ) => html`<tr><th scope="row">${entity.name}</th><td>${entity.type}</td><td>${entity.aliases.join(', ')}</td>
          <td>${entity.sources.length}</td><td>${entity.mentions}</td></tr>`,
      )}</tbody></table></div>
  </section>`;
}

const SECTIONS = [
  ['summary-title', 'Summary'],
  ['claims-title', 'Claims'],
  ['conflicts-title', 'Conflicts'],
  ['updates-title', 'Updates'],
  ['quotes-title', 'Quotes'],
  ['entities-title', 'Entities'],
  ['timeline-title', 'Timeline'],
  ['sources-title', 'Sources'],
] as const;

/** In-page jumps without touching the hash, which holds the route. */
function jumpTo(event: Event, id: string): void {
  event.preventDefault();
  const heading = document.getElementById(id);
  if (heading === null) return;
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** The story page. */
export function StoryPage(props: { storyId: string }) {
  const loaded = useLoad(props.storyId, () => loadStory(props.storyId));
  if (loaded.state !== 'ready') return html`<div class="page"><${LoadState} loaded=${loaded} /></div>`;
  const { story, report } = loaded.value;
  const sources = indexSources(report.sources);
  const folded = originals(report);
  const dates = report.sources
    .map((source) => source.published)
    .filter((date): date is string => date !== undefined)
    .sort();
  return html`<article class="page story-page">
    <p class="back"><a href="#/">← All stories</a></p>
    <h1 tabindex="-1">${report.title}</h1>
    <p class="facts"><span>${report.sources.length} sources</span><span>${dateRange(dates[0], dates.at(-1))}</span>
      <span>${report.claims.length} claims</span><span class=${report.conflicts.length > 0 ? 'has-conflicts' : ''}>${report.conflicts.length} conflicts</span>
      ${report.updates.length > 0 ? html`<span>${report.updates.length} ${report.updates.length === 1 ? 'figure' : 'figures'} moved</span>` : null}
      ${story.stale ? html`<span>report being refreshed</span>` : null}</p>
    <nav class="toc" aria-label="Sections">${SECTIONS.filter(
      ([id]) => id !== 'updates-title' || report.updates.length > 0,
    ).map(
      ([id, label]) =>
        html`<a href=${`${storyHref(story.id)}`} onClick=${(event: Event) => jumpTo(event, id)}>${label}</a>`,
    )}</nav>
    <${Summary} storyId=${story.id} report=${report} sources=${sources} />
    <${ClaimGrid} storyId=${story.id} report=${report} sources=${sources} folded=${folded} />
    <${Conflicts} storyId=${story.id} report=${report} sources=${sources} />
    <${Updates} storyId=${story.id} updates=${report.updates} sources=${sources} />
    <${QuoteLedger} storyId=${story.id} quotes=${report.quotes} sources=${sources} />
    <${Entities} report=${report} />
    <${Timeline} storyId=${story.id} events=${report.timeline} sources=${sources} />
    <${SourceList} storyId=${story.id} report=${report} sources=${sources} folded=${folded} />
  </article>`;
}
