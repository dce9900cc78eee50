import type * as vscode from 'vscode';
import type { TechniqueMatcher, TechniqueMatch } from '../../core/techniques/matcher';
import { type ProseRegions, isProse } from '../../core/techniques/regions';
import type { DocumentCache } from '../util/documentCache';

/**
 * The technique named at a position of a document: comments and strings
 * (docstrings and block comments across lines) match as prose, code by
 * identifier. The document's prose regions come from the cache, made once
 * per version in slices.
 */
export async function techniqueAt(
  matcher: TechniqueMatcher,
  doc: vscode.TextDocument,
  pos: vscode.Position,
  regions: DocumentCache<ProseRegions>,
): Promise<TechniqueMatch | undefined> {
  const { value, version } = await regions.get(doc);
  const line = doc.lineAt(pos.line).text;
  // Edited while the regions were made: judge the line alone rather than with stale offsets.
  if (doc.version !== version) return matcher.matchInLanguage(line, pos.character, doc.languageId);
  return matcher.matchAt(line, pos.character, { prose: isProse(value, doc.offsetAt(pos)) });
}
