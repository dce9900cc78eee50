/**
 * The five listing formats found in the seeds, recognised from content by
 * the build; the run-time core names them in lists (the sidebar's grouping
 * by source).
 */
export type SeedFormat = 'profile-list' | 'bare-abstracts' | 'blank-separated' | 'alternating' | 'daily-papers';

/** Short names of the formats, for lists. */
export const SEED_FORMAT_LABELS: Record<SeedFormat, string> = {
  'profile-list': 'profile list',
  'bare-abstracts': 'bare abstracts',
  'blank-separated': 'listing (blank-separated)',
  alternating: 'listing (alternating lines)',
  'daily-papers': 'daily papers page',
};
