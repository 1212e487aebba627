/** `deckhand init [--course ID]` and `deckhand new COURSE_ID`: a content repository and new draft courses. */
import { isoDay, parseEpoch } from '../pipeline/dates.js';
import { EXAMPLE_COURSE, initRepo, newCourse, type Scaffolded } from '../pipeline/scaffold.js';
import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';

const today = () => isoDay(process.env.SOURCE_DATE_EPOCH ? parseEpoch(process.env.SOURCE_DATE_EPOCH) : new Date());

function report(result: Scaffolded, terminal: Terminal): void {
  for (const file of result.created) terminal.info(`created  ${file}`);
  for (const file of result.kept) terminal.info(`kept     ${file} (exists)`);
}

export function initCommand(options: { course?: string }, terminal: Terminal): number {
  const result = initRepo({ date: today(), ...(options.course ? { course: options.course } : {}) });
  report(result, terminal);
  const id = options.course ?? EXAMPLE_COURSE;
  terminal.info(`next: edit decks/${id}/course.yaml, then "npx deckhand check" and "npx deckhand build" (it builds as a DRAFT until "npx deckhand approve decks/${id} …")`);
  return EXIT.ok;
}

export function newCommand(id: string, terminal: Terminal): number {
  report(newCourse(id, { date: today() }), terminal);
  terminal.info(`next: replace the placeholder text in decks/${id}/course.yaml; it builds as a DRAFT until it is signed off with "npx deckhand approve decks/${id} --reviewer … --role … --expires YYYY-MM-DD"`);
  return EXIT.ok;
}
