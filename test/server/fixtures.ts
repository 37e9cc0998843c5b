/**
 * Invented articles for the server tests (no real article text): two small events told by a few
 * made-up outlets, and one hostile article whose text is markup meant to run in a browser.
 */

/** One upload of `POST /api/ingest`. */
export interface Upload {
  text?: string;
  html?: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
}

/** Three outlets on a ferry fire at an invented lake town. */
export const FERRY_ARTICLES: Upload[] = [
  {
    outlet: 'Verrin Post',
    title: 'Fire halts Lake Verrin ferry service',
    url: 'https://verrin-post.example/ferry-fire',
    published: '2025-06-02',
    text: [
      'A fire broke out in the engine room of the Lake Verrin ferry Maribel on Sunday, forcing 84 passengers to return to Dunmore pier.',
      'Captain Elsa Rautio said the crew put out the fire within twenty minutes. "Everyone walked off the boat unhurt," Rautio said.',
      'The Verrin Ferry Company suspended all crossings until Wednesday while inspectors examine the vessel.',
      'The Maribel entered service in 1999 and was refitted in 2017.',
    ].join('\n\n'),
  },
  {
    outlet: 'Dunmore Daily',
    title: 'Ferry passengers evacuated after engine fire',
    url: 'https://dunmore-daily.example/maribel',
    published: '2025-06-02',
    text: [
      'The Lake Verrin ferry Maribel turned back to Dunmore pier on Sunday after a fire started in its engine room, with 90 passengers on board.',
      '"Everyone walked off the boat unharmed," Captain Elsa Rautio told reporters.',
      'The Verrin Ferry Company suspended all crossings until Wednesday while inspectors examine the vessel.',
      'Ticket holders will be refunded, the company said.',
    ].join('\n\n'),
  },
  {
    outlet: 'Lakeside Radio',
    title: 'Maribel ferry fire: crossings suspended',
    published: '2025-06-03',
    text: [
      'Crossings on Lake Verrin remain suspended after a fire in the engine room of the ferry Maribel on Sunday.',
      'The Verrin Ferry Company said inspectors would examine the vessel before crossings resume on Wednesday.',
      'Captain Elsa Rautio said the crew put out the fire within twenty minutes.',
    ].join('\n\n'),
  },
];

/** Two outlets on a library flood in another invented town. */
export const LIBRARY_ARTICLES: Upload[] = [
  {
    outlet: 'Oakridge Ledger',
    title: 'Burst pipe floods Oakridge library archive',
    published: '2025-01-14',
    text: [
      'A burst water pipe flooded the basement archive of the Oakridge public library on Monday night, soaking about 3,000 old newspapers.',
      'Head librarian Tomasz Wendel said volunteers carried dry boxes upstairs until dawn.',
      'The library will stay closed for two weeks while the basement dries out.',
    ].join('\n\n'),
  },
  {
    outlet: 'Oakridge Gazette',
    title: 'Library archive soaked by burst pipe',
    published: '2025-01-15',
    text: [
      'About 3,000 old newspapers were soaked when a water pipe burst in the basement archive of the Oakridge public library on Monday night.',
      'Volunteers carried dry boxes upstairs until dawn, head librarian Tomasz Wendel said.',
      'The library will stay closed for two weeks.',
    ].join('\n\n'),
  },
];

/** Markup that would run if any part of the reader rendered article text as HTML. */
export const HOSTILE_MARKUP = {
  script: '<script>window.__pwned = 1; alert("script")</script>',
  image: '<img src="x" onerror="window.__pwned = 2; alert(\'img\')">',
  link: '<a href="javascript:window.__pwned=3;alert(\'link\')">read more</a>',
};

/** An article of the ferry story carrying hostile markup as its text, and a `javascript:`-free URL. */
export const HOSTILE_ARTICLE: Upload = {
  outlet: 'Verrin <b>Bold</b> Times',
  title: 'Maribel fire <script>alert("title")</script>',
  published: '2025-06-03',
  text: [
    `The ferry Maribel caught fire on Lake Verrin on Sunday ${HOSTILE_MARKUP.script} and returned to Dunmore pier.`,
    `The Verrin Ferry Company suspended all crossings until Wednesday ${HOSTILE_MARKUP.image} while inspectors examine the vessel.`,
    `Captain Elsa Rautio said the crew put out the fire within twenty minutes ${HOSTILE_MARKUP.link}.`,
  ].join('\n\n'),
};

/** A saved page of the library story, as HTML with furniture around the article. */
export const LIBRARY_PAGE_HTML = `<!doctype html><html><head><title>Library reopens | Oakridge Courier</title>
<meta property="og:site_name" content="Oakridge Courier"><meta property="article:published_time" content="2025-01-16T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Oakridge library counts flood damage</h1>
<p>Staff at the Oakridge public library counted the flood damage on Wednesday after a burst pipe soaked about 3,000 old newspapers in the basement archive.</p>
<p>Head librarian Tomasz Wendel said most of the soaked newspapers could be dried and saved by a restoration firm from the coast.</p>
<p>The library will stay closed for two weeks while the basement dries out, and its reading room will reopen first.</p>
<script>alert("page script")</script><img src="x" onerror="alert('page img')">
</article><footer>Subscribe to our newsletter</footer></body></html>`;
