/**
 * The story list: every story with its headline, size, outlets, date range and conflict count, a
 * search box that filters the list and shows matching passages.
 */
import { useEffect, useRef } from 'preact/hooks';
import { getJson, type PageResponse, type SearchResponse, type StoryListItem } from './api.js';
import { dateRange, LoadState, useLoad } from './common.js';
import { html } from './html.js';
import { listHref, sourceHref, storyHref } from './links.js';

const PAGE_SIZE = 20;

/** A search snippet with its matched terms (between « and ») marked, as text. */
function Snippet(props: { text: string }) {
  const parts = props.text.split(/[«»]/);
  return html`<span>${parts.map((part, position) => (position % 2 === 1 ? html`<mark>${part}</mark>` : part))}</span>`;
}

function SearchBox(props: { query: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.value = props.query;
  }, [props.query]);
  const submit = (event: Event) => {
    event.preventDefault();
    location.hash = listHref(input.current?.value.trim() ?? '');
  };
  return html`<form class="search" role="search" onSubmit=${submit}>
    <label for="search-input">Search stories</label>
    <input id="search-input" name="q" type="search" ref=${input} placeholder="words, “a phrase”, prefix*" maxlength="500" />
    <button type="submit">Search</button>
    ${props.query ? html`<a class="clear" href="#/">Clear</a>` : null}
  </form>`;
}

function StoryRow(props: { story: StoryListItem }) {
  const story = props.story;
  return html`<li class="story-row">
    <h2><a href=${storyHref(story.id)}>${story.title}</a></h2>
    ${story.headline ? html`<p class="headline">${story.headline}</p>` : null}
    <p class="facts">
      <span>${story.size} article${story.size === 1 ? '' : 's'}</span>
      <span>${dateRange(story.firstPublished, story.lastPublished)}</span>
      <span class=${story.conflicts > 0 ? 'conflict-count has-conflicts' : 'conflict-count'}>
        ${story.conflicts} conflict${story.conflicts === 1 ? '' : 's'}</span>
    </p>
    <p class="outlets">${story.outlets.map((outlet) => html`<span class="outlet">${outlet}</span>`)}</p>
  </li>`;
}

function Passages(props: { query: string }) {
  const loaded = useLoad(`search:${props.query}`, () =>
    getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(props.query)}&limit=10`),
  );
  if (loaded.state !== 'ready') return html`<${LoadState} loaded=${loaded} />`;
  const hits = loaded.value.hits.filter((hit) => hit.storyId !== undefined);
  return html`<section class="passages" aria-labelledby="passages-title">
    <h2 id="passages-title">Matching passages</h2>
    ${hits.length === 0 ? html`<p>No passage matches.</p>` : null}
    <ol>${hits.map(
      (hit) => html`<li class="hit">
        <a href=${hit.kind === 'article' && hit.articleId ? sourceHref(hit.storyId!, hit.articleId) : storyHref(hit.storyId!)}>
          <span class="hit-kind">${hit.kind}</span> <${Snippet} text=${hit.snippet} /></a>
      </li>`,
    )}</ol>
  </section>`;
}

/** The list page: its place is the trail of cursors walked from the first page. */
export function StoryList(props: { query: string; trail: string[] }) {
  const { query, trail } = props;
  const parameters = new URLSearchParams({ limit: String(PAGE_SIZE) });
  const cursor = trail.at(-1);
  if (cursor !== undefined) parameters.set('cursor', cursor);
  if (query) parameters.set('q', query);
  const loaded = useLoad(parameters.toString(), () =>
    getJson<PageResponse<StoryListItem>>(`/api/stories?${parameters.toString()}`),
  );
  return html`<div class="page list-page">
    <h1 tabindex="-1">${query ? `Stories matching “${query}”` : 'Stories'}</h1>
    <${SearchBox} query=${query} />
    ${
      loaded.state === 'ready'
        ? html`<p class="count">${loaded.value.total} stor${loaded.value.total === 1 ? 'y' : 'ies'}</p>
          <ol class="stories">${loaded.value.items.map((story) => html`<${StoryRow} key=${story.id} story=${story} />`)}</ol>
          <nav class="pager" aria-label="Pages">
            ${trail.length > 0 ? html`<a href=${listHref(query, trail.slice(0, -1))}>← Newer</a>` : null}
            ${loaded.value.next !== null ? html`<a href=${listHref(query, [...trail, loaded.value.next])}>Older →</a>` : null}
          </nav>`
        : html`<${LoadState} loaded=${loaded} />`
    }
    ${query ? html`<${Passages} query=${query} />` : null}
  </div>`;
}
