/**
 * An edition: one course in one market and language, the unit that outputs,
 * cache, manifest, shard key and review state are keyed by. Every course has
 * its base edition (id "base"); market/language editions come from overlays
 * decks/<course>/editions/<market>-<lang>.yaml (id = file stem, lower case).
 */
export const BASE_EDITION = 'base';

export interface Edition {
  /** The course id (= its folder name). */
  course: string;
  /** "base", or "<market>-<lang>" such as "tr-tr". */
  edition: string;
  /** BCP 47 language of the edition's text. */
  language: string;
  /** ISO 3166 alpha-2, upper case; absent for a base edition without one market. */
  market?: string;
}

/**
 * The edition's key, unique in a build: "<course>" for the base edition,
 * "<course>.<edition>" otherwise. Names its outputs, its cache and manifest
 * entries and its shard key.
 */
export const editionKey = (e: Pick<Edition, 'course' | 'edition'>): string => (e.edition === BASE_EDITION ? e.course : `${e.course}.${e.edition}`);

/** Output file name: "<course>.<suffix>" for the base, "<course>.<edition>.<suffix>" otherwise (all in output/<course>/). */
export const editionFileName = (e: Pick<Edition, 'course' | 'edition'>, suffix: string): string => `${editionKey(e)}.${suffix}`;
