/** The `deckhand dev` command contract: prints its URL, serves the deck, and Ctrl-C (SIGINT) stops it with exit 0. */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAll } from '../support/api.js';
import { CLI, sampleWorkspace } from '../support/fixtures.js';

const temps: string[] = [];
afterAll(() => removeAll(temps));

describe('deckhand dev', () => {
  it('prints the URL, serves deck, presenter and handout, and stops cleanly on SIGINT', async () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    const child = spawn(process.execPath, [CLI, 'dev', 'decks/interventional-pain-management'], { cwd: ws.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /deckhand dev: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      setTimeout(() => reject(new Error(`no URL within 30 s: ${stderr}`)), 30_000);
    });
    const deck = await fetch(`${url}deck`);
    expect(deck.status).toBe(200);
    expect(await deck.text()).toContain('Interventional Pain Management');
    expect((await fetch(`${url}handout`)).status).toBe(200);
    expect(stderr).toMatch(/compiled deck and handout in \d+ ms/);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr).toContain('Ctrl-C: stopping the preview');
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);
});
