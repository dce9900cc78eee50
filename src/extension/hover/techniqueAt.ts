import type * as vscode from 'vscode';
import type { DocumentFacts } from '../../core/techniques/document';
import type { TechniqueMatcher, TechniqueMatch } from '../../core/techniques/matcher';
import { isProse } from '../../core/techniques/regions';
import type { DocumentCache } from '../util/documentCache';

/**
 * The technique named at a position of a document: comments and strings
 * (docstrings and block comments across lines) match as prose, code by
 * identifier, judged with what the whole file says (whether it is ML code,
 * whose own code it is). The document's facts come from the cache, made
 * once per version in slices.
 */
export async function techniqueAt(
  matcher: TechniqueMatcher,
  doc: vscode.TextDocument,
  pos: vscode.Position,
  documents: DocumentCache<DocumentFacts>,
): Promise<TechniqueMatch | undefined> {
  const { value, version } = await documents.get(doc);
  const line = doc.lineAt(pos.line).text;
  // Edited while the facts were gathered: judge the line alone rather than with stale offsets.
  if (doc.version !== version) return matcher.matchInLanguage(line, pos.character, doc.languageId);
  return matcher.matchAt(line, pos.character, { prose: isProse(value.regions, doc.offsetAt(pos)), facts: matcher.fileFacts(value) });
}
