import { stem } from './terms.js';

/*
 * A small hand-made table of word classes that news outlets use interchangeably for the same fact
 * ("gifted a limousine" / "gave a car"). Word vectors would cover more, but the only offline vectors on
 * npm weigh 294 MB and take 5 s to load (see ../shared/ecosystem.md); this table costs nothing.
 */
const CLASSES: readonly string[] = [
  'give gave given gives giving gift gifted gifting present presented presenting hand handed donate donated',
  'car cars vehicle vehicles limousine limousines limo limos sedan sedans automobile automobiles',
  'say said says state stated statement tell told announce announced remark remarked',
  'kill killed killing dead death deaths die died dying slain',
  'injure injured injuring injury injuries wound wounded hurt',
  'arrest arrested arresting detain detained detention custody',
  'buy bought buying purchase purchased acquire acquired',
  'visit visited visiting trip travel travelled traveled travelling traveling',
  'ban banned bans bar barred bars prohibit prohibited prohibits forbid forbids forbidden',
  'violate violated violates violation violations breach breached contravene contravened',
  'deliver delivered delivery arrive arrived arrival receive received',
  'tie ties relation relations relationship relationships',
  'deepen deepening strengthen strengthened strengthening bolster bolstering closer',
  'resign resigned resignation quit quits step stepped',
  'rise rose risen rising increase increased grow grew climb climbed',
  'fall fell fallen falling drop dropped decline declined decrease decreased',
  'fire fires blaze blazes',
  'quake earthquake earthquakes tremor tremors',
  'accuse accused accusation accusations allege alleged allegation allegations',
  'deny denied denies denial reject rejected dismiss dismissed',
  'weapon weapons arm arms munition munitions',
  'shell shells ammunition artillery',
  'win won wins winning defeat defeated defeats beat beaten survive survived survives triumph triumphed prevail prevailed',
  'pass passed passes approve approved approves approval adopt adopted',
  'sign signed signs signing enact enacted',
  'mandate mandated mandates require required requires requirement order ordered orders',
  'lawmaker lawmakers legislator legislators congressman congresswoman',
  'vaccine vaccines vaccination vaccinations vaccinated jab jabs',
  'coronavirus covid',
  'sue sued suing lawsuit lawsuits',
  'charge charged indict indicted indictment indictments',
  'agree agreed agreement agreements deal deals accord accords',
  'plan plans proposal proposals propose proposed',
  'bill bills legislation',
  'probe probes investigation investigations investigate investigated inquiry',
  'block blocked blocks halt halted',
  'protest protests protester protesters demonstrator demonstrators demonstration demonstrations',
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
