/**
 * The reader's entry: a hash router over three pages. Hash routes need no server support and keep the
 * API and the reader on one origin.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { parseRoute, type Route } from './links.js';
import { SourcePage } from './source-page.js';
import { StoryList } from './story-list.js';
import { StoryPage } from './story-page.js';

function Page(props: { route: Route }) {
  const route = props.route;
  switch (route.page) {
    case 'list':
      return html`<${StoryList} query=${route.query} trail=${route.trail} />`;
    case 'story':
      return html`<${StoryPage} key=${route.storyId} storyId=${route.storyId} />`;
    case 'source':
      return html`<${SourcePage} key=${`${route.storyId}/${route.sourceId}`} storyId=${route.storyId} sourceId=${route.sourceId}
        start=${route.start} end=${route.end} />`;
    default:
      return html`<div class="page"><h1 tabindex="-1">Not found</h1><p><a href="#/">Back to the stories</a></p></div>`;
  }
}

function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => {
      // `#main` and other anchors without a slash are in-page jumps (the skip link), not routes.
      if (location.hash !== '' && !location.hash.startsWith('#/')) return;
      const next = parseRoute(location.hash);
      setRoute(next);
      if (next.page !== 'source') {
        window.scrollTo(0, 0);
        // Move focus to the new page's heading so keyboard and screen-reader users start there.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }),
        );
      }
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return html`<${Page} route=${route} />`;
}

const main = document.getElementById('main');
if (main !== null) {
  main.textContent = '';
  render(html`<${App} />`, main);
}
