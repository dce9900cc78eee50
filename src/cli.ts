/**
 * `paperlens`: the PaperLens core on the command line.
 * Exit codes: 0 success, 1 not found (or bad data), 2 usage error.
 */
import { DataError } from './core/data/errors';
import type { PaperData } from './core/data/load';
import { NotFoundError, UsageError, parseArgs } from './cli/args';
import type { CliCommand, CliIO } from './cli/command';
import { bibCommand } from './cli/commands/bib';
import { citeCommand } from './cli/commands/cite';
import { hoverCommand } from './cli/commands/hover';
import { scanCommand } from './cli/commands/scan';
import { searchCommand } from './cli/commands/search';
import { showCommand } from './cli/commands/show';
import { statsCommand } from './cli/commands/stats';
import { techniquesCommand } from './cli/commands/techniques';
import { loadNodeData } from './cli/data';
import { readUserText } from './cli/userFile';

export const COMMANDS: readonly CliCommand[] = [searchCommand, showCommand, citeCommand, bibCommand, statsCommand, hoverCommand, techniquesCommand, scanCommand];

export function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'usage: paperlens <command> [arguments]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(w)}  ${c.summary}`),
    '',
    'Exit codes: 0 success, 1 not found, 2 usage error.',
  ].join('\n');
}

export function main(argv: readonly string[], io: CliIO): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  try {
    if (!cmd) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`usage: paperlens ${cmd.usage}\n\n${cmd.summary}`);
      return 0;
    }
    return cmd.run(parseArgs(rest, cmd.flags), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`paperlens: ${e.message}\n\n${cmd ? `usage: paperlens ${cmd.usage}` : usage()}`);
      return 2;
    }
    if (e instanceof NotFoundError || e instanceof DataError) {
      io.err(`paperlens: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** The real process's streams and the shipped data, loaded once on first use. */
export function nodeIO(): CliIO {
  let data: PaperData | undefined;
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    data: () => (data ??= loadNodeData()),
    readFile: readUserText,
  };
}

if (require.main === module) {
  // A reader that stops early (`paperlens bib | head`) closes the pipe; that ends the output, it is not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = main(process.argv.slice(2), nodeIO());
}
