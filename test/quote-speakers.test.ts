import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../src/stages/analyze-article.js';
import { mergeEntities } from '../src/stages/entities.js';
import { extractMentions } from '../src/stages/mentions.js';
import { groupQuotes } from '../src/stages/quote-groups.js';
import { extractQuotes } from '../src/stages/quotes.js';
import { segment } from '../src/text/segment.js';

/** Every quote of a text as "quoted words → speaker" (speaker `undefined` when none is found). */
function speakersOf(text: string): Array<{ text: string; speaker: string | undefined }> {
  const segmentation = segment(text);
  return extractQuotes(text, segmentation, extractMentions(text, segmentation))
    .filter((quote) => quote.form !== 'reported')
    .map((quote) => ({ text: quote.text, speaker: quote.speaker }));
}

interface Case {
  name: string;
  text: string;
  /** Quoted words (a prefix is enough) → expected speaker; `null` for a quote that must stay unattributed. */
  expected: Array<[string, string | null]>;
  /** Quoted words that must not come out as a quote at all (a title, a one-word scare quote). */
  absent?: string[];
}

function check({ text, expected, absent }: Case): void {
  const found = speakersOf(text);
  for (const [words, speaker] of expected) {
    const quote = found.find((candidate) => candidate.text.startsWith(words));
    expect(quote, `quote "${words}" in ${JSON.stringify(found)}`).toBeDefined();
    expect(quote?.speaker ?? null).toBe(speaker);
  }
  for (const words of absent ?? []) {
    const quote = found.find((candidate) => candidate.text.startsWith(words));
    expect(quote?.speaker, `"${words}" must not be attributed`).toBeUndefined();
  }
}

describe('speakers: the name after the quote, however it is written', () => {
  const cases: Case[] = [
    {
      name: 'two spaces before "said", untyped surname',
      text: '“Nobody else runs a company like this,”  said Varholm, a former engineer who left in the spring.',
      expected: [['Nobody else runs a company like this', 'Varholm']],
    },
    {
      name: 'an adverb between the name and the verb',
      text: 'The singer Jo Quessard deleted the photos. "We had to take the boat back early," Quessard reportedly explained.',
      expected: [['We had to take the boat back early', 'Quessard']],
    },
    {
      name: '"he later said" resolves the pronoun',
      text: 'Port director Ivo Marek closed the pier. "The storm came faster than forecast," he later said.',
      expected: [['The storm came faster than forecast', 'Ivo Marek']],
    },
    {
      name: 'name, a long appositive with commas, then the verb',
      text: '"Open classrooms matter for every pupil," Dr. Lena Fischer, former head of the Baltic Teachers Union and chief of a start-up, Lernwerk, told the Harbour Herald in part.',
      expected: [['Open classrooms matter for every pupil', 'Dr. Lena Fischer']],
    },
    {
      name: 'the excerpt cut right after the appositive',
      text: '“The variant keeps finding new ways around us,” Dr. Lena Fischer, director of the health agency,...',
      expected: [['The variant keeps finding new ways around us', 'Dr. Lena Fischer']],
    },
    {
      name: 'a person named "X of the Y" is X, not the institution',
      text: '"The harbour will need years to recover," warns Odile Varga of the Nordic Shipping Institute.',
      expected: [['The harbour will need years to recover', 'Odile Varga']],
    },
    {
      name: 'negative: the name after "told" is the listener, the pronoun speaks',
      text: 'Port director Ivo Marek met the auditors. "We kept every receipt," he told Odile Varga.',
      expected: [['We kept every receipt', 'Ivo Marek']],
    },
    {
      name: 'negative: "…" and X said … is X saying something else',
      text: 'The council called the plan a "reckless gamble" and the harbour board said was "a fair start".',
      expected: [],
      absent: ['reckless gamble'],
    },
    {
      name: 'negative: two joined names are not one speaker',
      text: '“We are parting ways as friends,” Ivo Marek and Odile Varga said.',
      expected: [['We are parting ways as friends', null]],
    },
  ];
  it.each(cases)('$name', (testCase) => check(testCase));
});

