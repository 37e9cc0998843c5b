/**
 * The one stderr line every command prints for an input it skipped, so that `synth`, `cluster` and
 * `ingest` name a bad file the same way: `crosscheck: skipped PATH: the problem`.
 * @packageDocumentation
 */

/**
 * Formats the line for a skipped input. Readers' messages already name the input (`PATH: skipped, …`):
 * that prefix is dropped rather than printed twice.
 * @param ref - the path or URL skipped
 * @param message - the reader's message
 */
export function skippedLine(ref: string, message: string): string {
  const detail = message.startsWith(`${ref}: `) ? message.slice(ref.length + 2) : message;
  return `crosscheck: skipped ${ref}: ${detail.replace(/^skipped, /, '')}\n`;
}
