/**
 * The five listing formats found in the seeds, recognised from content by
 * the build; the run-time core names them in lists (the sidebar's grouping
 * by source). The shipped catalog names a source's format by its position
 * in {@link SEED_FORMATS}, so new formats go at the end.
 */
export const SEED_FORMATS = ['profile-list', 'bare-abstracts', 'blank-separated', 'alternating', 'daily-papers'] as const;

export type SeedFormat = (typeof SEED_FORMATS)[number];

/** Short names of the formats, for lists. */
export const SEED_FORMAT_LABELS: Record<SeedFormat, string> = {
  'profile-list': 'profile list',
  'bare-abstracts': 'bare abstracts',
  'blank-separated': 'listing (blank-separated)',
  alternating: 'listing (alternating lines)',
  'daily-papers': 'daily papers page',
};