describe('speakers: described, unnamed sources', () => {
  const cases: Case[] = [
    {
      name: '"said one senior insider in the chamber"',
      text: '“There are two ways forward, and neither is easy for the coalition,” said one senior insider in the chamber.',
      expected: [['There are two ways forward', 'one senior insider']],
    },
    {
      name: '"the complaint alleges"',
      text: '“The firm has held a dominant share of the ferry market since 2011,” the complaint alleges, citing ticket data.',
      expected: [['The firm has held a dominant share', 'the complaint']],
    },
    {
      name: 'a partial quote inside a sentence closed by ", a port official told the Harbour Herald"',
      text: 'In recent days, the cargo has been moved on “a very, very large scale” and stored in two sheds, a port official told the Harbour Herald.',
      expected: [['a very, very large scale', 'a port official']],
    },
    {
      name: '"according to one official who …"',
      text: 'Ferries have been delayed on a “truly unprecedented and chaotic scale” this week, according to one harbour official who asked not to be named.',
      expected: [['truly unprecedented and chaotic scale', 'one harbour official']],
    },
    {
      name: 'negative: a person named before the quote keeps the words, the outlet only reports',
      text: 'Mayor Ada Brook warned of “a disturbing spike in threats” against teachers, the Harbour Herald reported.',
      expected: [['a disturbing spike in threats', 'Ada Brook']],
    },
    {
      name: 'negative: a title in quotation marks is no one’s words',
      text: 'The gala was to mark the “Anniversary of the Battle of the Northern Capes” at the embassy, according to the Harbour Herald.',
      expected: [],
      absent: ['Anniversary of the Battle'],
    },
    {
      name: 'negative: a book called “…” is not said by its publisher',
      text: 'His book, called “Onward: Notes on the Harbour and Its People,” is promoted as a new start, according to its publisher.',
      expected: [],
      absent: ['Onward'],
    },
    {
      name: 'negative: a stretch of time is not a speaker',
      text: 'The navy closed the strait on Monday, a day after it said that one of its drones had been lost at sea.',
      expected: [],
    },
  ];
  it.each(cases)('$name', (testCase) => check(testCase));

  it('a described speaker keeps its determiner, so it never reads as a name', () => {
    const [quote] = speakersOf('“The pier will stay shut until spring,” a port official told reporters.');
    expect(quote?.speaker).toBe('a port official');
  });
});

describe('speakers: reported speech with quoted words', () => {
  const cases: Case[] = [
    {
      name: 'X told a show that the videos “…” and “…”',
      text: 'Lt. Col. Piet Hanssen told Harbour Radio’s “Nightwatch” that the videos “were sent out to every ship in the fleet” and “we were told to watch them before the drills.”',
      expected: [
        ['were sent out to every ship', 'Piet Hanssen'],
        ['we were told to watch them', 'Piet Hanssen'],
      ],
      absent: ['Nightwatch'],
    },
    {
      name: 'X said that she would make a “…” and pitched herself as “…”',
      text: 'In a press release, Odile Varga said that she would make a “formal announcement” soon and pitched herself as the candidate of “a fresh start for the whole harbour district.”',
      expected: [['a fresh start for the whole harbour district', 'Odile Varga']],
    },
    {
      name: 'X called it “…” and said the trio “…”',
      text: 'Ministry spokesman Ivo Marek called the pact "deeply irresponsible" and said the three navies "should abandon the old thinking of rival blocs."',
      expected: [['should abandon the old thinking', 'Ivo Marek']],
    },
    {
      name: 'negative: a show name after "told" is not a quote',
      text: 'Lt. Col. Piet Hanssen told Harbour Radio’s “Nightwatch” about the drills.',
      expected: [],
      absent: ['Nightwatch'],
    },
  ];
  it.each(cases)('$name', (testCase) => check(testCase));
});

