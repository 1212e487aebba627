// @ts-check
/* deckhand dev client: runs only in pages served by `deckhand dev`, never in built files.
 * It listens on the server's event stream (same origin, allowed by the page's dev CSP) and
 * - reloads the page when a new good render is ready ("reload");
 * - shows <deckhand-error-overlay> over the last good render when the course has problems ("problems");
 * - hides the overlay when the problems are gone ("ok").
 * Checked by templates/dev-client/tsconfig.json (DOM types, no emit). Text from the server is set
 * with textContent only: diagnostics quote course content, and content is data. */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const pageVersion = Number(script?.dataset.version ?? '0');
  /** Which page this is ("deck", "handout"): it reloads only when its own render changed. */
  const part = script?.dataset.part;

  /** @typedef {{ file: string; line: number; column: number; path: string; message: string }} Diagnostic */

  const STYLE = `
    :host { position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: flex-start; justify-content: center;
      background: rgba(10, 12, 16, 0.66); font: 14px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; overflow: auto; }
    .box { margin: 48px 24px; max-width: 960px; width: 100%; background: #181b21; color: #e8e8e8; border-top: 6px solid #e5484d;
      border-radius: 6px; padding: 20px 24px; box-shadow: 0 12px 40px rgba(0,0,0,.5); }
    h2 { margin: 0 0 12px; font-size: 16px; color: #ff8589; }
    li { margin: 0 0 12px; white-space: pre-wrap; word-break: break-word; }
    .where { color: #7cc4ff; }
    .field { color: #c9a0ff; }
    p { margin: 12px 0 0; color: #a0a4ab; font-size: 12px; }
  `;

  class ErrorOverlay extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      // A constructed sheet, not a <style> element: works under any style-src.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
      const box = document.createElement('div');
      box.className = 'box';
      box.setAttribute('role', 'alert');
      root.append(box);
      this.box = box;
    }

    /** @param {{ title: string; hint: string; diagnostics: Diagnostic[] }} data */
    show(data) {
      const heading = document.createElement('h2');
      heading.textContent = data.title;
      const list = document.createElement('ol');
      for (const d of data.diagnostics) {
        const item = document.createElement('li');
        const where = document.createElement('span');
        where.className = 'where';
        where.textContent = `${d.file}:${d.line}:${d.column}`;
        item.append(where);
        if (d.path) {
          const field = document.createElement('span');
          field.className = 'field';
          field.textContent = `  ${d.path}`;
          item.append(field);
        }
        item.append(document.createTextNode(`\n${d.message}`));
        list.append(item);
      }
      const hint = document.createElement('p');
      hint.textContent = data.hint;
      this.box.replaceChildren(heading, list, hint);
    }
  }
  if (!customElements.get('deckhand-error-overlay')) customElements.define('deckhand-error-overlay', ErrorOverlay);

  /** @returns {ErrorOverlay | null} */
  const current = () => /** @type {ErrorOverlay | null} */ (document.querySelector('deckhand-error-overlay'));

  const events = new EventSource('/__deckhand/events');
  events.addEventListener('reload', (event) => {
    /** @type {{ version: number; versions?: Record<string, number> }} */
    const data = JSON.parse(/** @type {MessageEvent<string>} */ (event).data);
    const version = part && data.versions && part in data.versions ? data.versions[part] : data.version;
    if (version !== pageVersion) location.reload();
    else current()?.remove();
  });
  events.addEventListener('problems', (event) => {
    const data = JSON.parse(/** @type {MessageEvent<string>} */ (event).data);
    let overlay = current();
    if (!overlay) {
      overlay = /** @type {ErrorOverlay} */ (document.createElement('deckhand-error-overlay'));
      document.documentElement.append(overlay);
    }
    overlay.show(data);
  });
})();
