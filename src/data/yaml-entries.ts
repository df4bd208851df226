import { parse } from 'yaml';

/** An error in a content file, naming the file and the field. */
export class ContentError extends Error {
  constructor(
    /** Path of the content file, relative to the project root. */
    readonly file: string,
    /** The field (or entry) at fault, e.g. "[12].n"; for a place in a chapter, "line:column". */
    readonly field: string,
    message: string,
    /** A place in the file: the message then reads "file:line:column: reason". */
    position?: { line: number; column: number },
  ) {
    super(position ? `${file}:${position.line}:${position.column}: ${message}` : `${file}: ${field}: ${message}`);
    this.name = 'ContentError';
  }
}

/**
 * A field as errors name it, counting list entries from 1 as an editor does: the prefix
 * ("[3]", or an entry's id), then the path, e.g. "grdp.series[1].values[2]".
 */
export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) out += typeof key === 'number' ? `[${key + 1}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

/**
 * Parses YAML text, turning a syntax error into a ContentError that names the file and line.
 * `firstLine` is the line of the file where the text starts (2 for a frontmatter block after
 * its opening "---"), so that the line named is the file's.
 */
export function parseYaml(text: string, file: string, firstLine = 1): unknown {
  try {
    return parse(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const e = error as Error & { linePos?: { line: number; col: number }[] };
    const shift = (line: number) => line + firstLine - 1;
    const where = e.linePos?.[0] ? `line ${shift(e.linePos[0].line)}` : 'YAML';
    const message = e.message.split('\n')[0].replace(/\bat line (\d+)/u, (_, line: string) => `at line ${shift(Number(line))}`);
    throw new ContentError(file, where, `invalid YAML: ${message}`);
  }
}

/**
 * Turns a YAML list of records into entries keyed by one of their fields, for Astro's
 * file() loader. Fails, naming the file and the entry, on a record without the key
 * or on a key that is used twice, so that no entry is dropped or overwritten silently.
 */
export function keyedEntries(text: string, file: string, key: string): Record<string, Record<string, unknown>> {
  const data = parseYaml(text, file);
  if (!Array.isArray(data)) throw new ContentError(file, '(root)', 'must be a YAML list');
  const entries: Record<string, Record<string, unknown>> = {};
  data.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ContentError(file, `[${i + 1}]`, 'must be a mapping');
    }
    const value = (item as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === '') {
      throw new ContentError(file, `[${i + 1}].${key}`, 'required field is missing');
    }
    const id = String(value);
    if (id in entries) throw new ContentError(file, `[${i + 1}].${key}`, `duplicate value ${id}`);
    entries[id] = item as Record<string, unknown>;
  });
  return entries;
}

/** Wraps a single YAML mapping as one entry with the given id. */
export function singleEntry(text: string, file: string, id: string): Record<string, Record<string, unknown>> {
  const data = parseYaml(text, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(file, '(root)', 'must be a YAML mapping');
  }
  return { [id]: data as Record<string, unknown> };
}
