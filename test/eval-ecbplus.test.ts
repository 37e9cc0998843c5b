import { describe, expect, it } from 'vitest';
import {
  coreferenceChains,
  crossDocumentMentions,
  instanceDescriptors,
  locateTokens,
  parseCromer,
  sentenceCount,
} from '../eval/ecbplus.js';
import { FIXTURE_XML } from './helpers/ecbplus-fixtures.js';

// A second invented CROMER document, as claim alignment reads it: two sentences, a mention tagged
// differently from its instance, a mention spanning both sentences, and a within-document relation that
// must not count.
const ALIGNMENT_XML = `<Document doc_name="9_1ecb.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Crews</token>
<token t_id="2" sentence="0" number="1">repaired</token>
<token t_id="3" sentence="0" number="2">the</token>
<token t_id="4" sentence="0" number="3">bridge</token>
<token t_id="5" sentence="0" number="4">.</token>
<token t_id="6" sentence="1" number="0">Officials</token>
<token t_id="7" sentence="1" number="1">said</token>
<token t_id="8" sentence="1" number="2">so</token>
<token t_id="9" sentence="1" number="3">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="1"/>
</HUMAN_PART_PER>
<ACTION_STATE m_id="2"  >
  <token_anchor t_id="2"/>
</ACTION_STATE>
<ACTION_REPORTING m_id="3"  >
  <token_anchor t_id="7"/>
</ACTION_REPORTING>
<LOC_FAC m_id="4"  >
  <token_anchor t_id="4"/>
  <token_anchor t_id="6"/>
</LOC_FAC>
<HUMAN_PART_PER m_id="5"  >
  <token_anchor t_id="6"/>
</HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t9_repair" instance_id="ACT1" />
<HUMAN_PART_PER m_id="11" RELATED_TO="" TAG_DESCRIPTOR="t9_crews" instance_id="HUM1" />
<ACTION_REPORTING m_id="12" RELATED_TO="" TAG_DESCRIPTOR="t9_said" instance_id="ACT2" />
<LOC_FAC m_id="13" RELATED_TO="" TAG_DESCRIPTOR="t9_bridge" instance_id="LOC1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1" >
  <source m_id="2" />
  <target m_id="10" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="HUM1" >
  <source m_id="1" />
  <target m_id="11" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="ACT2" >
  <source m_id="3" />
  <target m_id="12" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="4" note="LOC1" >
  <source m_id="4" />
  <target m_id="13" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="5" >
  <source m_id="5" />
  <target m_id="1" />
</INTRA_DOC_COREF>
</Relations>
</Document>`;

