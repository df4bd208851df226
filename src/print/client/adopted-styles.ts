/**
 * Paged.js under the site's Content-Security-Policy. Paged.js puts its styles in <style>
 * elements that it adds to the page (its base rules, the processed stylesheets, and one
 * empty sheet that its handlers fill with insertRule()). A hash-only style-src blocks
 * such elements: their text is not known when the page is built.
 *
 * Stylesheets made through the CSSOM are not governed by CSP, so Paged.js's Polisher is
 * given constructable stylesheets, adopted by the document, in place of those elements.
 * The cascade is the same: they come after the page's own (removed) stylesheets.
 */
import { Polisher } from 'pagedjs';

interface Handle {
  sheet: CSSStyleSheet;
  remove: () => void;
}

interface PolisherLike {
  inserted: Handle[];
  styleEl: Handle;
  styleSheet: CSSStyleSheet;
}

function adopt(text: string): Handle {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return { sheet, remove: () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)) };
}

let patched = false;

/** Makes Paged.js's Polisher use adopted stylesheets; call before a Previewer is made. */
export function adoptPagedStyles(): void {
  if (patched) return;
  patched = true;
  const proto = Polisher.prototype as unknown as PolisherLike & { setup: () => CSSStyleSheet; insert: (text: string) => Handle };
  const setup = proto.setup;
  proto.insert = function (this: PolisherLike, text: string): Handle {
    const handle = adopt(text);
    this.inserted.push(handle);
    return handle;
  };
  proto.setup = function (this: PolisherLike): CSSStyleSheet {
    // Paged.js's own setup inserts its base rules (through insert() above), then appends an
    // empty <style> for its handlers' rules: that element is kept out of the page, and an
    // adopted sheet takes its place.
    const head = document.head;
    const append = head.appendChild;
    head.appendChild = (<T extends Node>(node: T): T => node) as typeof head.appendChild;
    try {
      setup.call(this);
    } finally {
      head.appendChild = append;
    }
    this.styleEl = adopt('');
    this.styleSheet = this.styleEl.sheet;
    return this.styleSheet;
  };
}
