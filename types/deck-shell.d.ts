/**
 * What templates/deck-shell/shell.js (plain JS, inlined byte for byte into
 * every deck.html) relies on beyond the DOM lib: vendor-prefixed fullscreen,
 * its debugging handle on window, and elements it knows the type of (Marp's
 * slide <svg>s, the presenter panes). Only tsconfig.shell.json sees this.
 */
interface Element {
  readonly viewBox: SVGAnimatedRect;
  readonly isContentEditable: boolean;
}
interface Node {
  setAttribute?(name: string, value: string): void;
  removeAttribute?(name: string): void;
}
interface Document {
  readonly webkitFullscreenElement?: Element | null;
  webkitExitFullscreen?(): void;
}
interface HTMLElement {
  webkitRequestFullscreen?(): void;
}
interface Window {
  deckhand?: unknown;
}
