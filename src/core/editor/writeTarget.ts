/**
 * Where PaperLens may write a bibliography entry, decided from paths alone
 * (the extension gathers them, following links on disk): a .bib file, inside
 * the workspace when the workspace is not trusted, and never through a link
 * that leads out of the workspace without the user's say-so.
 */

/** A path as it was named and where it really leads once links are followed ('/'-separated, absolute). */
export interface NamedPath {
  path: string;
  realPath: string;
}

export interface WriteTargetFacts {
  /** The bibliography file: as named (by the document or a setting) and where it really is. */
  target: NamedPath;
  /** The workspace folders, as opened and where they really are. */
  folders: readonly NamedPath[];
  /** Whether the workspace is trusted (not in Restricted Mode). */
  trusted: boolean;
  /** How to name the file to the user (a path relative to the workspace). */
  name: string;
}

export type WriteTargetVerdict = { kind: 'ok' } | { kind: 'confirm'; question: string } | { kind: 'refuse'; reason: string };

/**
 * Whether an entry may go into a bibliography file:
 *
 * - only a .bib file, where it really is: a link named `refs.bib` that
 *   leads to `notes.txt` is refused;
 * - in an untrusted workspace, only a file inside it, where it really is;
 * - in a trusted workspace, a file named inside it that is a link to a file
 *   outside it needs the user's confirmation (a file the user names outside
 *   the workspace, with `paperlens.bibFile` or an absolute path, is theirs
 *   to name).
 *
 * @example
 * judgeWriteTarget({ target: { path: '/ws/refs.bib', realPath: '/etc/x.bib' }, folders: [{ path: '/ws', realPath: '/ws' }], trusted: false, name: 'refs.bib' })
 * // => { kind: 'refuse', reason: 'refs.bib is a link to /etc/x.bib, outside the workspace, and the workspace is not trusted' }
 */
export function judgeWriteTarget(f: WriteTargetFacts): WriteTargetVerdict {
  const { target, folders, trusted, name } = f;
  const linked = target.realPath !== target.path;
  if (!/\.bib$/i.test(target.path)) return { kind: 'refuse', reason: `${name} is not a BibTeX file (.bib)` };
  if (!/\.bib$/i.test(target.realPath)) return { kind: 'refuse', reason: `${name} is a link to ${target.realPath}, which is not a BibTeX file (.bib)` };
  const namedInside = folders.some((w) => within(target.path, w.path));
  const reallyInside = folders.some((w) => within(target.realPath, w.realPath));
  if (!trusted && !namedInside) return { kind: 'refuse', reason: `${name} is outside the workspace, and the workspace is not trusted` };
  if (!trusted && !reallyInside) return { kind: 'refuse', reason: `${name} is a link to ${target.realPath}, outside the workspace, and the workspace is not trusted` };
  if (linked && namedInside && !reallyInside) {
    return { kind: 'confirm', question: `${name} is a link to ${target.realPath}, outside the workspace. Add the BibTeX entry there?` };
  }
  return { kind: 'ok' };
}

/** Whether `path` is `folder` or inside it; `..` segments never count as inside. */
export function within(path: string, folder: string): boolean {
  if (path.split('/').includes('..')) return false;
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path === folder || path.startsWith(base);
}
