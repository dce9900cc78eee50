import * as vscode from 'vscode';
import type { CommandId } from '../constants';
import type { CommandArgs } from './args';

/**
 * Runs one of our commands with arguments of its type (see CommandArgs).
 *
 * @example
 * await runCommand(Command.openDetails, 'fast-vision-transformers-with-hilo-attention');
 */
export function runCommand<C extends CommandId>(command: C, ...args: CommandArgs[C]): Thenable<unknown> {
  return vscode.commands.executeCommand(command, ...args);
}
