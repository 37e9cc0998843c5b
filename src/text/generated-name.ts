/** Names at most this long without a long hex run read as chosen by a person. */
const CHOSEN_NAME_LENGTH = 40;

/**
 * Whether a name (a file stem, an id) was generated rather than chosen: a run of eight or more hex digits
 * ("000_2f3df334388c028e", a content hash, a UUID) or an overlong string. A chosen name such as
 * "the-daily-ledger" or "civic-radio" can stand for an outlet; a generated one cannot.
 * @param name - the name to judge
 */
export function isGeneratedName(name: string): boolean {
  return name.length > CHOSEN_NAME_LENGTH || /[0-9a-f]{8,}/i.test(name);
}
