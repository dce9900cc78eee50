import * as vscode from 'vscode';
import { OUTPUT_CHANNEL } from './constants';

/** The "PaperLens" output channel: what happened, with timings. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
}
