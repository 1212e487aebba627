/**
 * PDFs of sources (`references[].file`). Like images they must be files inside
 * the course folder (no URLs, absolute paths, `..` or links leading out); they
 * are never rendered, only hashed: the fingerprint covers them and the
 * manifest lists them with their sha256, so a reviewer can match the copy they
 * read against the one approved.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { printable } from './issue-messages.js';
import type { Course } from './schema.js';

export const MAX_SOURCE_FILE_BYTES = 20 * 1024 * 1024;

export interface SourceFile {
  /** The reference id. */
  id: string;
  /** Path as written, relative to the course folder. */
  file: string;
  sha256: string;
  bytes: number;
}

export function resolveReferenceFiles(course: Course, courseDir: string): { files: SourceFile[]; problems: { path: (string | number)[]; message: string }[] } {
  const files: SourceFile[] = [];
  const problems: { path: (string | number)[]; message: string }[] = [];
  const root = realpathSync(courseDir);
  (course.references ?? []).forEach((ref, i) => {
    if (ref.file === undefined) return;
    const path = ['references', i, 'file'];
    const problem = checkFile(ref.file, courseDir, root);
    if (problem) {
      problems.push({ path, message: problem });
      return;
    }
    const bytes = readFileSync(join(courseDir, ref.file));
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      problems.push({ path, message: `"${printable(ref.file, 60)}" does not start like a PDF file (%PDF-)` });
      return;
    }
    files.push({ id: ref.id, file: ref.file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  });
  return { files, problems };
}

function checkFile(src: string, courseDir: string, root: string): string | undefined {
  const shown = printable(src, 60);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return `"${shown}" is a URL; a source file must be a PDF inside the course folder (put the address in url:)`;
  if (isAbsolute(src) || /^[a-zA-Z]:[\\/]/.test(src)) return `"${shown}" is an absolute path; give a path relative to the course folder, e.g. sources/article.pdf`;
  if (src.split(/[\\/]/).includes('..')) return `"${shown}" leaves the course folder ("..")`;
  if (extname(src).toLowerCase() !== '.pdf') return `"${shown}" is not a PDF file`;
  const full = join(courseDir, src);
  if (!existsSync(full)) return `"${shown}" does not exist in the course folder`;
  const real = realpathSync(full);
  if (real !== root && !real.startsWith(root + sep)) return `"${shown}" is a link to ${relative(root, real)}, outside the course folder`;
  const stat = lstatSync(real);
  if (!stat.isFile()) return `"${shown}" is not a file`;
  if (stat.size > MAX_SOURCE_FILE_BYTES) return `"${shown}" is ${stat.size} bytes; a source file may be at most ${MAX_SOURCE_FILE_BYTES} bytes`;
  return undefined;
}