describe('parseCromer and the entity view', () => {
  const parsed = parseCromer(FIXTURE_XML);
  const chainOf = coreferenceChains(parsed);

  it('reads tokens, anchored markables and descriptors', () => {
    expect(parsed.tokens).toHaveLength(13);
    expect(parsed.tokens[11]).toEqual({ id: 12, sentence: 1, text: 'Eastport' });
    expect(parsed.markables.map((markable) => markable.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parsed.markables[3]?.tokens).toEqual([9, 10, 11, 12]);
    expect(instanceDescriptors(parsed).get('HUM1')).toBe('t9_mara_venn');
  });

  it('gives chained markables their instance and leaves unchained ones out', () => {
    expect(chainOf.get(1)).toBe('HUM1');
    expect(chainOf.get(2)).toBe('HUM1');
    expect(chainOf.get(4)).toBe('LOC1');
    expect(chainOf.has(6)).toBe(false);
    // The descriptor target is no mention.
    expect(chainOf.has(20)).toBe(false);
  });

  it('keeps within-document chains apart from cross-document instances', () => {
    const intra = coreferenceChains(
      parseCromer(
        FIXTURE_XML.replace(
          '</Relations>',
          '<INTRA_DOC_COREF r_id="7" >\n  <source m_id="6" />\n  <target m_id="5" />\n</INTRA_DOC_COREF>\n</Relations>',
        ),
      ),
    );
    expect(intra.get(6)).toBe('intra:7');
    expect(intra.get(5)).toBe('intra:7');
  });

  it.each<{ name: string; from: string; to: string; member: number; chain: string | undefined }>([
    {
      name: 'a cross-document relation without a note is named by its r_id',
      from: '<CROSS_DOC_COREF r_id="100" note="HUM1" >',
      to: '<CROSS_DOC_COREF r_id="100" >',
      member: 1,
      chain: 'cross:100',
    },
    {
      name: 'a markable without token anchors is no mention and joins no chain',
      from: '<HUMAN_PART_PER m_id="2"  >\n  <token_anchor t_id="7"/>\n</HUMAN_PART_PER>',
      to: '<HUMAN_PART_PER m_id="2"  >\n</HUMAN_PART_PER>',
      member: 2,
      chain: undefined,
    },
  ])('$name', ({ from, to, member, chain }) => {
    expect(FIXTURE_XML).toContain(from);
    expect(coreferenceChains(parseCromer(FIXTURE_XML.replace(from, to))).get(member)).toBe(chain);
  });

  it('decodes XML entities in token text', () => {
    const parsed = parseCromer(
      '<Document>\n<token t_id="1" sentence="0" number="0">AT&amp;T</token>\n</Document>',
    );
    expect(parsed.tokens.map((token) => token.text)).toEqual(['AT&T']);
  });
});

describe('parseCromer and the alignment view', () => {
  const parsed = parseCromer(ALIGNMENT_XML);

  it('counts the sentences', () => {
    expect(sentenceCount(parsed)).toBe(2);
  });

  it('types each mention by its instance, counts a two-sentence mention in both, and skips within-document links', () => {
    const sorted = [...crossDocumentMentions(parsed)].sort(
      (a, b) => a.sentence - b.sentence || a.instance.localeCompare(b.instance),
    );
    expect(sorted).toEqual([
      { sentence: 0, instance: 'ACT1', type: 'ACTION_OCCURRENCE' },
      { sentence: 0, instance: 'HUM1', type: 'HUMAN_PART_PER' },
      { sentence: 0, instance: 'LOC1', type: 'LOC_FAC' },
      { sentence: 1, instance: 'ACT2', type: 'ACTION_REPORTING' },
      { sentence: 1, instance: 'LOC1', type: 'LOC_FAC' },
    ]);
  });

  it('gives no mention for a relation whose target carries no instance id', () => {
    const withoutInstance = ALIGNMENT_XML.replace(' instance_id="ACT2"', '');
    expect(
      crossDocumentMentions(parseCromer(withoutInstance)).map((mention) => mention.instance),
    ).not.toContain('ACT2');
  });

  it('has no sentences and no mentions without tokens', () => {
    const empty = parseCromer(
      '<Document>\n<Markables>\n</Markables>\n<Relations>\n</Relations>\n</Document>',
    );
    expect(sentenceCount(empty)).toBe(0);
    expect(crossDocumentMentions(empty)).toEqual([]);
  });
});

describe('locateTokens', () => {
  it.each([
    {
      name: 'detokenised punctuation',
      text: 'Venn, 40, left.',
      tokens: ['Venn', ',', '40', ',', 'left', '.'],
      starts: [0, 4, 6, 8, 10, 14],
    },
    {
      name: 'spaces and line breaks between tokens',
      text: 'A  B\nC',
      tokens: ['A', 'B', 'C'],
      starts: [0, 3, 5],
    },
    {
      name: 'a token the joiner rewrote is not placed, the next one is',
      text: '" Hi " she said',
      tokens: ['``', 'Hi', "''", 'she'],
      starts: [undefined, 2, undefined, 7],
    },
  ])('$name', ({ text, tokens, starts }) => {
    expect(locateTokens(text, tokens).map((span) => span?.start)).toEqual(starts);
  });
});
