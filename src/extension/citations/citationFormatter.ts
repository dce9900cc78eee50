import type * as vscode from 'vscode';
import { type CitationFormat, formatCitation } from '../../core/cite/formats';
import type { PaperRecord } from '../../core/data/load';
import type { Paper } from '../../schema/corpus';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import type { CitationKeys } from './citationKeys';

/**
 * A paper in any citation format with the user's options for a scope (the
 * LaTeX command, whether to include the abstract), under its key or one
 * given. The abstract is read on demand, only when the settings include it.
 */
export class CitationFormatter {
  constructor(
    private readonly data: PaperDataService,
    private readonly settings: Settings,
    private readonly keys: CitationKeys,
  ) {}

  /** A paper in a citation format, with the options of a scope, under its key or the one given. */
  async format(p: PaperRecord, format: CitationFormat, scope?: vscode.ConfigurationScope, commentPrefix?: string, key?: string): Promise<string> {
    return this.formatCitable(await this.citable(p, scope), format, scope, commentPrefix, key);
  }

  /** The paper as its citations need it: with its abstract when the settings include it (read on demand). */
  async citable(p: PaperRecord, scope?: vscode.ConfigurationScope): Promise<PaperRecord | Paper> {
    if (!this.settings.get(Setting.includeAbstract, scope)) return p;
    return (await this.data.current?.details.get(p.id)) ?? p;
  }

  /** {@link format} for a paper {@link citable} has made ready: no reading, so it can be called for several keys. */
  formatCitable(p: PaperRecord | Paper, format: CitationFormat, scope?: vscode.ConfigurationScope, commentPrefix?: string, key = this.keys.keyOf(p.id) ?? p.id): string {
    return formatCitation(p, key, format, {
      abstract: this.settings.get(Setting.includeAbstract, scope) && 'abstract' in p,
      latexCommand: this.settings.get(Setting.citationCommand, scope),
      ...(commentPrefix === undefined ? {} : { commentPrefix }),
    });
  }
}
