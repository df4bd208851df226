/**
 * npm run import -- SOURCE.txt --out DIR [--names-from CONTENT_DIR] [--split-words N]
 *
 * Drafts a complete content folder from a report's extracted text. Writes everything to a
 * temporary folder beside DIR and renames it to DIR at the end, so that a failure leaves
 * nothing half-written. Errors name the page and line and exit with status 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { draftReport, LayoutError, type ChapterNames } from '../core/draft.ts';
import { contentFiles, summaryLines } from './files.ts';
import { formatContentErrors, validateContent } from '../data/validate.ts';
import { splitFrontmatter } from '../data/reader.ts';

/** The project folder (for public/, which the content check looks in). */
const PROJECT = resolve(import.meta.dirname, '../..');

export class UsageError extends Error {}

interface Args {
  source: string;
  out: string;
  namesFrom?: string;
  splitWords?: number;
}

export function parseArgs(argv: string[]): Args {
  const rest = [...argv];
  let source: string | undefined;
  let out: string | undefined;
  let namesFrom: string | undefined;
  let splitWords: number | undefined;
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--out') out = rest.shift();
    else if (a === '--names-from') namesFrom = rest.shift();
    else if (a === '--split-words') splitWords = Number(rest.shift());
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (!source) source = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (!source || !out) throw new UsageError('usage: npm run import -- SOURCE.txt --out DIR [--names-from CONTENT_DIR]');
  if (splitWords !== undefined && !(splitWords > 0)) throw new UsageError('--split-words takes a positive number');
  return { source, out, namesFrom, splitWords };
}

/** Titles, addresses and file names an editor gave the chapters of an earlier import. */
export function readNames(contentDir: string): ChapterNames[] {
  const dir = join(contentDir, 'chapters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      let data: { heading?: string[]; title?: string; slug?: string } = {};
      try {
        data = splitFrontmatter(readFileSync(join(dir, f), 'utf8'), `${dir}/${f}`).data as typeof data;
      } catch {
        // A chapter without readable frontmatter gives no names: the draft's own are kept.
      }
      return { heading: data.heading ?? [], title: data.title ?? '', slug: data.slug ?? '', file: f.replace(/\.mdx$/u, '') };
    })
    .filter((n) => n.title && n.slug);
}

export function runImport(args: Args, log: (line: string) => void = console.log): number {
  const source = resolve(args.source);
  const out = resolve(args.out);
  if (!existsSync(source)) throw new UsageError(`${args.source}: no such file`);
  if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`${args.out}: already exists and is not empty; choose a new folder`);
  // Re-importing a content folder's own source keeps the editor's chapter names.
  const home = basename(dirname(source)) === 'source' ? dirname(dirname(source)) : undefined;
  const namesFrom = args.namesFrom ?? (home && existsSync(join(home, 'chapters')) ? home : undefined);
  const names = namesFrom ? readNames(namesFrom) : [];
  const text = readFileSync(source, 'utf8');
  const draft = draftReport(text, { names, splitWords: args.splitWords });

  const files = contentFiles(draft, basename(source));
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(join(tmp, 'source'), { recursive: true });
    copyFileSync(source, join(tmp, 'source', basename(source)));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(tmp, path)), { recursive: true });
      writeFileSync(join(tmp, path), content);
    }
    // The draft must pass the build's own content check, or nothing is written.
    const errors = validateContent(PROJECT, tmp);
    if (errors.length > 0) throw new Error(`the draft does not pass the content check:\n${formatContentErrors(errors).replaceAll(tmp, args.out)}`);
    if (existsSync(out)) rmSync(out, { recursive: true });
    mkdirSync(dirname(out), { recursive: true });
    renameSync(tmp, out);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  log(`Đã nhập ${relative(process.cwd(), source) || source} vào ${relative(process.cwd(), out) || out}`);
  for (const l of summaryLines(draft)) log(`  ${l}`);
  log('  Kiểm tra nội dung (như khi build): không có lỗi');
  const kept = draft.chapters.filter((c) => names.some((n) => n.file === c.file)).length;
  if (namesFrom && kept) log(`  Giữ tên và địa chỉ của ${kept} chương từ ${relative(process.cwd(), namesFrom) || namesFrom}/chapters (cùng tiêu đề)`);
  log(`Chỗ phải đoán (${draft.guesses.length}), cần rà soát:`);
  for (const g of draft.guesses) log(`  trang ${g.page}, dòng ${g.line}: ${g.message}`);
  for (const c of draft.corrections) log(`  sửa (${c.chapter}): "${c.source}" → "${c.content}"`);
  return 0;
}

export function main(argv: string[]): number {
  try {
    return runImport(parseArgs(argv));
  } catch (error) {
    if (error instanceof LayoutError) {
      console.error(`${argv.find((a) => !a.startsWith('--')) ?? 'source'}: ${error.message}`);
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
