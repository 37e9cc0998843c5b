import { describe, expect, it } from 'vitest';
import { synthesize } from '../src/pipeline/synthesize.js';

// Invented leads. Without article titles the story is titled from its lead sentence, as a headline.
describe('the story title from the lead when no article has a title', () => {
  it.each([
    {
      name: 'drops the attribution and the full stop',
      lead: 'The Aldous council closed the harbour bridge to all traffic on Monday, the mayor said.',
      title: 'The Aldous council closed the harbour bridge to all traffic on Monday',
    },
    {
      name: 'drops "according to …"',
      lead: 'Engineers found cracks in two support beams of the harbour bridge, according to the port authority.',
      title: 'Engineers found cracks in two support beams of the harbour bridge',
    },
    {
      name: 'keeps a short lead whole',
      lead: 'Ferries will carry commuters across the bay until May.',
      title: 'Ferries will carry commuters across the bay until May',
    },
    {
      name: 'cuts a long lead at its first comma',
      lead: 'The harbour bridge closed to all traffic on Monday morning after the night inspection, leaving some forty thousand commuters to find other ways across the bay for weeks.',
      title: 'The harbour bridge closed to all traffic on Monday morning after the night inspection',
    },
    {
      name: 'cuts a long lead without a comma after eighteen words',
      lead: 'The harbour bridge that carries forty thousand commuters a day across the bay between the old town and the port closed on Monday morning for repairs.',
      title:
        'The harbour bridge that carries forty thousand commuters a day across the bay between the old town and…',
    },
  ])('$name', ({ lead, title }) => {
    expect(synthesize([{ id: 'a', body: lead }]).title).toBe(title);
  });

  it('uses an article title when there is one', () => {
    const report = synthesize([
      { id: 'a', body: 'Ferries will carry commuters across the bay until May.' },
      {
        id: 'b',
        title: 'Ferries replace the bridge',
        body: 'Ferries will carry commuters across the bay until May.',
      },
    ]);
    expect(report.title).toBe('Ferries replace the bridge');
  });
});
