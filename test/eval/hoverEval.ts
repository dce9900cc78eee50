import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TechniqueMatcher } from '../../src/core/techniques/matcher';

export interface HoverCase {
  lang: string;
  line: string;
  hover: string;
  occurrence?: number;
  expect: string | null;
}

export function loadHoverCases(): HoverCase[] {
  return (JSON.parse(readFileSync(join(__dirname, 'hovers.json'), 'utf8')) as { cases: HoverCase[] }).cases;
}

/** The 0-based column of the middle of the hovered word. */
export function hoverColumn(c: HoverCase): number {
  let at = -1;
  for (let n = 0; n < (c.occurrence ?? 1); n++) at = c.line.indexOf(c.hover, at + 1);
  if (at < 0) throw new Error(`"${c.hover}" not in "${c.line}"`);
  return at + Math.floor(c.hover.length / 2);
}

export interface HoverResult {
  c: HoverCase;
  got: string | null;
}

export function runHoverEval(matcher: TechniqueMatcher, cases = loadHoverCases()): HoverResult[] {
  return cases.map((c) => ({ c, got: matcher.matchInLanguage(c.line, hoverColumn(c), c.lang)?.technique.name ?? null }));
}

export interface HoverFigures {
  cases: number;
  positives: number;
  negatives: number;
  truePositives: number;
  /** A card on a line that should have none, or the wrong technique. */
  falsePositives: number;
  /** No card, or the wrong technique, where one was expected. */
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Share of no-card lines that got a card. */
  falsePositiveRate: number;
  /** Share of technique lines that got no card or the wrong one. */
  falseNegativeRate: number;
}

export function hoverFigures(rs: readonly HoverResult[]): HoverFigures {
  const pos = rs.filter((r) => r.c.expect !== null);
  const neg = rs.filter((r) => r.c.expect === null);
  const tp = pos.filter((r) => r.got === r.c.expect).length;
  const wrong = pos.filter((r) => r.got !== null && r.got !== r.c.expect).length;
  const negHits = neg.filter((r) => r.got !== null).length;
  const fp = wrong + negHits;
  const fn = pos.length - tp;
  return {
    cases: rs.length,
    positives: pos.length,
    negatives: neg.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: pos.length === 0 ? 1 : tp / pos.length,
    falsePositiveRate: neg.length === 0 ? 0 : negHits / neg.length,
    falseNegativeRate: pos.length === 0 ? 0 : fn / pos.length,
  };
}
