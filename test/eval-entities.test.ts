import { describe, expect, it } from 'vitest';
import { parseCromer } from '../eval/ecbplus.js';
import {
  type CapitalisationRate,
  capitalisationRates,
  entityErrors,
  evaluateStory,
  type GoldMention,
  goldMentions,
  headMatch,
  type NamedDecision,
  nameCore,
  namedDecision,
  rawToCanonical,
  type ScoredMention,
  type StoryDocument,
  scoreOutcomes,
  sharedTokenLabels,
} from '../eval/entities.js';
import type { Mention } from '../src/model/index.js';
import { FIXTURE_TEXT, FIXTURE_XML } from './helpers/ecbplus-fixtures.js';

// Every name and sentence below is invented.

/** Every capitalised word is a name except those listed as usually lower-case. */
const rateOf =
  (lowerCase: readonly string[]): CapitalisationRate =>
  (word) =>
    lowerCase.includes(word) ? 0.1 : undefined;

describe('rawToCanonical', () => {
  it('maps kept characters across a removal and rewritten spacing', () => {
    const raw = 'Sign up now\nMara Venn left.\nShe  went home.';
    const canonical = 'Mara Venn left.\n\nShe went home.';
    const map = rawToCanonical(raw, canonical, [{ start: 0, end: 11 }]);
    expect(map).toBeDefined();
    const venn = raw.indexOf('Venn');
    expect(canonical.slice(map!(venn)!, map!(venn + 3)! + 1)).toBe('Venn');
    expect(canonical[map!(raw.indexOf('went'))!]).toBe('w');
    expect(map!(3)).toBeUndefined();
  });

  it('refuses texts whose characters differ', () => {
    expect(rawToCanonical('Mara left.', 'Mira left.', [])).toBeUndefined();
  });
});

describe('nameCore and namedDecision', () => {
  it.each<{ words: string[]; core: string; decision: NamedDecision; lowerCase?: string[] }>([
    { words: ['Mara', 'Venn'], core: 'Mara Venn', decision: 'name' },
    { words: ['Mr.', 'Venn', "'s"], core: 'Mr. Venn', decision: 'name' },
    {
      words: ['at', 'the', 'Harbor', 'Clinic', 'in', 'Eastport', ',', 'Calif'],
      core: 'Harbor Clinic',
      decision: 'name',
    },
    { words: ['the', 'clinic', 'in', 'Eastport'], core: 'clinic', decision: 'lower-case head' },
    { words: ['the', 'north', 'end', 'of', 'Eastport'], core: 'north end', decision: 'lower-case head' },
    { words: ['Bank', 'of', 'Eastport'], core: 'Bank of Eastport', decision: 'name' },
    { words: ['the', 'famed', 'Harbor', 'Clinic'], core: 'Harbor Clinic', decision: 'name' },
    {
      words: ['Lake', 'Orin', 'and', 'Port', 'Sal'],
      core: 'Lake Orin and Port Sal',
      decision: 'coordination',
    },
    { words: ['She'], core: 'She', decision: 'pronoun' },
    { words: ["I'm"], core: "I'm", decision: 'pronoun' },
    { words: ['the', 'singer'], core: 'singer', decision: 'lower-case head' },
    {
      words: ['Officials'],
      core: 'Officials',
      decision: 'head capitalised only by position',
      lowerCase: ['officials'],
    },
    { words: ["Venn's"], core: "Venn's", decision: 'name', lowerCase: ['officials'] },
  ])('$words.0 … → $core ($decision)', ({ words, core, decision, lowerCase = [] }) => {
    const range = nameCore(words);
    expect(words.slice(range.first, range.last + 1).join(' ')).toBe(core);
    expect(namedDecision(words, rateOf(lowerCase))).toBe(decision);
  });
});

describe('capitalisationRates', () => {
  it('ignores sentence-initial words and title-case lines', () => {
    const rate = capitalisationRates([
      ['Officials', 'met', 'Venn', 'on', 'the', 'quay', '.'],
      ['The', 'officials', 'left', '.'],
      ['Officials', 'Meet', 'Venn', 'At', 'Clinic'],
    ]);
    expect(rate('officials')).toBe(0);
    expect(rate('venn')).toBe(1);
    expect(rate('meet')).toBeUndefined();
  });
});

const mention = (start: number, end: number, text: string): Mention => ({
  start,
  end,
  text,
  type: 'person',
  sentence: 0,
});

