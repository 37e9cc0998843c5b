import { describe, expect, it } from 'vitest';
import type { Claim, Stance } from '../src/model/index.js';
import { claimStances, isStanceSplit, readStance, statementTerms } from '../src/stages/stance.js';

/*
 * The cue families that made false stance splits on real coverage, each with invented sentences that
 * must keep reading as hedges (the epistemic use) and sentences that must not (leave, ability, promise,
 * condition, a hedge on another detail). A `knownFailure` case states what the rule cannot yet tell.
 */

interface Case {
  text: string;
  stance: Stance;
  cue?: string;
  /** The statement other sources make: given, the hedge must bear on it (see `StanceOptions.claimTerms`). */
  statement?: string;
  knownFailure?: boolean;
}

function read({ text, statement }: Case): { stance: Stance; cue?: string } {
  const options = statement === undefined ? {} : { claimTerms: new Set(statementTerms(statement).keys()) };
  const { stance, cue } = readStance(text, options);
  return cue === undefined ? { stance } : { stance, cue };
}

function check(item: Case): void {
  const reading = read(item);
  const expected = item.cue === undefined ? { stance: item.stance } : { stance: item.stance, cue: item.cue };
  if (item.knownFailure) expect(reading).not.toEqual(expected);
  else expect(reading).toEqual(expected);
}

