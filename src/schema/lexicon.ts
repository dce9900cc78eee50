import { z } from 'zod';
import { DATA_VERSION } from '../core/data/version';

export const TechniqueKindSchema = z.enum(['name', 'acronym', 'phrase']);

export const TechniquePaperSchema = z
  .object({
    id: z.string().min(1),
    /** introduces: the paper coins or proposes the technique; mentions: it discusses or uses it. */
    role: z.enum(['introduces', 'mentions']),
    /** Times the paper's title and abstract name the technique. */
    mentions: z.number().int().min(0),
    inTitle: z.boolean(),
  })
  .strict();

export const MeaningSchema = z
  .object({
    expansion: z.string().min(1),
    /** Papers that define the acronym with this expansion. */
    papers: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const TechniqueSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Canonical display name: "MLA", "TransMLA", "KV cache". */
    name: z.string().min(1),
    /** name: coined by a paper; acronym: defined in parentheses; phrase: recurs across papers. */
    kind: TechniqueKindSchema,
    /** Long forms, merged across papers; more than one only when the acronym is ambiguous. */
    expansions: z.array(z.string().min(1)),
    /** The corpus gives this acronym meanings that are genuinely different. */
    meanings: z.array(MeaningSchema).optional(),
    /** Display forms that match: the name, its expansions, spelling variants, curated aliases. */
    aliases: z.array(z.string().min(1)).min(1),
    /** Matching keys (stems joined); every alias contributes one. */
    keys: z.array(z.string().min(1)).min(1),
    /** Keys of names written as one token ("ASA", "TransMLA"): in prose they never span a space ("As a"). */
    singleTokenKeys: z.array(z.string().min(1)),
    /**
     * Set when the name is also an everyday word or a short acronym: then an
     * identifier must also carry one of these context stems to match.
     */
    guard: z
      .object({
        reason: z.string().min(1),
        /** The keys the guard applies to: the name, not its spelled-out expansion. */
        keys: z.array(z.string().min(1)).min(1),
        context: z.array(z.string().min(1)),
      })
      .strict()
      .optional(),
    /** Introducing papers first, then the most central mentions. */
    papers: z.array(TechniquePaperSchema).min(1),
    /** How many papers the technique has, when `papers` lists only the first of them. */
    paperCount: z.number().int().min(1).optional(),
    /**
     * An organisation's name that its versioned releases are named for
     * (DeepSeek from DeepSeek-V3, whose papers DeepSeek-AI authors): not a
     * technique, so it never gets a card of its own; the releases do.
     */
    family: z.literal(true).optional(),
  })
  .strict();

export type Technique = z.infer<typeof TechniqueSchema>;
export type TechniquePaper = z.infer<typeof TechniquePaperSchema>;
export type TechniqueKind = z.infer<typeof TechniqueKindSchema>;

export const LexiconSchema = z
  .object({
    version: z.literal(DATA_VERSION),
    /** The data build this lexicon belongs to (set in the shipped file). */
    build: z.string().optional(),
    techniques: z.array(TechniqueSchema),
  })
  .strict()
  .superRefine((l, ctx) => {
    const ids = new Set<string>();
    for (const t of l.techniques) {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate technique id ${t.id}` });
      ids.add(t.id);
    }
  });

export type Lexicon = z.infer<typeof LexiconSchema>;
