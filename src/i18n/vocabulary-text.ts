/**
 * The shape of a dictionary's vocabulary texts, built from the enums in `src/schema/vocabulary.ts`:
 * a dictionary that lacks the label or meaning of any value fails the type check, naming the value.
 */
import type { z } from "zod";
import type * as vocabulary from "../schema/vocabulary.ts";

type Vocabularies = typeof vocabulary;

/** One text for every value of every vocabulary, e.g. its label or what it means. */
export type VocabularyTexts = {
  [Name in keyof Vocabularies]: Record<z.output<Vocabularies[Name]>, string>;
};
