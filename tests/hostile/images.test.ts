/**
 * Images are checked by content, not by extension: every file below used to
 * pass `check` and print a broken-image glyph in the handout. Each must be
 * refused at technologies[0].image.src with a message that names the problem
 * and quotes none of the file's bytes. A course's images together have a
 * budget, refused by `check` before anything is read or rendered.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_COURSE_IMAGE_BYTES } from '../../src/content/assets.js';
import { loadCourse } from '../../src/content/load-course.js';
import { runJson, sampleWorkspace } from '../support/fixtures.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function ihdr(width: number, height: number, bitDepth = 8, colour = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = bitDepth;
  data[9] = colour;
  return chunk('IHDR', data);
}
/** A PNG with correct CRCs whose IDAT holds `raw` (filter bytes included). */
const pngOf = (width: number, height: number, raw: Buffer, bitDepth = 8) =>
  Buffer.concat([SIGNATURE, ihdr(width, height, bitDepth), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);

function realPng(width: number, height: number, noise = false): Buffer {
  const png = new PNG({ width, height });
  if (noise) randomBytes(width * height * 4).copy(png.data);
  else png.data.fill(200);
  return PNG.sync.write(png);
}
const GOOD_PNG = realPng(40, 30);
const GOOD_JPEG = Buffer.from(jpeg.encode({ data: Buffer.alloc(40 * 30 * 4, 120), width: 40, height: 30 }, 80).data);

function withImage(file: string, bytes: Buffer) {
  const ws = sampleWorkspace({
    edit: (y) => {
      const doc = parseDocument(y);
      doc.setIn(['technologies', 0, 'image'], { src: `assets/${file}`, alt: 'Device' });
      return doc.toString({ lineWidth: 0 });
    },
  });
  made.push(ws.root);
  mkdirSync(join(ws.dir, 'assets'), { recursive: true });
  writeFileSync(join(ws.dir, 'assets', file), bytes);
  return loadCourse(ws.dir, ws.root);
}

describe('images are checked by their content', () => {
  const badCrc = Buffer.from(GOOD_PNG);
  badCrc.writeUInt8((badCrc.readUInt8(badCrc.length - 20) ^ 0xff) & 0xff, badCrc.length - 20); // inside the IDAT data: its CRC no longer matches
  const bomb = pngOf(24_000, 24_000, Buffer.alloc(24_000 * (1 + 3_000)), 1); // 1-bit, 72 MB raw, ~70 KB on disk
  const cases: [string, string, Buffer, RegExp][] = [
    ['a text file named .png', 'x.png', Buffer.from('SECRET=hunter2\nnot an image\n'), /is not a PNG file/],
    ['an SVG named .png', 'x.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><text>SECRET</text></svg>'), /SVG file/],
    ['random bytes after the PNG signature', 'x.png', Buffer.concat([SIGNATURE, randomBytes(4_000)]), /not a readable PNG|damaged PNG/],
    ['a truncated PNG', 'x.png', realPng(200, 200, true).subarray(0, 20_000), /damaged PNG/],
    ['a bad CRC', 'x.png', badCrc, /damaged PNG/],
    ['a 2³¹ × 2³¹ IHDR', 'x.png', Buffer.concat([SIGNATURE, ihdr(2 ** 31, 2 ** 31), chunk('IEND', Buffer.alloc(0))]), /2147483648 × 2147483648 pixels; images may be at most/],
    ['a 24000² decompression bomb', 'x.png', bomb, /24000 × 24000 pixels; images may be at most/],
    ['a JPEG named .png', 'x.png', GOOD_JPEG, /is a JPEG file named as PNG/],
    ['a text file named .jpg', 'x.jpg', Buffer.from('SECRET=hunter2'), /is not a JPEG file/],
    ['a truncated JPEG', 'x.jpg', GOOD_JPEG.subarray(0, GOOD_JPEG.length - 40), /damaged JPEG|truncated/],
  ];
  it.each(cases)('refuses %s', (_name, file, bytes, message) => {
    const started = performance.now();
    const result = withImage(file, bytes);
    expect(performance.now() - started, 'ms').toBeLessThan(2_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => x.path === 'technologies[0].image.src');
    expect(d?.message, JSON.stringify(result.diagnostics)).toMatch(message);
    expect(d?.message).not.toMatch(/SECRET|hunter2|onload/);
  });

  it.each([
    ['a real PNG', 'ok.png', GOOD_PNG],
    ['a real JPEG', 'ok.jpg', GOOD_JPEG],
  ] as [string, string, Buffer][])('accepts %s', (_name, file, bytes) => {
    const result = withImage(file, bytes);
    expect(result.ok, JSON.stringify(!result.ok && result.diagnostics)).toBe(true);
  });
});

describe('the image budget of a course', () => {
  it('refuses 60 images of almost 2 MB in `check`, naming the budget, in under 2 s', () => {
    const image = realPng(800, 620, true); // random pixels: about 1.98 MB
    expect(image.length).toBeGreaterThan(1_900_000);
    expect(image.length).toBeLessThan(2 * 1024 * 1024);
    const ws = sampleWorkspace({
      edit: (y) => {
        const doc = parseDocument(y);
        const base = doc.getIn(['technologies', 0]) as { toJSON(): Record<string, unknown> };
        const list = Array.from({ length: 60 }, (_, i) => ({ ...base.toJSON(), id: `device-${i + 1}`, name: `Device ${i + 1}`, image: { src: `assets/d${i + 1}.png`, alt: `Device ${i + 1}` } }));
        doc.setIn(['technologies'], doc.createNode(list));
        return doc.toString({ lineWidth: 0 });
      },
    });
    made.push(ws.root);
    mkdirSync(join(ws.dir, 'assets'), { recursive: true });
    writeFileSync(join(ws.dir, 'assets', 'd1.png'), image);
    for (let i = 2; i <= 60; i++) cpSync(join(ws.dir, 'assets', 'd1.png'), join(ws.dir, 'assets', `d${i}.png`));

    const started = Date.now();
    const result = runJson<{ ok: boolean; errors: { path: string; message: string }[] }>(['check', 'decks/interventional-pain-management'], { cwd: ws.root });
    const seconds = (Date.now() - started) / 1000;
    expect(result.status, result.stderr).toBe(1);
    expect(seconds).toBeLessThan(2);
    const budget = result.json.errors.find((e) => /budget/.test(e.message));
    expect(budget?.message, result.stderr).toMatch(new RegExp(`at most ${(MAX_COURSE_IMAGE_BYTES / 1024 / 1024).toFixed(1)} MB`));
    expect(budget?.path).toMatch(/^technologies\[\d+\]\.image\.src$/);
  });
});
