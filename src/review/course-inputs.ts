/**
 * Everything besides the YAML that determines what a course shows: its images,
 * the PDFs of its sources and, if it has one, its own templates folder. Both are covered by the content
 * fingerprint, so changing a course's template after approval makes it a draft.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoadedCourse } from '../content/load-course.js';

/** `{ "assets/x.png": sha256, "templates/partials/deck/faq.hbs": sha256, … }`, paths relative to the course. */
export function courseInputs(loaded: LoadedCourse, templatesDir: string | undefined): Record<string, string> {
  const inputs: Record<string, string> = Object.fromEntries([...loaded.assets.values()].map((a) => [a.src, a.sha256]));
  // PDFs of the sources a course cites are part of what was approved.
  for (const source of loaded.sourceFiles) inputs[source.file] = source.sha256;
  if (templatesDir) {
    // Links are followed as the template set follows them (it has refused any that lead out
    // of the course before this runs); each real folder is walked once.
    const seen = new Set<string>();
    const walk = (dir: string): string[] => {
      const real = realpathSync(dir);
      if (seen.has(real)) return [];
      seen.add(real);
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = join(dir, e.name);
        return statSync(full).isDirectory() ? walk(full) : [full];
      });
    };
    for (const file of walk(templatesDir)) {
      inputs[relative(loaded.dir, file).split(sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  }
  return inputs;
}
