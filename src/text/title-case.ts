/** Short words a headline leaves in lower case ("Biden Signs Bill to Fund the Police"). */
const TITLE_SMALL_WORDS = new Set(
  'a an the and or but nor of to in on at by for with from as into onto over per via vs is'.split(' '),
);

/**
 * Whether a sentence is written in headline case: three or more words besides the small ones, every one
 * starting with a capital or a digit. Body sentences, even dense with names ("Mayor Ada Brook and
 * Councillor Tom Reyes met on Monday"), keep at least their verbs in lower case.
 */
export function isTitleCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /\p{L}/u.test(word) && !TITLE_SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 3) return false;
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}$]/u.test(word)).length;
  return capitalised === words.length;
}
