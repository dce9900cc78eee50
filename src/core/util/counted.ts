/**
 * A count with its noun, in the one form PaperLens writes counts:
 * thousands grouped, the noun singular for one.
 *
 * @example
 * counted(1, 'entry', 'entries') // => '1 entry'
 * counted(1204, 'entry', 'entries') // => '1,204 entries'
 * counted(3, 'file') // => '3 files'
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
