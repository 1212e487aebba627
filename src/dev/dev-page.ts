/**
 * Turns a built page into its dev-server form: the reload client is added as
 * one external script, and the page's own Content-Security-Policy gains exactly
 * two sources, that script's URL and the event stream's URL, both on the dev
 * server's origin. Everything else in the policy stays as built, and built
 * files never see any of this.
 */
import { escapeHtml } from '../render/escape.js';

export const CLIENT_PATH = '/__deckhand/client.js';
export const EVENTS_PATH = '/__deckhand/events';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The page's policy with the dev client and event stream allowed. */
export function devPolicy(policy: string, origin: string): string {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const add = (name: string, source: string) => {
    const sources = (directives.get(name) ?? []).filter((s) => s !== "'none'");
    directives.set(name, [...sources, source]);
  };
  add('script-src', `${origin}${CLIENT_PATH}`);
  add('connect-src', `${origin}${EVENTS_PATH}`);
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** A page has no policy of its own only if a template dropped it; the dev page then gets a strict one. */
const FALLBACK_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export function devPage(html: string, options: { origin: string; version: number; part?: string }): string {
  const policy = devPolicy(CSP_META.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'") ?? FALLBACK_POLICY, options.origin);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
  const withPolicy = CSP_META.test(html) ? html.replace(CSP_META, () => meta) : html.replace(/<head>/i, (head) => `${head}\n${meta}`);
  const part = options.part ? ` data-part="${escapeHtml(options.part)}"` : '';
  const script = `<script src="${CLIENT_PATH}" data-version="${options.version}"${part} defer></script>`;
  return /<\/body>/i.test(withPolicy) ? withPolicy.replace(/<\/body>(?![\s\S]*<\/body>)/i, () => `${script}\n</body>`) : `${withPolicy}\n${script}`;
}
