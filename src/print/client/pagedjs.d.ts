/** The part of Paged.js (pagedjs on npm, which ships no types) that the preview uses. */
declare module 'pagedjs' {
  export class Previewer {
    constructor(options?: Record<string, unknown>);
    preview(content?: DocumentFragment | Element, stylesheets?: (string | Record<string, string>)[], renderTo?: Element): Promise<{ total: number; performance: number }>;
  }
  /** Puts the stylesheets in the page; src/print/client/adopted-styles.ts replaces two of its methods. */
  export class Polisher {
    setup(): CSSStyleSheet;
    insert(text: string): unknown;
  }
}