describe('speakers: headlines', () => {
  const headline = (title: string): string =>
    `${title}\n\nThe harbour board met on Monday to discuss the report.`;
  const cases: Case[] = [
    {
      name: 'Title Name on a topic: ‘…’',
      text: headline("Rep. Varga on the board's ferry report: 'Greatest cover-up in harbour history'"),
      expected: [['Greatest cover-up in harbour history', 'Varga']],
    },
    {
      name: 'a role before the colon is a described speaker',
      text: headline("Agency head: 'Absolutely our business' to know who sails"),
      expected: [['Absolutely our business', 'Agency head']],
    },
    {
      name: '‘…’: Name says …',
      text: headline('‘Nobody will be left behind’: Ivo Marek vows to evacuate every island'),
      expected: [['Nobody will be left behind', 'Ivo Marek']],
    },
    {
      name: 'negative: ‘…’: Name’s … names no speaker',
      text: headline('‘Not a healthy place to work’: Marek’s office rife with dissent'),
      expected: [['Not a healthy place to work', null]],
    },
    {
      name: 'negative: a colon in the body is not a headline',
      text: 'The harbour board met on Monday.\n\nMarek on the report: “We will read every page before we decide.”',
      expected: [['We will read every page', null]],
    },
  ];
  it.each(cases)('$name', (testCase) => check(testCase));
});

describe('speakers: known failures', () => {
  it.fails('known failure: "“…” was how a director described it" names the speaker after a verb of description', () => {
    check({
      name: 'described',
      text: '“Tired and overworked” was how a director of the port described the crews, adding that nobody had slept.',
      expected: [['Tired and overworked', 'a director of the port']],
    });
  });
  it.fails('known failure: a speaker named before the quote with "as" ("lauded X as a “…”")', () => {
    check({
      name: 'as',
      text: 'In a statement, former mayor Ada Brook lauded Marek as a “faithful steward of our harbour.”',
      expected: [['faithful steward of our harbour', 'Ada Brook']],
    });
  });
  it.fails('known failure: a headline whose subject fires back at someone ("X fires back at Y: ‘…’")', () => {
    check({
      name: 'fires back',
      text: "Varga fires back at Marek: 'Every ferry on this coast' is late because of him\n\nThe board met.",
      expected: [['Every ferry on this coast', 'Varga']],
    });
  });
});

describe('speakers: a gerund of speech hangs on the subject of the clause before it', () => {
  const cases: Case[] = [
    {
      name: 'a subordinate clause naming someone else comes first',
      text: 'As Vela tried to speak, Mayor Okafor continued, saying: “The span stays shut.”',
      expected: [['The span stays shut', 'Okafor']],
    },
    {
      name: 'the object at the end of the clause is not the speaker',
      text: 'Senator Ilse Brandt on Monday apologized for comparing the toll rules to the Prohibition, declaring that “there is no comparison.”',
      expected: [['there is no comparison', 'Ilse Brandt']],
    },
    {
      name: 'a clause without a subject goes back to the one that has it',
      text: 'Ines Okafor, on Wednesday, reflected on the long meeting with Marsh, saying “we are not there yet.”',
      expected: [['we are not there yet', 'Ines Okafor']],
    },
    {
      name: 'a title before the name',
      text: 'District Judge Ama Lind granted the request and denied the appeal, writing “the council may not wait.”',
      expected: [['the council may not wait', 'Ama Lind']],
    },
    {
      name: 'a participle other than "saying"',
      text: 'Asked about the girder by a reporter, Ines Okafor appeared tired, responding: “I am not certain.”',
      expected: [['I am not certain', 'Ines Okafor']],
    },
    {
      name: 'no name opens the clause: no speaker rather than a wrong one',
      text: 'After the vote on the Marsh report, the doors of the hall closed, adding to the sense that “nothing at all will change in this town for years.”',
      expected: [['nothing at all will change', null]],
    },
  ];
  it.each(cases)('$name', check);
});

