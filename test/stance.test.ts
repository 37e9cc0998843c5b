import { describe, expect, it } from 'vitest';
import type { Claim, Stance } from '../src/model/index.js';
import {
  claimStances,
  isHypothetical,
  isStanceSplit,
  readStance,
  statementTerms,
} from '../src/stages/stance.js';

/** Invented sentences, each with the stance its outlet takes and the cue that shows it. */
const cases: { text: string; stance: Stance; cue?: string; outlet?: string }[] = [
  { text: 'The lighthouse was closed for repairs on Monday.', stance: 'asserts' },
  { text: 'The lighthouse was likely closed because of the storm.', stance: 'hedges', cue: 'likely' },
  { text: 'The keeper reportedly left the island in May.', stance: 'hedges', cue: 'reportedly' },
  { text: 'The keeper is believed to have left the island.', stance: 'hedges', cue: 'is believed to' },
  { text: 'It is possible that the lamp failed first.', stance: 'hedges', cue: 'possible' },
  { text: 'The lamp may have failed first.', stance: 'hedges', cue: 'may' },
  { text: 'The smuggler allegedly hid the crates under the quay.', stance: 'hedges', cue: 'allegedly' },
  { text: 'The lighthouse is likely to reopen in June.', stance: 'hedges', cue: 'likely' },
  // Negative cases: a hedge adjective before a noun qualifies the noun, not the statement; "may not" forbids.
  { text: 'The alleged smuggler was arrested at the quay.', stance: 'asserts' },
  { text: 'The court ruled on a case of alleged excessive force by the wardens.', stance: 'asserts' },
  { text: 'The likely winner of the regatta arrived on Monday.', stance: 'asserts' },
  { text: 'Visitors may not land on the island without a permit.', stance: 'asserts' },
  { text: 'The lamp failed first, the harbour master said.', stance: 'attributes', cue: 'said' },
  { text: 'According to the coastguard, the lamp failed first.', stance: 'attributes', cue: 'According to' },
  { text: 'The ferry company denied that its boat had hit the pier.', stance: 'denies', cue: 'denied that' },
  {
    text: 'The mayor dismissed any notion that the council had broken the rules.',
    stance: 'denies',
    cue: 'dismissed any notion that',
  },
  {
    text: 'The union rejected claims that it had called the strike.',
    stance: 'denies',
    cue: 'rejected claims that',
  },
  // Negative cases: a cue inside a quotation is the speaker's, not the outlet's.
  { text: '"It was likely the storm," the keeper told the inquiry.', stance: 'attributes', cue: 'told' },
  { text: 'The keeper called the closure "possibly the longest ever".', stance: 'asserts' },
  { text: 'He said the claim was "denied by nobody".', stance: 'attributes', cue: 'said' },
  // "not only … but" is not a denial, nor is a passive "was dismissed", nor "neither confirmed nor denied".
  { text: 'The storm not only closed the port but also cut the power.', stance: 'asserts' },
  { text: 'The case against the skipper was dismissed in court.', stance: 'asserts' },
  { text: 'The ministry has neither confirmed nor denied the sale.', stance: 'attributes', cue: 'confirmed' },
  { text: 'May was the wettest month on the coast.', stance: 'asserts' },
  // A hedge in a relative clause qualifies a consequence, not the statement; after "said that" it does.
  { text: 'The keeper was fined in a case that could change how wardens are tried.', stance: 'asserts' },
  { text: 'The ferry, which may be sold next year, sailed on Monday.', stance: 'asserts' },
  { text: 'Engineers warned that the old pier could collapse.', stance: 'hedges', cue: 'could' },
  { text: 'Old piers are twice as likely to fail in winter storms.', stance: 'asserts' },
  { text: 'Inspectors are exploring possible structural damage to the pier.', stance: 'asserts' },
  { text: 'It is possible the pier cracked in the storm.', stance: 'hedges', cue: 'possible' },
  { text: 'The pier likely cracked in the storm.', stance: 'hedges', cue: 'likely' },
  { text: 'Wooden piers are more likely to rot than stone ones.', stance: 'asserts' },
  // A capitalised cue word inside a name is no attribution; "as soon as possible" is no hedge.
  { text: 'A sailor from the United States was rescued off the cape.', stance: 'asserts' },
  { text: 'The guide appeared in Coastal Reports on Monday.', stance: 'asserts' },
  { text: 'The crews were told to leave the quay as soon as possible.', stance: 'attributes', cue: 'told' },
  { text: 'Divers will repair the pier as quickly as possible.', stance: 'asserts' },
  { text: 'Boats should moor inside the breakwater where possible.', stance: 'asserts' },
  // The outlet's own reporting is not an attribution; another outlet's is.
  {
    text: 'The hull was cracked, two divers told the Gazette.',
    stance: 'asserts',
    outlet: 'Northshore Gazette',
  },
  {
    text: 'The hull was cracked, two divers told the Herald.',
    stance: 'attributes',
    cue: 'told',
    outlet: 'Northshore Gazette',
  },
];