describe('headMatch', () => {
  it.each([
    {
      name: 'same span',
      mentions: [mention(0, 9, 'Mara Venn')],
      head: { start: 5, end: 9 },
      found: 'Mara Venn',
    },
    {
      name: 'longer on the left',
      mentions: [mention(0, 9, 'Mara Venn')],
      head: { start: 5, end: 9 },
      found: 'Mara Venn',
    },
    {
      name: 'cut before a final dot',
      mentions: [mention(0, 3, 'U.S')],
      head: { start: 0, end: 4 },
      found: 'U.S',
    },
    {
      name: 'runs past the head: another name',
      mentions: [mention(0, 16, 'Eastport Rangers')],
      head: { start: 0, end: 8 },
    },
    { name: 'elsewhere', mentions: [mention(20, 24, 'Venn')], head: { start: 5, end: 9 } },
    {
      name: 'the longest of two',
      mentions: [mention(5, 9, 'Venn'), mention(0, 9, 'Mara Venn')],
      head: { start: 5, end: 9 },
      found: 'Mara Venn',
    },
  ])('$name', ({ mentions, head, found }) => {
    expect(headMatch(mentions, head)?.text).toBe(found);
  });
});

describe('sharedTokenLabels', () => {
  it('joins names sharing a word, transitively and within a story only', () => {
    const labels = sharedTokenLabels([
      { story: 'a', text: 'Mara Venn' },
      { story: 'a', text: 'Venn' },
      { story: 'a', text: 'Mara' },
      { story: 'a', text: 'the Clinic of Eastport' },
      { story: 'a', text: 'the Harbor' },
      { story: 'b', text: 'Venn' },
    ]);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[0]).toBe(labels[2]);
    // "the" and "of" join nothing.
    expect(labels[3]).not.toBe(labels[4]);
    expect(labels[5]).not.toBe(labels[1]);
  });
});

describe('goldMentions and evaluateStory on an invented two-document story', () => {
  const everyWordAName: CapitalisationRate = () => undefined;
  const first = goldMentions('9_1ecb', FIXTURE_TEXT, parseCromer(FIXTURE_XML), everyWordAName);
  const secondText = 'On Monday, Venn spoke at Harbor Clinic.';
  const secondXml = `<Document doc_name="9_2ecb.xml">
<token t_id="1" sentence="0" number="0">On</token>
<token t_id="2" sentence="0" number="1">Monday</token>
<token t_id="3" sentence="0" number="2">,</token>
<token t_id="4" sentence="0" number="3">Venn</token>
<token t_id="5" sentence="0" number="4">spoke</token>
<token t_id="6" sentence="0" number="5">at</token>
<token t_id="7" sentence="0" number="6">Harbor</token>
<token t_id="8" sentence="0" number="7">Clinic</token>
<token t_id="9" sentence="0" number="8">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="4"/>
</HUMAN_PART_PER>
<LOC_FAC m_id="2"  >
  <token_anchor t_id="6"/>
  <token_anchor t_id="7"/>
  <token_anchor t_id="8"/>
</LOC_FAC>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="200" note="HUM1" >
  <source m_id="1" />
  <target m_id="20" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="201" note="LOC1" >
  <source m_id="2" />
  <target m_id="21" />
</CROSS_DOC_COREF>
</Relations>
</Document>`;
  const second = goldMentions('9_2ecb', secondText, parseCromer(secondXml), everyWordAName);

  it('keeps the names with their cores and entities, and marks the rest', () => {
    expect(first.unplaced).toBe(0);
    const summary = (gold: GoldMention): string => `${gold.text}|${gold.decision}|${gold.entity ?? '-'}`;
    expect(first.mentions.map(summary)).toEqual([
      'Mara Venn|name|HUM1',
      'She|pronoun|HUM1',
      'Harbor Clinic|name|LOC1',
      'clinic|lower-case head|LOC1',
      'Eastport|name|-',
    ]);
    const clinic = second.mentions[1]!;
    expect([clinic.written, clinic.text]).toEqual(['at Harbor Clinic', 'Harbor Clinic']);
  });

  it('finds every gold name and puts each gold entity in one crosscheck entity', () => {
    const documents: StoryDocument[] = [
      { id: '9_1ecb', text: FIXTURE_TEXT, gold: first.mentions },
      { id: '9_2ecb', text: secondText, gold: second.mentions },
    ];
    const outcome = evaluateStory('9_ecb', documents);
    // The unchained "Eastport" and the pronoun and description are not scored.
    expect(outcome.mentions.map((scored) => scored.gold.text)).toEqual([
      'Mara Venn',
      'Harbor Clinic',
      'Venn',
      'Harbor Clinic',
    ]);
    expect(outcome.mentions.every((scored) => scored.found !== undefined && scored.exact)).toBe(true);
    const [mara, clinic, venn] = outcome.mentions;
    expect(venn?.entity).toBe(mara?.entity);
    expect(clinic?.entity).not.toBe(mara?.entity);
    const { detection, rows } = scoreOutcomes([outcome]);
    expect(detection.all.recall).toBe(1);
    const crosscheck = rows.find(
      (row) => row.subset === 'all' && row.clusterer === 'crosscheck mergeEntities',
    );
    expect(crosscheck?.scores.bcubed.f1).toBe(1);
    const exact = rows.find(
      (row) => row.subset === 'all' && row.clusterer === 'baseline: same exact gold string',
    );
    // "Mara Venn" and "Venn" differ as strings: B³ recall (1/2 · 2 + 1 · 2) / 4.
    expect(exact?.scores.bcubed.recall).toBeCloseTo(0.75, 10);
  });

  it('counts a name inside a cleaned-out line as not found', () => {
    const outcome = evaluateStory('9_ecb', [{ id: '9_1ecb', text: FIXTURE_TEXT, gold: first.mentions }]);
    expect(outcome.unaligned).toEqual([]);
    expect(outcome.mentions.filter((scored) => scored.missedBecause !== undefined)).toEqual([]);
  });
});

