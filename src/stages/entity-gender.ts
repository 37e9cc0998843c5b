import type { Mention } from '../model/index.js';
import { FEMALE_CUES, FEMALE_HONORIFICS, FIRST_NAMES, MALE_CUES } from './entity-gazetteer.js';
import { isPossessiveAt, nameKey } from './entity-names.js';

/** The grammatical gender a text gives a person, when it gives one. */
export type Gender = 'female' | 'male';

/**
 * The key a person's gender is stored under: the honorific stays in ("ms kim" ≠ "mr kim")
 * because a shared surname says nothing about which Kim is meant.
 */
export function genderKey(written: string): string {
  const key = nameKey(written);
  return key.honorific === undefined ? key.key : `${key.honorific} ${key.key}`;
}

const PRONOUN_AFTER = /\b(she|her|hers|he|his|him)\b/i;

/**
 * Genders of the persons of one text, from the cues around their mentions: honorifics, known given names,
 * role words just before ("spokeswoman Maria Zakharova", "Kim's sister, Kim Yo-jong"), appositives after
 * ("Kim Yo-jong, the sister of …") and the first pronoun after the name in its sentence.
 * @param text - the canonical text
 * @param mentions - its mentions; only persons are read
 * @returns gender by {@link genderKey}, for the names the cues decide
 */
export function personGenders(text: string, mentions: readonly Mention[]): Map<string, Gender> {
  const scores = new Map<string, number>();
  for (const mention of mentions) {
    if (mention.type !== 'person' || isPossessiveAt(text, mention.end)) continue;
    const key = nameKey(mention.text);
    let score = 0;
    if (key.honorific !== undefined)
      score += FEMALE_HONORIFICS.has(key.honorific) ? 3 : key.honorific === 'mr' ? -3 : 0;
    const given = FIRST_NAMES.get(key.tokens[0] ?? '');
    if (given !== undefined && key.tokens.length > 1) score += given === 'female' ? 2 : -2;
    const before = text
      .slice(Math.max(0, mention.start - 40), mention.start)
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length > 0)
      .slice(-4);
    for (const word of before) {
      if (word === 'she' || word === 'he' || word === 'her' || word === 'his') continue;
      if (FEMALE_CUES.has(word)) score += 2;
      else if (MALE_CUES.has(word)) score -= 2;
    }
    const after = text.slice(mention.end, mention.end + 80);
    const appositive = /^,\s+(?:the|a|an|his|her|their)?\s*(?:[a-z-]+(?:['’]s)?\s+)?([a-z]+)/.exec(after);
    if (appositive?.[1] !== undefined) {
      if (FEMALE_CUES.has(appositive[1])) score += 2;
      else if (MALE_CUES.has(appositive[1])) score -= 2;
    }
    const pronoun = PRONOUN_AFTER.exec(after.split(/[.!?]\s/)[0] ?? '')?.[1]?.toLowerCase();
    if (pronoun !== undefined) score += FEMALE_CUES.has(pronoun) ? 1 : -1;
    const storeKey = genderKey(mention.text);
    scores.set(storeKey, (scores.get(storeKey) ?? 0) + score);
  }
  const genders = new Map<string, Gender>();
  for (const [key, score] of scores) {
    if (score > 0) genders.set(key, 'female');
    else if (score < 0) genders.set(key, 'male');
  }
  return genders;
}
