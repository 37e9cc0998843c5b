/**
 * The story page's figures that moved: each update's values in the order they were reported, each with
 * its as-of time and its sources as citation chips (the passage on hover or focus), the latest marked.
 */

import type { Update } from '../../src/model/index.js';
import { asOfLabel, spansYears } from './as-of.js';
import { Citations, type SourceIndex } from './common.js';
import { html } from './html.js';

function UpdateCard(props: { storyId: string; update: Update; withYear: boolean; sources: SourceIndex }) {
  const { storyId, update, withYear, sources } = props;
  const last = update.positions.length - 1;
  return html`<article class="update">
    <h3><span class="badge update-kind">${update.kind}</span> ${update.topic}</h3>
    <ol class="moves" aria-label=${`${update.topic}, earliest first`}>${update.positions.map(
      (position, index) => html`<li class=${index === last ? 'move latest' : 'move'}>
        <span class="value">${position.value}</span>
        <time datetime=${position.asOf}>${asOfLabel(position.asOf, withYear)}</time>
        ${position.stance ? html`<span class="muted">${position.stance}${position.cue ? `: “${position.cue}”` : ''}</span>` : null}
        <${Citations} storyId=${storyId} evidence=${position.evidence} sources=${sources} />
        ${index === last ? html`<span class="visually-hidden">(latest)</span>` : null}
      </li>`,
    )}</ol>
  </article>`;
}

/** The updates section; nothing when no figure moved. */
export function Updates(props: { storyId: string; updates: readonly Update[]; sources: SourceIndex }) {
  const { storyId, updates, sources } = props;
  if (updates.length === 0) return null;
  const withYear = spansYears(updates);
  return html`<section aria-labelledby="updates-title">
    <h2 id="updates-title">How figures moved (${updates.length})</h2>
    <p class="legend muted">Values in the order reported, each with its time; the latest in bold. Later reports
      revised these figures: they are not disagreements. Hover or focus a source for its passage.</p>
    ${updates.map(
      (update) =>
        html`<${UpdateCard} storyId=${storyId} update=${update} withYear=${withYear} sources=${sources} />`,
    )}
  </section>`;
}
