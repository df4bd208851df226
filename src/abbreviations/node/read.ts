/**
 * What the abbreviation marks need from the content folder, read once per build on the
 * Node side (for the Markdown pipeline, ../hast.ts): the abbreviations, the footnotes'
 * texts and the report's text blocks. Files and fields as src/data/paths.ts names them;
 * a bad file fails naming it (the content was validated before the build, src/data/validate.ts).
 */
import { readFileSync } from 'node:fs';
import { absolute, contentFiles } from '../../data/paths';
import { keyedEntries, singleEntry } from '../../data/yaml-entries';
import { abbreviationSchema, type Abbreviation } from '../../schemas/abbreviation';
import { footnoteSchema } from '../../schemas/footnote';
import { reportSchema, type Report } from '../../schemas/report';

export interface AbbreviationInputs {
  abbreviations: Abbreviation[];
  /** Each footnote's text, by its number. */
  footnotes: Map<number, string>;
  report: Pick<Report, 'recipients' | 'signature'>;
}

function parsed<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

export function readAbbreviationInputs(root: string): AbbreviationInputs {
  const paths = contentFiles();
  const read = (file: string) => readFileSync(absolute(root, file), 'utf8');
  const abbreviations = parsed(paths.abbreviations, () => Object.values(keyedEntries(read(paths.abbreviations), paths.abbreviations, 'id')).map((e) => abbreviationSchema.parse(e)));
  const footnotes = parsed(paths.footnotes, () => new Map(Object.values(keyedEntries(read(paths.footnotes), paths.footnotes, 'n')).map((e) => footnoteSchema.parse(e)).map((f) => [f.n, f.text] as const)));
  const report = parsed(paths.report, () => reportSchema.parse(singleEntry(read(paths.report), paths.report, 'report').report));
  return { abbreviations, footnotes, report };
}