/** A found gold name for the error tests: gold entity, crosscheck entity and the text both read. */
function scored(entity: string, predicted: string, text: string): ScoredMention {
  const gold: GoldMention = {
    document: 'd',
    entity,
    kind: 'person',
    tag: 'HUMAN_PART_PER',
    start: 0,
    end: text.length,
    text,
    written: text,
    head: { start: 0, end: text.length },
    decision: 'name',
    crossDocument: true,
  };
  return { story: 's', gold, found: mention(0, text.length, text), entity: predicted, exact: true };
}

describe('entityErrors', () => {
  const rate = rateOf(['fired']);

  it('reports a split with the pairs it costs and its class', () => {
    const { splits, merges } = entityErrors(
      [
        scored('A', 'Mara Venn', 'Mara Venn'),
        scored('A', 'Mara Venn', 'Venn'),
        scored('A', 'Fired Mara Venn', 'Fired Mara Venn'),
        scored('B', 'Tam Orr', 'Tam Orr'),
      ],
      rate,
    );
    expect(merges).toEqual([]);
    expect(splits).toHaveLength(1);
    expect(splits[0]?.pairs).toBe(2);
    expect(splits[0]?.errorClass).toMatch(/non-name word/);
  });

  it.each([
    { name: 'nickname', left: 'Mara Venn', right: 'Marvel', expected: /no shared word/ },
    { name: 'short form', left: 'Mara Venn', right: 'Venn', expected: /short\/long/ },
    { name: 'variant', left: 'Mara Venn', right: 'Venn Holdings', expected: /partly shared/ },
    { name: 'same folded name', left: 'Mara Venn', right: 'mara venn', expected: /same folded name/ },
  ])('classes a split: $name', ({ left, right, expected }) => {
    const { splits } = entityErrors([scored('A', 'one', left), scored('A', 'two', right)], rate);
    expect(splits[0]?.errorClass).toMatch(expected);
  });

  it('reports a merge of two namesakes', () => {
    const { splits, merges } = entityErrors([scored('A', 'Venn', 'Venn'), scored('B', 'Venn', 'Venn')], rate);
    expect(splits).toEqual([]);
    expect(merges[0]?.pairs).toBe(1);
    expect(merges[0]?.errorClass).toMatch(/same name, two gold entities/);
  });
});

describe('namedDecision: known gaps', () => {
  // Names written with a lower-case initial fail the capitalised-head test; none was seen among the
  // scored ECB+ kinds, so the rule stays simple.
  it.fails('keeps a name with a lower-case initial ("eBay")', () => {
    expect(namedDecision(['eBay'], () => undefined)).toBe('name');
  });
});
