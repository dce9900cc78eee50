import type { PaperData } from '../core/data/load';
import { type FlagSpec, NotFoundError, type ParsedArgs } from './args';
import { UserFileError } from './userFile';

/** What a command may touch: output streams and the (lazily loaded) data. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  data(): PaperData;
  /** A user's file as text; throws with the reason (see readUserText). */
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

/** A file the user named, or NotFoundError (exit 1) with the reason. */
export function readUserFile(io: CliIO, file: string): string {
  try {
    return io.readFile(file);
  } catch (e) {
    if (e instanceof UserFileError) throw new NotFoundError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotFoundError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}
