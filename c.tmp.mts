import { prepareCourse } from '/work/wt/refs/src/pipeline/prepare-course.ts';
import { compile } from '/work/wt/refs/src/compile/compile.ts';
const p = prepareCourse('decks/interventional-pain-management', { today: '2026-12-01' });
if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
const c = compile(p.course.input, p.course.templates, { fonts: () => '' });
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/refx/deck.md', c.deck.markdown); writeFileSync('/tmp/refx/handout.html', c.handout.html); writeFileSync('/tmp/refx/deck.html', c.deck.printHtml);
