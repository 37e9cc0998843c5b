/**
 * An invented ECB+ document shared by the tests of the CROMER reader (`eval-ecbplus.test.ts`) and of the
 * entity evaluation built on it (`eval-entities.test.ts`): person, place and event markables, two
 * cross-document chains, a place in no chain. Every name is invented.
 */

/** An invented CROMER document of two sentences: "Mara Venn joined Harbor Clinic ." / "She left the clinic in Eastport ." */
export const FIXTURE_XML = `<Document doc_name="9_1ecb.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">Mara</token>
<token t_id="2" sentence="0" number="1">Venn</token>
<token t_id="3" sentence="0" number="2">joined</token>
<token t_id="4" sentence="0" number="3">Harbor</token>
<token t_id="5" sentence="0" number="4">Clinic</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="1" number="0">She</token>
<token t_id="8" sentence="1" number="1">left</token>
<token t_id="9" sentence="1" number="2">the</token>
<token t_id="10" sentence="1" number="3">clinic</token>
<token t_id="11" sentence="1" number="4">in</token>
<token t_id="12" sentence="1" number="5">Eastport</token>
<token t_id="13" sentence="1" number="6">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="1"/>
  <token_anchor t_id="2"/>
</HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"  >
  <token_anchor t_id="7"/>
</HUMAN_PART_PER>
<LOC_FAC m_id="3"  >
  <token_anchor t_id="4"/>
  <token_anchor t_id="5"/>
</LOC_FAC>
<LOC_FAC m_id="4"  >
  <token_anchor t_id="9"/>
  <token_anchor t_id="10"/>
  <token_anchor t_id="11"/>
  <token_anchor t_id="12"/>
</LOC_FAC>
<ACTION_OCCURRENCE m_id="5"  >
  <token_anchor t_id="3"/>
</ACTION_OCCURRENCE>
<LOC_GEO m_id="6"  >
  <token_anchor t_id="12"/>
</LOC_GEO>
<HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="t9_mara_venn" instance_id="HUM1" />
<LOC_FAC m_id="21" RELATED_TO="" TAG_DESCRIPTOR="t9_harbor_clinic" instance_id="LOC1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="100" note="HUM1" >
  <source m_id="1" />
  <source m_id="2" />
  <target m_id="20" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="101" note="LOC1" >
  <source m_id="3" />
  <source m_id="4" />
  <target m_id="21" />
</CROSS_DOC_COREF>
</Relations>
</Document>`;

/** The text `docs.jsonl` would give {@link FIXTURE_XML}. */
export const FIXTURE_TEXT = 'Mara Venn joined Harbor Clinic.\nShe left the clinic in Eastport.';