describe('"may" of leave is no hedge; "may" of possibility is', () => {
  const cases: Case[] = [
    { text: 'The fever may have spread through the dormitory.', stance: 'hedges', cue: 'may' },
    { text: 'The leak may be spreading to the lower deck.', stance: 'hedges', cue: 'may' },
    { text: 'The storm may reach the coast by Friday.', stance: 'hedges', cue: 'may' },
    // A rule as subject, but not a passive "by": what may happen to it, not who may apply it.
    { text: 'The harbour ban may face a challenge in court.', stance: 'hedges', cue: 'may' },
    { text: 'Students may apply for the sailing grant until June.', stance: 'asserts' },
    { text: 'Under the new harbour rules, anglers may fish from the north pier.', stance: 'asserts' },
    { text: 'The mooring rule may be enforced by the port wardens.', stance: 'asserts' },
    { text: 'Visitors may now park along the quay.', stance: 'asserts' },
    { text: 'Club members may no longer bring guests to the regatta.', stance: 'asserts' },
    { text: 'Residents can apply online for a berth.', stance: 'asserts' },
    { text: 'The ferry can carry two hundred passengers.', stance: 'asserts' },
    {
      // Known failure: an act of will after "may" reads as leave, though here it is a forecast.
      text: 'The rebels may enter the port town within days.',
      stance: 'hedges',
      cue: 'may',
      knownFailure: true,
    },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('"could" of past ability is no hedge; "could" of possibility is', () => {
  const cases: Case[] = [
    { text: 'The ice could have damaged the hull.', stance: 'hedges', cue: 'could' },
    { text: 'The ferry could not have reached the island before dawn.', stance: 'hedges', cue: 'could' },
    { text: 'The sighting could not be independently verified.', stance: 'hedges', cue: 'could' },
    { text: 'The old pier could collapse in the next storm.', stance: 'hedges', cue: 'could' },
    { text: 'Smoke could be seen from the far shore on Sunday.', stance: 'asserts' },
    { text: 'Firefighters could hear the roof give way.', stance: 'asserts' },
    // "could see" of an outcome is a forecast, not a perception.
    { text: 'The harbour town could see flooding by the weekend.', stance: 'hedges', cue: 'could' },
    { text: 'The ferry could not reach the island because of the ice.', stance: 'asserts' },
    {
      // Known failure: past ability with an ordinary verb looks like a forecast.
      text: 'As a boy he could swim across the bay and back.',
      stance: 'asserts',
      knownFailure: true,
    },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('a modal inside a promise or a plan is what is undertaken, not doubt', () => {
  const cases: Case[] = [
    { text: 'The mayor promised the ferry could run again by spring.', stance: 'asserts' },
    { text: 'The harbour board vowed that the pier might reopen within a month.', stance: 'asserts' },
    { text: 'Officials hope it could reopen before the festival.', stance: 'asserts' },
    { text: 'The minister pledged the fund may cover every damaged boat.', stance: 'asserts' },
    // Not a promise: a report, a noun "plans", a prediction.
    // A reported forecast stays a hedge: a hedge outranks an attribution.
    { text: 'The mayor said the ferry could run again by spring.', stance: 'hedges', cue: 'could' },
    { text: 'The plans could change after the vote.', stance: 'hedges', cue: 'could' },
    { text: 'Engineers fear the pier might collapse.', stance: 'hedges', cue: 'might' },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('a modal under a condition states a consequence, not doubt', () => {
  const cases: Case[] = [
    { text: 'If passed, the bill could cut ferry fares by half.', stance: 'asserts' },
    { text: 'The harbour tax may rise unless the council finds new funds.', stance: 'asserts' },
    { text: 'Were the council to sell the pier, the club might lose its moorings.', stance: 'asserts' },
    // Without a condition the same modal hedges; "may have" doubts the past whatever the condition.
    { text: 'The bill could cut ferry fares by half.', stance: 'hedges', cue: 'could' },
    { text: 'The keeper may have left early, if the log is right.', stance: 'hedges', cue: 'may' },
    // The condition belongs to its own coordinated clause, not to the forecast before it.
    {
      text: 'The permit could come within weeks, and the boats, if approved, could sail soon after.',
      stance: 'hedges',
      cue: 'could',
    },
    // An indirect question is no condition.
    {
      text: 'The pier might close soon, and traders asked if it would reopen.',
      stance: 'hedges',
      cue: 'might',
    },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('a hedge counts only when it bears on what the other sources state', () => {
  const prices = 'Fuel prices reached a seven-year high before the holiday.';
  const rescue = 'The coastguard found the trawler crew alive on Sunday.';
  const sentence = 'The skipper was jailed for eight months for smuggling fuel.';
  const cases: Case[] = [
    {
      statement: prices,
      text: 'Fuel prices likely reached a seven-year high before the holiday.',
      stance: 'hedges',
      cue: 'likely',
    },
    {
      statement: prices,
      text: 'Fuel prices reportedly reached a seven-year high before the holiday.',
      stance: 'hedges',
      cue: 'reportedly',
    },
    // The hedge bears on another detail: how long prices stay high, what the crew did before.
    {
      statement: prices,
      text: 'Fuel prices reached a seven-year high before the holiday and could stay high all summer.',
      stance: 'asserts',
    },
    {
      statement: rescue,
      text: 'The coastguard found the trawler crew alive on Sunday; they had reportedly drifted for two days.',
      stance: 'asserts',
    },
    // A hedge that opens the clause bears on all of it.
    {
      statement: rescue,
      text: 'Reportedly, the coastguard found the trawler crew alive on Sunday.',
      stance: 'hedges',
      cue: 'Reportedly',
    },
    {
      statement: rescue,
      text: 'It is possible that the coastguard found the trawler crew alive on Sunday.',
      stance: 'hedges',
      cue: 'possible',
    },
    {
      statement: 'The parrot escaped from the aviary on Tuesday.',
      text: 'Keepers are studying the possibility the parrot escaped from the aviary on Tuesday.',
      stance: 'hedges',
      cue: 'possibility',
    },
    {
      statement: 'The council closed the harbour road after the flood.',
      text: 'Perhaps the council closed the harbour road after the flood.',
      stance: 'hedges',
      cue: 'Perhaps',
    },
    // A light verb passes the hedge on to the word after it.
    {
      statement: 'The gale played a role in the pier collapse.',
      text: 'The gale may have played a role in the pier collapse.',
      stance: 'hedges',
      cue: 'may',
    },
    // A hedge in a clause after "after" bears on that clause.
    {
      statement: sentence,
      text: 'The skipper could be jailed for eight months for smuggling fuel.',
      stance: 'hedges',
      cue: 'could',
    },
    {
      statement: sentence,
      text: 'The skipper was jailed for eight months for smuggling fuel after prosecutors argued a longer term could deter others.',
      stance: 'attributes',
      cue: 'argued',
    },
    {
      // Known failure: a paraphrase the term classes do not join ("snapped" / "broke") hides the hedge.
      statement: 'The mast broke in the gale off the cape.',
      text: 'The mast likely snapped in the gale off the cape.',
      stance: 'hedges',
      cue: 'likely',
      knownFailure: true,
    },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('only "deny" takes a deed as its object; a refused offer is no denial', () => {
  const cases: Case[] = [
    { text: 'The envoy denied meeting the admiral in secret.', stance: 'denies', cue: 'denied' },
    { text: 'The envoy flatly denied ever meeting the admiral.', stance: 'denies', cue: 'flatly denied' },
    {
      text: 'The envoy rejected claims that he met the admiral.',
      stance: 'denies',
      cue: 'rejected claims that',
    },
    { text: 'The envoy flatly rejected meeting the admiral, even if the blockade ended.', stance: 'asserts' },
    { text: 'The minister rebuffed joining the harbour talks.', stance: 'asserts' },
    { text: 'The council dismissed calling an early vote.', stance: 'asserts' },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('a charge frames its content as an allegation', () => {
  const cases: Case[] = [
    {
      text: 'The skipper was arrested on charges that he smuggled fuel.',
      stance: 'attributes',
      cue: 'on charges that',
    },
    { text: 'The skipper faces charges of smuggling fuel.', stance: 'attributes', cue: 'faces charges of' },
    {
      text: 'The skipper was held on suspicion of smuggling fuel.',
      stance: 'attributes',
      cue: 'on suspicion of',
    },
    // Charges as fees, or a charge as a fact of the case, are no allegation frame.
    { text: 'The skipper paid harbour charges that rose last year.', stance: 'asserts' },
    { text: 'The skipper was charged with smuggling fuel.', stance: 'asserts' },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('isStanceSplit: a hedge splits only from a source that states the thing as done', () => {
  const base: Claim = { id: 'c1', text: '', sources: ['a', 'b'], evidence: [], kind: 'shared', score: 1 };
  const split = (asserted: string, hedged: string): boolean => {
    const evidence = [
      { source: 'a', start: 0, end: asserted.length, text: asserted },
      { source: 'b', start: 0, end: hedged.length, text: hedged },
    ];
    const [claim] = claimStances([{ ...base, text: asserted, evidence }], []);
    return isStanceSplit(claim!);
  };
  it.each([
    {
      name: 'a done deed, doubted',
      asserted: 'The council reopened the harbour road on Monday.',
      hedged: 'The council may have reopened the harbour road on Monday.',
      expected: true,
    },
    {
      name: 'a detail the other source hedges',
      asserted: 'The club kept its members in an all-male boathouse.',
      hedged: 'The club kept its members in a reportedly all-male boathouse.',
      expected: true,
    },
    {
      name: 'a vote planned, and a vote that may come',
      asserted: 'Council plans vote on the harbour road.',
      hedged: 'The council may vote on the harbour road on Wednesday.',
      expected: false,
    },
    {
      name: 'a reopening on track, and one likely',
      asserted: 'The council is on track to reopen the harbour road.',
      hedged: 'The council will likely reopen the harbour road.',
      expected: false,
    },
    {
      name: 'a reopening weighed, and one that may come',
      asserted: 'The council weighs reopening the harbour road.',
      hedged: 'The council may reopen the harbour road.',
      expected: false,
    },
    {
      name: 'a finding, and the same thing hedged',
      asserted: 'Inspectors found that the pier cracked in the storm.',
      hedged: 'The pier possibly cracked in the storm, inspectors found.',
      expected: true,
    },
    {
      name: 'a question asked, and the answer hedged',
      asserted: 'The mayor asked inspectors whether the pier cracked in the storm.',
      hedged: 'The pier possibly cracked in the storm, inspectors found.',
      expected: false,
    },
    {
      name: 'an arrest on charges, and the deed alleged',
      asserted: 'The skipper was arrested on charges that he smuggled fuel.',
      hedged: 'The skipper was arrested after allegedly smuggling fuel.',
      expected: false,
    },
    {
      name: 'a forecast on another detail',
      asserted: 'Fuel prices reached a seven-year high before the holiday.',
      hedged: 'Fuel prices reached a seven-year high before the holiday and could stay high all summer.',
      expected: false,
    },
    {
      name: 'a promise, and the deed',
      asserted: 'The mayor reopened the ferry line in spring.',
      hedged: 'The mayor promised the ferry line could reopen in spring.',
      expected: false,
    },
    {
      name: 'a sale, and a speaker saying it did not happen',
      asserted: 'The council sold the old ferry to a private buyer.',
      hedged: 'The council said the old ferry was not sold to a private buyer.',
      expected: true,
    },
    {
      name: 'a negation stated by both sources',
      asserted: 'The old ferry was not sold to a private buyer, the council said.',
      hedged: 'The council said the old ferry was not sold to a private buyer.',
      expected: false,
    },
    {
      name: 'a fare rise, and a promise of none',
      asserted: 'The operator raised fares on the winter crossing.',
      hedged: 'The operator said it would not raise fares on the winter crossing.',
      expected: false,
    },
    {
      name: 'a refusal reported twice',
      asserted: 'The envoy said he would not meet the admiral.',
      hedged: 'The envoy flatly rejected meeting the admiral.',
      expected: false,
    },
  ])('$name → $expected', ({ asserted, hedged, expected }) => {
    expect(split(asserted, hedged)).toBe(expected);
  });
});

describe('claimStances: a negation denies only what a source affirms', () => {
  const stancesOf = (...texts: string[]): string[] => {
    const evidence = texts.map((text, index) => ({ source: `s${index}`, start: 0, end: text.length, text }));
    const claim: Claim = { id: 'c1', text: texts[0]!, sources: [], evidence, kind: 'shared', score: 1 };
    return (claimStances([claim], [])[0]!.stances ?? []).map((item) => item.stance);
  };
  it('reads a hedged negation beside the same negation as a hedge', () => {
    expect(
      stancesOf(
        'The old ferry was not sold to a private buyer.',
        'The council said the old ferry was probably not sold to a private buyer.',
      ),
    ).toEqual(['asserts', 'hedges']);
  });
  it('reads a negation beside an affirming source as a denial', () => {
    expect(
      stancesOf(
        'The old ferry was sold to a private buyer.',
        'The old ferry was not sold to a private buyer.',
        'The council said the old ferry was not sold to a private buyer.',
      ),
    ).toEqual(['asserts', 'asserts', 'denies']);
  });
});

describe('a plural noun is no attribution verb', () => {
  const cases: Case[] = [
    { text: 'Seven Republican-led states sued over the harbour toll.', stance: 'asserts' },
    { text: 'The toll was raised in several states last year.', stance: 'asserts' },
    { text: 'Early estimates put the damage at two million crowns.', stance: 'asserts' },
    // Reports of unnamed origin still attribute the figure to someone else.
    { text: 'Unconfirmed reports put the crowd at ten thousand.', stance: 'attributes', cue: 'reports' },
    { text: 'The report states that the pier was unsafe.', stance: 'attributes', cue: 'states' },
    { text: 'The pier was unsafe, the inspector states.', stance: 'attributes', cue: 'states' },
    { text: 'The inquiry reports: the pier was unsafe.', stance: 'attributes', cue: 'reports' },
    { text: 'The council claims the pier was safe.', stance: 'attributes', cue: 'claims' },
  ];
  it.each(cases)('"$text" → $stance', check);
});

describe('a denial reported without a denial verb counts only against what another source states', () => {
  const sale = 'The ministry sold the ferry to a private buyer in March.';
  const meeting = 'Roe met the broker twice in Lisbon.';
  const leak = 'The tanker leaked oil into the bay on Sunday.';
  const greek = 'The council sold the ferry line to a Greek shipping group.';
  const cases: Case[] = [
    // A speaker negates what the other source states.
    {
      statement: sale,
      text: 'The ministry said the ferry was not sold to a private buyer.',
      stance: 'denies',
      cue: 'said … was not',
    },
    {
      statement: sale,
      text: 'The ferry was not sold to a private buyer, the ministry said.',
      stance: 'denies',
      cue: 'was not … said',
    },
    {
      statement: meeting,
      text: 'Roe said he had never met the broker.',
      stance: 'denies',
      cue: 'said … had never',
    },
    {
      statement: meeting,
      text: 'Roe told reporters he didn’t meet the broker in Lisbon.',
      stance: 'denies',
      cue: 'told … didn’t',
    },
    {
      statement: 'The mayor took bribes from the ferry operator.',
      text: 'The mayor insisted he did nothing wrong in his dealings with the ferry operator.',
      stance: 'denies',
      cue: 'insisted … did nothing wrong',
    },
    // A verdict on a report that states it.
    {
      statement: greek,
      text: 'The company called reports that the ferry line was sold to a Greek shipping group false.',
      stance: 'denies',
      cue: 'called … false',
    },
    {
      statement: greek,
      text: 'Officials said claims that the ferry line was sold to a Greek shipping group were untrue.',
      stance: 'denies',
      cue: 'untrue',
    },
    {
      statement: greek,
      text: 'Speculation that the council sold the ferry line is baseless, officials said.',
      stance: 'denies',
      cue: 'baseless',
    },
    {
      statement: greek,
      text: 'The mayor dismissed the Greek shipping group sale story as fake news.',
      stance: 'denies',
      cue: 'dismissed … fake news',
    },
    // No evidence of what the other source states.
    {
      statement: leak,
      text: 'The agency said there was no evidence that the tanker leaked oil into the bay.',
      stance: 'denies',
      cue: 'no evidence that',
    },
    {
      statement: leak,
      text: 'So far no evidence has emerged that the tanker leaked oil.',
      stance: 'denies',
      cue: 'no evidence has emerged that',
    },
    // Without the statement of another source a negation denies nothing.
    {
      text: 'The ministry said the ferry was not sold to a private buyer.',
      stance: 'attributes',
      cue: 'said',
    },
    // A promise or a forecast is no denial.
    {
      statement: 'The ferry operator raised fares on the winter crossing.',
      text: 'The ferry operator said it would not raise fares on the winter crossing.',
      stance: 'attributes',
      cue: 'said',
    },
    {
      statement: sale,
      text: 'The ministry said it will never sell the ferry to a private buyer.',
      stance: 'attributes',
      cue: 'said',
    },
    // A negative assertion of something nobody states: the bridge's safety, not its closure.
    {
      statement: 'The council closed the harbour bridge to heavy lorries.',
      text: 'The engineer said the harbour bridge was not safe for heavy lorries.',
      stance: 'attributes',
      cue: 'said',
    },
    // No evidence, or a verdict, about something else.
    {
      statement: leak,
      text: "The agency said there was no evidence of foul play in the tanker crew's illness.",
      stance: 'attributes',
      cue: 'said',
    },
    {
      statement: sale,
      text: 'The minister said the claims about the harbour budget were false.',
      stance: 'attributes',
      cue: 'said',
    },
    // A silence, a state of knowledge, a negation inside an embedded question.
    {
      statement: sale,
      text: 'The ministry did not respond to questions about the sale of the ferry to a private buyer.',
      stance: 'asserts',
    },
    {
      statement: sale,
      text: 'The ministry said it was not aware the ferry had been sold to a private buyer.',
      stance: 'attributes',
      cue: 'said',
    },
    {
      statement: sale,
      text: 'The ministry said it wanted to know which buyers had not paid for the ferry.',
      stance: 'attributes',
      cue: 'said',
    },
    // A verdict under a condition takes no side.
    {
      statement: greek,
      text: 'If rumours that the ferry line was sold to a Greek shipping group are false, the council must act.',
      stance: 'asserts',
    },
    // Someone else's denial quoted inside the sentence is the speaker's words, not the outlet's report.
    {
      statement: meeting,
      text: 'The ministry quoted Roe as saying "I never met the broker in Lisbon."',
      stance: 'attributes',
      cue: 'quoted',
    },
    {
      // Known failure: a verdict on "the claims" alone does not say which claims, so it ties to no statement.
      statement: greek,
      text: 'Officials said the claims were untrue.',
      stance: 'denies',
      cue: 'untrue',
      knownFailure: true,
    },
    {
      // Known failure: "no evidence" in quotation marks is masked with the rest of the quote.
      statement: leak,
      text: 'The agency said there was "no evidence" that the tanker leaked oil into the bay.',
      stance: 'denies',
      cue: 'no evidence',
      knownFailure: true,
    },
  ];
  it.each(cases)('"$text" → $stance', check);
});
