import type { PaperData } from '../core/data/load';
import type { FlagSpec, ParsedArgs } from './args';

/** What a command may touch: output streams and the (lazily loaded) data. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  data(): PaperData;
  readFile(path: string): string;
}

export interface CliCommand {
  readonly name: string;
  /** One line: `search <query> [--limit N] [--json]`. */
  readonly usage: string;
  readonly summary: string;
  readonly flags: FlagSpec;
  /** Returns the exit code; throws UsageError (2) or NotFoundError (1). */
  run(args: ParsedArgs, io: CliIO): number;
}
