import type { Line, SeedFormat, SeedRecord } from '../types';

/** One listing format: how to recognise it and how to read its records. */
export interface FormatParser {
  readonly format: SeedFormat;
  /**
   * Why this file is in this format, or undefined if it is not. `body` is the
   * file without its header chrome; `content` is its non-blank, non-chrome lines.
   */
  detect(body: readonly Line[], content: readonly Line[]): string | undefined;
  parse(body: readonly Line[], file: string): SeedRecord[];
}
