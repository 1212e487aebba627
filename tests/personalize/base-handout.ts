/**
 * The base handout the personalisation tests stamp: the real sample course,
 * built by the real CLI once, with page 1's slot box kept free by the CSS
 * that slotReservationCss() gives (the lead wires that into the handout
 * template; until then a course-local theme override carries it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSlotDeclaration, slotReservationCss, type SlotDeclaration } from '../../src/render/slot-declaration.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const COURSE = 'interventional-pain-management';

export function declaredSlot(): SlotDeclaration {
  const d = loadSlotDeclaration(join(ROOT, 'templates/personalization.yaml'));
  if (!d.ok) throw new Error(JSON.stringify(d.diagnostics));
  return d.slot;
}

/** Builds the handout into `dir`; returns its bytes. Needs dist/ (npm run build:ts). */
export function buildBaseHandout(dir: string): Uint8Array {
  const course = join(dir, COURSE);
  cpSync(join(ROOT, 'decks', COURSE), course, { recursive: true });
  const themes = join(course, 'templates', 'themes');
  mkdirSync(themes, { recursive: true });
  const css = readFileSync(join(ROOT, 'templates/themes/handout.css'), 'utf8');
  writeFileSync(join(themes, 'handout.css'), `${css}\n${slotReservationCss(declaredSlot())}\n`);
  // The copy lives outside the repository, so its relative $schema line would point nowhere.
  const yaml = readFileSync(join(course, 'course.yaml'), 'utf8').replace(/^# yaml-language-server:.*\n/m, '');
  writeFileSync(join(course, 'course.yaml'), `${yaml.trimEnd()}\n\npresentation:\n  templates: templates\n`);
  const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin/deckhand.js'), ...args], { stdio: 'pipe', env: { ...process.env, SOURCE_DATE_EPOCH: '1795000000' } });
  // The course's own template folder is under approval: sign the changed course off again.
  cli('approve', course, '--reviewer', 'INVAMED Medical Affairs', '--role', 'Medical Affairs', '--date', '2026-11-16', '--expires', '2027-11-30');
  const out = join(dir, 'out');
  cli('build', course, '--out', out, '--only', 'handout-pdf');
  return new Uint8Array(readFileSync(join(out, COURSE, `${COURSE}.handout.pdf`)));
}
