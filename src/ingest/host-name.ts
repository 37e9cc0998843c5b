/** The host of a URL without a leading `www.`, or undefined for a missing or unparsable URL. */
export function hostName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
