/**
 * deckhand's programmatic API: `import { build, check, verify, approve } from 'deckhand'`.
 * Nothing here prints or exits; results carry the diagnostics the CLI would print.
 */
export { build, defaultConcurrency, type BuildEvent, type BuildOptions, type BuildResult } from './pipeline/build.js';
export { buildReport, type BuildReport } from './pipeline/report.js';
export { check, type CheckOptions, type CheckResult, type CheckedCourse } from './pipeline/check.js';
export { approveCourse as approve, type ApproveOutcome } from './pipeline/approve-course.js';
export type { SignOff } from './review/approve.js';
export { diff, type DiffOptions, type DiffResult } from './pipeline/diff.js';
export type { Redline, RedlineField, RedlineItem, RedlineSection } from './review/redline.js';
export { referencePolicyProblems, citingItems, type CitingItem } from './content/references.js';
export { verifyPdf, type Verdict, type VerifyOptions } from './pipeline/verify.js';
export { readReleaseRecord, RELEASE_RECORD_FILE, type ReleaseEntry } from './pipeline/release-record.js';
export { personalize, type PersonalizeOptions, type PersonalizeResult, type PersonalisedCopy } from './pipeline/personalize.js';
export { checkPersonalisation, type PersonalisationCheck } from './pipeline/verify-personalisation.js';
export type { PersonalisedEntry } from './pipeline/personalisation-manifest.js';
export type { OutputRecord } from './pipeline/run-targets.js';
export type { Diagnostic } from './content/diagnostic.js';
export { BASE_EDITION, editionKey, editionFileName, type Edition } from './content/edition.js';
export { BUILTIN_TARGETS, TargetRegistry } from './targets/registry.js';
export type { BuildSettings, ProduceContext, Product, Target } from './targets/target.js';
export { compile, compileDeck, compileHandout, type Compiled, type CompiledDeck, type CompiledHandout, type CompileInput, type CompileOptions } from './compile/compile.js';
export { interfaceText, type InterfaceText } from './compile/interface-text.js';
export { catalogueOf } from './compile/compile.js';
export { Catalogue, loadCatalogue, catalogueLanguages } from './i18n/index.js';
export { catalogueFor } from './pipeline/catalogue.js';
export { prepareCourse, type PreparedCourse } from './pipeline/prepare-course.js';
export { BrowserSession } from './print/browser-session.js';
export { startDevServer, type DevServer, type DevServerOptions, type DevEvent } from './dev/server.js';
export { courseCompile, courseWatchPaths } from './dev/course-compile.js';
export { imposeLabels, pptxLabels } from './compile/labels.js';
export { DeckhandError } from './errors.js';

import { reviewDay } from './pipeline/dates.js';
import { verifyPdf, type Verdict, type VerifyOptions } from './pipeline/verify.js';

/** Checks a deckhand PDF against its course (approval, release record) or a trusted signature (`trust`: CA PEM). */
export function verify(pdf: string, courseDir?: string, options: { env?: NodeJS.ProcessEnv } & VerifyOptions = {}): Promise<Verdict> {
  const { env, ...rest } = options;
  return verifyPdf(pdf, courseDir, reviewDay(env), rest);
}
