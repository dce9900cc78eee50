import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/command';
import { readUserText } from '../../src/cli/userFile';
import { realData } from './realCorpus';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process on the real corpus, capturing stdout and stderr. */
export function runCli(...argv: string[]): CliRun {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    data: realData,
    readFile: readUserText,
  };
  return { code: main(argv, io), out, err };
}
