import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/ingest/html/html-to-text.js';

describe('htmlToText', () => {
  it.each([
    { name: 'paragraphs', html: '<p>First one.</p><p>Second one.</p>', text: 'First one.\n\nSecond one.' },
    {
      name: 'adjacent blocks are never glued',
      html: '<div>The delegation left.</div><div>Mr. Kim drove home.</div>',
      text: 'The delegation left.\n\nMr. Kim drove home.',
    },
    {
      name: 'inline markup stays in its paragraph',
      html: '<p>A <b>bold</b> <a href="#">link</a>.</p>',
      text: 'A bold link.',
    },
    { name: 'whitespace collapses', html: '<p>  spread\n   over\tlines  </p>', text: 'spread over lines' },
    { name: 'a <br> is a line break', html: '<p>line one<br>line two</p>', text: 'line one\nline two' },
    { name: 'list items', html: '<ul><li>apples</li><li>pears</li></ul>', text: 'apples\n\npears' },
    { name: 'headings', html: '<h2>Heading</h2>Loose text after it', text: 'Heading\n\nLoose text after it' },
    {
      name: 'table rows, cells on one line',
      html: '<table><tr><th>Team</th><th>Points</th></tr><tr><td>North</td><td>12</td></tr></table>',
      text: 'Team Points\n\nNorth 12',
    },
    { name: 'pre keeps its layout', html: '<pre>  a = 1\n  b = 2</pre>', text: '  a = 1\n  b = 2' },
    {
      name: 'entities decode',
      html: '<p>Fish &amp; chips &lt;3 caf&eacute; &#8364;5</p>',
      text: 'Fish & chips <3 café €5',
    },
    { name: 'non-breaking spaces become spaces', html: '<p>85&nbsp;000&nbsp;€</p>', text: '85 000 €' },
    // Negative cases: what must give no text.
    {
      name: 'scripts and styles',
      html: '<p>Kept.</p><script>alert(1)</script><style>p{}</style>',
      text: 'Kept.',
    },
    {
      name: 'hidden elements',
      html: '<p>Kept.</p><p hidden>no</p><div style="display: none">no</div>',
      text: 'Kept.',
    },
    {
      name: 'media and widgets',
      html: '<p>Kept.</p><img alt="no"><button>no</button><select><option>no</option></select>',
      text: 'Kept.',
    },
    { name: 'empty blocks', html: '<p></p><div> </div><p>Kept.</p>', text: 'Kept.' },
    { name: 'empty input', html: '', text: '' },
    {
      name: 'plain text passes through',
      html: 'One paragraph.\n\nAnother  one.',
      text: 'One paragraph.\n\nAnother one.',
    },
  ])('$name', ({ html, text }) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps event handlers and javascript: links inert (they are never text)', () => {
    const text = htmlToText(
      '<p onclick="alert(1)">Safe <a href="javascript:alert(2)">link</a><img src=x onerror="alert(3)"></p>',
    );
    expect(text).toBe('Safe link');
  });

  it('is linear on a long fragment', () => {
    const html = '<p>A sentence of the long fragment.</p>'.repeat(20_000);
    const started = performance.now();
    const text = htmlToText(html);
    expect(text.split('\n\n')).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
