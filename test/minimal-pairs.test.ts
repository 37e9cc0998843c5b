import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../src/model/index.js';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { mergeEntities } from '../src/stages/entities.js';
import { minimalPairConflicts } from '../src/stages/minimal-pairs.js';

/** The minimal-pair conflicts of invented one-paragraph articles, one per outlet. */
function conflictsOf(bodies: readonly string[]) {
  const articles = bodies.map((body, index) => {
    const input: ArticleInput = { id: `s${index + 1}`, body, outlet: `Outlet ${index + 1}` };
    return analyzeArticle(input);
  });
  return minimalPairConflicts(articles, mergeEntities(articles));
}

const values = (bodies: readonly string[]): string[][] =>
  conflictsOf(bodies).map((conflict) => conflict.positions.map((position) => position.value).sort());

describe('minimalPairConflicts', () => {
  it.each<[string, string[], string[][]]>([
    [
      'two actresses in one sentence otherwise copied',
      [
        'The studio confirmed that Kristen Stewart will return for the female lead of New Moon next year.',
        'The studio confirmed that Kristen Bell will return for the female lead of New Moon next year.',
      ],
      [['Kristen Bell', 'Kristen Stewart']],
    ],
    [
      'opposite directions in the same words',
      [
        'Pirates attacked the merchant ship 150 nautical miles west of Aden on Saturday morning.',
        'The freighter was sailing 150 nautical miles east of Aden when it radioed for help.',
      ],
      [['east', 'west']],
    ],
    [
      'two colours of one car',
      [
        'Police said the driver hit her with his silver Toyota Camry near the temple.',
        'The driver struck the woman with a grey Toyota Camry and drove away.',
      ],
      [['grey', 'silver']],
    ],
    // Negative cases: pronouns for names, aliases, neighbouring bearings, spellings, two sides of one story.
    [
      'negative: a pronoun for a name',
      [
        'Nichols will be sentenced on Friday in the Fulton County courthouse, prosecutors said.',
        'He will be sentenced on Friday in the Fulton County courthouse, prosecutors said.',
      ],
      [],
    ],
    [
      'negative: bearings less than a right angle apart',
      [
        'The epicentre lay 60 kilometres southwest of Bandar Abbas on the coast.',
        'The epicentre lay 60 kilometres west of Bandar Abbas on the coast.',
      ],
      [],
    ],
    [
      'negative: two spellings of one colour',
      [
        'The driver hit her with his gray Toyota Camry near the temple.',
        'The driver hit her with his grey Toyota Camry near the temple.',
      ],
      [],
    ],
    [
      'negative: a direction inside a name',
      [
        'North Korea and South Korea trade ballistic missile tests amid stalled talks.',
        'North Korea fires ballistic missiles, days after South Korea trade tests.',
      ],
      [],
    ],
    [
      'negative: one outlet giving both directions',
      [
        'Roads north of the river and south of the river were closed on Monday.',
        'Roads north of the river were closed on Monday, the council said.',
      ],
      [],
    ],
  ])('%s', (_name, bodies, expected) => {
    expect(values(bodies)).toEqual(expected);
  });

  it('cites both sentences, each at its exact characters', () => {
    const [conflict] = conflictsOf([
      'Pirates attacked the merchant ship 150 nautical miles west of Aden on Saturday morning.',
      'The freighter was sailing 150 nautical miles east of Aden when it radioed for help.',
    ]);
    for (const position of conflict!.positions)
      for (const evidence of position.evidence)
        expect(evidence.text.length).toBe(evidence.end - evidence.start);
  });
});
