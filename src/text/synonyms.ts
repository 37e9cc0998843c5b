import { stem } from './terms.js';

/*
 * A small hand-made table of word classes that news outlets use interchangeably for the same fact
 * ("gifted a limousine" / "gave a car"). Word vectors would cover more, but the only offline vectors on
 * npm weigh 294 MB and take 5 s to load (see ../shared/ecosystem.md); this table costs nothing.
 */
const CLASSES: readonly string[] = [
  'give gave given gives giving gift gifted gifting present presented presenting hand handed donate donated',
  'car cars vehicle vehicles limousine limousines limo limos sedan sedans automobile automobiles',
  // Not "state"/"stated": their stem is the noun of "the state's request" and "federal, state and local".
  'say said says statement tell told announce announced remark remarked',
  'kill killed killing dead death deaths die died dying slain',
  'injure injured injuring injury injuries wound wounded hurt',
  'arrest arrested arresting detain detained detention custody',
  'buy bought buying purchase purchased acquire acquired',
  'cost costs costing price priced prices pricing retail retails retailing',
  'visit visited visiting trip travel travelled traveled travelling traveling',
  'ban banned bans bar barred bars prohibit prohibited prohibits forbid forbids forbidden',
  'violate violated violates violation violations breach breached contravene contravened',
  'deliver delivered delivery arrive arrived arrival receive received',
  'tie ties relation relations relationship relationships',
  'deepen deepening strengthen strengthened strengthening bolster bolstering closer',
  // Not "step down": the stem of "stepped" is the noun of "a step toward".
  'resign resigned resignation quit quits',
  'rise rose risen rising increase increased grow grew climb climbed',
  'fall fell fallen falling drop dropped decline declined decrease decreased',
  'fire fires blaze blazes',
  'quake earthquake earthquakes tremor tremors',
  'accuse accused accusation accusations allege alleged allegation allegations',
  'deny denied denies denial reject rejected dismiss dismissed',
  'weapon weapons arm arms munition munitions gun guns firearm firearms',
  'shell shells ammunition artillery',
  'win won wins winning defeat defeated defeats beat beaten survive survived survives triumph triumphed prevail prevailed',
  'pass passed passes approve approved approves approval adopt adopted authorize authorized authorizes authorization authorise authorised',
  'sign signed signs signing enact enacted',
  'mandate mandated mandates require required requires requirement order ordered orders',
  'lawmaker lawmakers legislator legislators congressman congresswoman',
  'vaccine vaccines vaccination vaccinations vaccinated jab jabs',
  // "COVID-19" reaches alignment as the compound "covid19" (see align.ts), "Covid" alone as "covid".
  'coronavirus covid covid19',
  'sue sued suing lawsuit lawsuits',
  'charge charged indict indicted indictment indictments',
  'agree agreed agreement agreements deal deals accord accords',
  'plan plans proposal proposals propose proposed offer offered offers',
  'bill bills legislation',
  'probe probes investigation investigations investigate investigated inquiry',
  'block blocked blocks halt halted halts stop stopped stops stopping',
  // A crowd is counted by any of its words: "20,000 marched", "the rally drew 30,000", "20,000 protesters".
  'protest protests protester protesters demonstrator demonstrators demonstration demonstrations march marched marches marcher marchers marching rally rallies rallied',
  'ruled ruling rulings decide decided decides decision decisions',
  'ask asked asks asking request requested requests seek seeks seeking sought',
  'jobless unemployment unemployed',
  'ceiling ceilings limit limits',
  'raise raised raises raising hike hikes hiked',
  'warn warned warns warning warnings caution cautioned',
  'attack attacks attacked assault assaulted',
  'bomb bombs bombing bombings bomber explosion explosions explode exploded',
  'criticize criticized criticizes criticism criticise criticised criticises slam slammed slams condemn condemned condemns',
  'threat threats threaten threatened threatens threatening',
  'delay delayed delays postpone postponed postpones',
  'negotiate negotiated negotiation negotiations negotiator negotiators talks',
  'recommend recommended recommends recommendation endorse endorsed endorses endorsement',
  'ease eased eases easing lift lifted lifts loosen loosened relax relaxed',
  'child children kid kids',
  'migrant migrants immigrant immigrants',
  'troop troops soldier soldiers',
  'company companies firm firms',
  'poll polls survey surveys',
  'doctor doctors physician physicians',
  'police cop cops',
  'prison prisons jail jailed imprison imprisoned',
  'convict convicted conviction convictions guilty',
  'nominate nominated nominee nominees nomination nominations',
  'testify testified testimony',
  'cancel canceled cancelled cancellation cancellations scrap scrapped',
  'unveil unveiled unveils launch launched launches introduce introduced introduces',
  'fund funds funding finance financing',
  'economy economic',
  'begin began begun begins start started starts',
  'strike strikes struck',
  'meet met',
  'write wrote written writes',
  'speak spoke spoken speech speeches',
  // A country and its adjective name one thing ("China warned" / "Chinese officials warned").
  'china chinese',
  'russia russian russians',
  'afghanistan afghan afghans',
  'taiwan taiwanese',
  'israel israeli israelis',
  'iran iranian',
  'ukraine ukrainian',
  'mexico mexican',
  'canada canadian',
  'france french',
  'britain british',
  'germany german',
  'japan japanese',
  'italy italian',
  'india indian',
];

const CLASS_OF = new Map<string, string>();
for (const line of CLASSES) {
  const words = line.split(/\s+/);
  const head = stem(words[0] ?? '');
  for (const word of words) CLASS_OF.set(stem(word), `~${head}`);
}

/** The paraphrase class of a stem (e.g. "gift" → "~give"), or the stem itself when it has none. */
export function paraphraseClass(termStem: string): string {
  return CLASS_OF.get(termStem) ?? termStem;
}
