import type { SeedFormat } from '../../core/corpus/seedFormats';

export type { SeedFormat };

export const SEED_FORMAT_DESCRIPTIONS: Record<SeedFormat, string> = {
  'profile-list': 'researcher profile: category+date+Code line, title glued to authors, abstract',
  'bare-abstracts': 'bare "Abstract:" lines with no titles',
  'blank-separated': 'listing page: title and abstract separated by blank lines',
  alternating: 'listing: alternating title and abstract lines',
  'daily-papers': 'daily papers page: title, abstract, "• N authors" / "·" / date block',
};


export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
}

/** One record as read from one seed file, before cleaning and merging. */
export interface SeedRecord {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  format: SeedFormat;
  /** Absent for bare abstracts, which are attached to a titled paper later. */
  titleRaw?: string;
  abstractRaw?: string;
  abstractLine?: number;
  /** Author names as written, in order. */
  authors?: string[];
  /** The listing cut the author list short ("et al."). */
  authorsTruncated?: boolean;
  authorCount?: number;
  organization?: string;
  affiliations?: string[];
  date?: PartialDate;
  /** arXiv primary category, e.g. "cs.CV". */
  category?: string;
  /** The listing marked the paper as having code. */
  codeFlag?: boolean;
  upvotes?: number;
}

/** A seed line the build cannot read. Its message is `file:line: reason`. */
export class SeedParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SeedParseError';
  }
}

export interface Line {
  /** 1-based line number. */
  n: number;
  text: string;
}