describe('speakers: a definite role stands for the one person the article gave it', () => {
  const cases: Case[] = [
    {
      name: 'a title before the name ("Mayor X" … "the mayor said")',
      text: 'Mayor Ines Okafor closed the bridge. “We will reopen it in May,” the mayor said.',
      expected: [['We will reopen it in May', 'Ines Okafor']],
    },
    {
      name: 'inverted order ("said the mayor")',
      text: 'Mayor Ines Okafor closed the bridge. “It will stay shut until May,” said the mayor.',
      expected: [['It will stay shut until May', 'Ines Okafor']],
    },
    {
      name: 'a lower-case role with an organisation before it ("Ministry spokesman X")',
      text: 'Ministry spokesman Ivo Marek denied the report. “There is no such plan,” the spokesman said.',
      expected: [['There is no such plan', 'Ivo Marek']],
    },
    {
      name: 'spokeswoman and spokesperson are one role',
      text: 'Harbour board spokeswoman Odile Varga met the crews. “Nobody was hurt,” the spokesperson added.',
      expected: [['Nobody was hurt', 'Odile Varga']],
    },
    {
      name: 'an appositive after the name (", the director of the authority,")',
      text: 'Lionel Marsh, the director of the authority, inspected the girder. “The cracks are not growing,” the director added.',
      expected: [['The cracks are not growing', 'Lionel Marsh']],
    },
    {
      name: 'an indefinite appositive introduces the named person (", a spokesman for the port,")',
      text: 'Ivo Marek, a spokesman for the port, spoke to the crews. “The pier is closed,” the spokesman said.',
      expected: [['The pier is closed', 'Ivo Marek']],
    },
    {
      name: '"secretary" is the Treasury Secretary',
      text: 'Treasury Secretary Ada Brook wrote to the council. “The funds will arrive on time,” the secretary wrote.',
      expected: [['The funds will arrive on time', 'Ada Brook']],
    },
    {
      name: '"the former president" is the one introduced as former',
      text: 'Former president Ama Lind spoke at the harbour. “I never signed that order,” the former president said.',
      expected: [['I never signed that order', 'Ama Lind']],
    },
    {
      name: 'a role set before the name in apposition ("the company’s chief executive, X,")',
      text: '“The ferries will run again,” said the company’s chief executive, Jo Quessard, at a briefing.',
      expected: [['The ferries will run again', 'Jo Quessard']],
    },
    {
      name: 'a party word the introduction does not contradict ("the Republican governor")',
      text: 'Governor Ilse Brandt signed the order. “The wall will be built,” the Republican governor said.',
      expected: [['The wall will be built', 'Ilse Brandt']],
    },
    {
      name: 'a complement the introduction gave ("the president of the authority")',
      text: 'Lionel Marsh, the president of the authority, spoke. “Fares will rise again,” the president of the authority said.',
      expected: [['Fares will rise again', 'Lionel Marsh']],
    },
    {
      name: 'an unnamed judge in the lede who is no source does not compete with the named one',
      text: 'A district judge blocked the toll on Monday. District Judge Ama Lind said the council had acted too late. “The toll must be set aside,” the judge wrote.',
      expected: [['The toll must be set aside', 'Ama Lind']],
    },
    {
      name: 'two roles set before two names, the second after "and"',
      text: 'In a statement, the commerce secretary, Ada Brook, and the interior secretary, Ivo Marek, agreed. “The rule will go,” the interior secretary said.',
      expected: [['The rule will go', 'Ivo Marek']],
    },
    {
      name: 'negative: a second judge the tagger folded into a court name still makes "the judge" ambiguous',
      text: 'Judge Piet Hanssen heard the case in May. In 1996, Judge Ada H. Brook of Federal District Court in Harbourton ruled otherwise. “He is a shadow of his old self,” the judge said.',
      expected: [['He is a shadow of his old self', 'the judge']],
    },
    {
      name: 'negative: an indefinite description is an anonymous source',
      text: 'Ministry spokesman Ivo Marek spoke. “It will stay shut,” a spokesman said.',
      expected: [['It will stay shut', 'a spokesman']],
    },
    {
      name: 'negative: two people with the same role',
      text: 'Judge Ama Lind and Judge Piet Hanssen heard the case. “The council acted too late,” the judge said.',
      expected: [['The council acted too late', 'the judge']],
    },
    {
      name: 'negative: a role introduced only after the quote',
      text: '“We will reopen it in May,” the mayor said. Mayor Ines Okafor closed the bridge on Sunday.',
      expected: [['We will reopen it in May', 'the mayor']],
    },
    {
      name: 'negative: an organisation speaking stays the organisation',
      text: 'Ministry spokesman Ivo Marek denied it. “There is no such plan,” the ministry said.',
      expected: [['There is no such plan', 'the ministry']],
    },
    {
      name: 'negative: an unnamed source with the role makes "the spokesman" either of them',
      text: 'Ministry spokesman Ivo Marek was away. “No such plan exists,” a spokesman for the port said. “It was never discussed,” the spokesman added.',
      expected: [
        ['No such plan exists', 'a spokesman for the port'],
        ['It was never discussed', 'the spokesman'],
      ],
    },
    {
      name: 'negative: the vice president is not "the president"',
      text: 'Vice President Ada Brook visited the port. “The harbour is safe,” the president said.',
      expected: [['The harbour is safe', 'the president']],
    },
    {
      name: 'negative: a former mayor is not "the mayor"',
      text: 'Former mayor Ada Brook attended. “The bridge is safe,” the mayor said.',
      expected: [['The bridge is safe', 'the mayor']],
    },
    {
      name: 'negative: a bare "the president" is not the president of an authority',
      text: 'Lionel Marsh, the president of the authority, spoke. “Fares will rise,” the president said.',
      expected: [['Fares will rise', 'the president']],
    },
    {
      name: 'negative: a qualifier the introduction does not have ("the airport spokesman")',
      text: 'Harbour spokesman Ivo Marek spoke. “The pier is closed,” the airport spokesman said.',
      expected: [['The pier is closed', 'the airport spokesman']],
    },
  ];
  it.each(cases)('$name', check);

  it('records where the name stands, not the role', () => {
    const text = 'Mayor Ines Okafor closed the bridge. “We will reopen it in May,” the mayor said.';
    const segmentation = segment(text);
    const [quote] = extractQuotes(text, segmentation, extractMentions(text, segmentation));
    expect(quote?.speakerSpan).toBeDefined();
    expect(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe('Ines Okafor');
  });

  it('negative: never across articles, not even in the story’s quote groups', () => {
    const articles = [
      analyzeArticle({
        id: 'a',
        body: 'Mayor Ines Okafor closed the bridge on Sunday after the inspection.',
      }),
      analyzeArticle({ id: 'b', body: '“We will reopen the bridge in May,” the mayor said on Monday.' }),
    ];
    expect(articles[1]!.quotes[0]?.speaker).toBe('the mayor');
    const groups = groupQuotes(articles, mergeEntities(articles));
    expect(groups.map((group) => group.speaker)).not.toContain('Ines Okafor');
  });

  it.fails('known failure: a role given by a predicate ("X became mayor") is not an introduction', () => {
    check({
      name: 'predicate',
      text: 'Ines Okafor became mayor of Port Aldous in 2019. “We will reopen it in May,” the mayor said.',
      expected: [['We will reopen it in May', 'Ines Okafor']],
    });
  });
  it.fails('known failure: a qualifier the introduction lacks blocks the match ("the two-term mayor")', () => {
    check({
      name: 'two-term',
      text: 'Mayor Ines Okafor closed the bridge. “We will reopen it in May,” the two-term mayor said.',
      expected: [['We will reopen it in May', 'Ines Okafor']],
    });
  });
  it.fails('known failure: a near-synonym of the role ("Sen. X" … "the lawmaker")', () => {
    check({
      name: 'lawmaker',
      text: 'Sen. Ilse Brandt opposed the toll. “It is a tax on workers,” the lawmaker said.',
      expected: [['It is a tax on workers', 'Ilse Brandt']],
    });
  });
});

describe('speakers: people described by where they are', () => {
  /** Every quote, reported speech included, as "words → speaker". */
  function allSpeakers(text: string): Array<[string, string | undefined]> {
    const segmentation = segment(text);
    return extractQuotes(text, segmentation, extractMentions(text, segmentation)).map((quote) => [
      quote.text,
      quote.speaker,
    ]);
  }

  it.each([
    ['Residents of Ferrow Point said the lorries had woken them before dawn.', 'Residents of Ferrow Point'],
    ['Shop owners on Tansy Road said the closure had cut their trade.', 'Shop owners on Tansy Road'],
    ['Villagers in Oskarsby said the water had risen overnight.', 'Villagers in Oskarsby'],
  ])('%s → %s, never the place', (text, speaker) => {
    const quotes = allSpeakers(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.[1]).toBe(speaker);
  });

  it('negative: a person of an organisation is still that person', () => {
    const quotes = allSpeakers('Ana Ruiz of the Tansy Harbour Board said the pier would reopen.');
    expect(quotes[0]?.[1]).toBe('Ana Ruiz');
  });
});