describe('readStance', () => {
  it.each(cases)('"$text" → $stance', ({ text, stance, cue, outlet }) => {
    const reading = readStance(text, outlet === undefined ? {} : { outlet });
    expect(reading.stance).toBe(stance);
    expect(reading.cue).toBe(cue);
  });

  it('gives the denied content with offsets into the sentence', () => {
    const text = 'The ferry company denied that its boat had hit the pier, which was built in 1990.';
    const reading = readStance(text);
    expect(reading.denied?.text).toBe('its boat had hit the pier');
    expect(text.slice(reading.denied!.start, reading.denied!.end)).toBe(reading.denied?.text);
  });

  it('reads a non-restrictive relative clause alone when the statement stands in it', () => {
    const text = 'The sale, which breaks the rules, was reported by the harbour office on Tuesday.';
    expect(readStance(text).stance).toBe('attributes');
    expect(readStance(text, { focus: text.indexOf('breaks') }).stance).toBe('asserts');
  });

  it.each([
    { text: 'which would also break the rules', hypothetical: true },
    { text: 'if the lamp failed', hypothetical: true },
    { text: 'the lamp failed', hypothetical: false },
  ])('isHypothetical("$text") → $hypothetical', ({ text, hypothetical }) => {
    expect(isHypothetical(text)).toBe(hypothetical);
  });
});

describe("readStance with the statement's terms: a hedge counts only where it bears on the statement", () => {
  const statement = 'The council closed the harbour road after the flood.';
  const claimTerms = new Set(statementTerms(statement).keys());
  const cases: { text: string; stance: Stance; cue?: string }[] = [
    {
      text: 'The council probably closed the harbour road after the flood.',
      stance: 'hedges',
      cue: 'probably',
    },
    // A hedge in a side clause that does not carry the statement's words.
    {
      text: 'The council closed the harbour road after the flood, a move that could hurt the fish market.',
      stance: 'asserts',
    },
    {
      text: 'The council closed the harbour road after the flood, which traders say may cost them dearly.',
      stance: 'attributes',
      cue: 'say',
    },
    // A hedge inside a quotation is the speaker's, not the outlet's.
    {
      text: 'The council closed the harbour road after the flood, calling it "possibly the worst in decades".',
      stance: 'asserts',
    },
  ];
  it.each(cases)('"$text" → $stance', ({ text, stance, cue }) => {
    const reading = readStance(text, { claimTerms });
    expect(reading.stance).toBe(stance);
    expect(reading.cue).toBe(cue);
  });
});

describe('claimStances', () => {
  const text = 'The lamp likely failed.';
  const other = 'The lamp failed.';
  const claim: Claim = {
    id: 'c1',
    text: other,
    sources: ['a', 'b'],
    evidence: [
      { source: 'a', start: 0, end: other.length, text: other },
      { source: 'b', start: 0, end: text.length, text },
    ],
    kind: 'shared',
    score: 1,
  };

  it('gives one stance per evidence and marks the split', () => {
    const [withStances] = claimStances([claim], []);
    expect(withStances?.stances).toEqual([
      { source: 'a', stance: 'asserts' },
      { source: 'b', stance: 'hedges', cue: 'likely' },
    ]);
    expect(isStanceSplit(withStances!)).toBe(true);
    expect(claim.stances).toBeUndefined();
  });

  it.each([
    {
      name: 'a hedge on what another source states as done',
      asserted: 'The council closed the harbour road.',
      hedged: 'The council likely closed the harbour road.',
      split: true,
    },
    {
      name: 'a hedge on what another source gives only as a threat',
      asserted: 'The council threatened to close the harbour road.',
      hedged: 'The council may close the harbour road.',
      split: false,
    },
    {
      name: 'a hedge on what another source gives as planned',
      asserted: 'The council is expected to close the harbour road.',
      hedged: 'The council will likely close the harbour road.',
      split: false,
    },
    {
      name: 'an adjective hedge on a side noun',
      asserted: 'The court ruled for the wardens in the excessive force case.',
      hedged: 'The court ruled for the wardens in the alleged excessive force case.',
      split: false,
    },
  ])('isStanceSplit: $name → $split', ({ asserted, hedged, split }) => {
    const evidence = [
      { source: 'a', start: 0, end: asserted.length, text: asserted },
      { source: 'b', start: 0, end: hedged.length, text: hedged },
    ];
    const [withStances] = claimStances([{ ...claim, text: asserted, evidence }], []);
    expect(isStanceSplit(withStances!)).toBe(split);
  });

  it('does not mark a claim all sources assert', () => {
    const [withStances] = claimStances([{ ...claim, evidence: [claim.evidence[0]!] }], []);
    expect(isStanceSplit(withStances!)).toBe(false);
  });
});
