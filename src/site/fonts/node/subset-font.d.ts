/** The part of subset-font (which ships no types) that src/site/fonts/node/subset.ts uses. */
declare module 'subset-font' {
  interface SubsetOptions {
    /** The output format; the site ships woff2 only. */
    targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt';
    /** OpenType layout features to keep (four-letter tags); all when left out. */
    keepFeatures?: readonly string[];
    /** Drop the hinting instructions. */
    noHinting?: boolean;
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
