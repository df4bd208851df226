/**
 * The build's check of the data files (content/figures/*.yaml, content/indicators.yaml)
 * and of the data components in the chapters. Called by validateContent(); every
 * problem names the file and the field (or the component and its line), for example
 *   content/figures/figures.yaml: grdp-2023.quote: "…" does not stand word for word in paragraph p1-i-1-d1 of 02-i-1-linh-vuc-kinh-te
 *   content/chapters/02-i-1-linh-vuc-kinh-te.mdx: <DataChart id="khong-co" /> (line 5 of the body): there is no chart "khong-co" in content/figures/charts.yaml
 */
import type { z } from 'astro/zod';
import { chapterSchema } from '../../schemas/chapter';
import { chartSchema, figureSchema, type ChartSpec, type Figure } from '../../schemas/figure';
import { footnoteSchema } from '../../schemas/footnote';
import { INDICATOR_GROUPS, indicatorSchema, type Indicator } from '../../schemas/indicator';
import { sourceIndex, type ChapterSource } from '../figures';
import type { ContentReader } from '../../data/reader';
import { checkProvenance, checkReferences, type FieldProblem } from '../check';
import { mdxBlocks } from '../../core/mdx-text';
import { ContentError, fieldPath } from '../../data/yaml-entries';


/** The props each data component takes, and whether each is required. */
const COMPONENT_PROPS: Record<string, Record<string, { required: boolean }>> = {
  DataChart: { id: { required: true } },
  IndicatorTable: { group: { required: false } },
};

/** Reads the entries of a data file and validates each against its schema. */
function readEntries<T>(reader: ContentReader, key: 'figures' | 'charts' | 'indicators', schema: z.ZodType<T>, errors: ContentError[]): T[] {
  if (!reader.has(key)) return [];
  const file = reader.files[key];
  let entries: Record<string, Record<string, unknown>>;
  try {
    entries = reader.entries(key);
  } catch (e) {
    if (e instanceof ContentError) {
      errors.push(e);
      return [];
    }
    throw e;
  }
  const valid: T[] = [];
  Object.values(entries).forEach((entry, i) => {
    const result = schema.safeParse(entry);
    if (result.success) valid.push(result.data);
    else {
      for (const issue of result.error.issues) {
        errors.push(new ContentError(file, fieldPath(String(entry.id ?? `[${i + 1}]`), issue.path), issue.message));
      }
    }
  });
  return valid;
}

/**
 * The chapters and footnotes that parse. Those that do not are validateContent()'s to
 * report; they are listed as unreadable, so that no figure is blamed for their errors.
 */
function readSources(reader: ContentReader) {
  const chapters: (ChapterSource & { file: string })[] = [];
  const unreadableChapters = new Set<string>();
  let files: string[] = [];
  try {
    files = reader.chapterFiles();
  } catch {
    // No chapters folder: reported by the chapter checks.
  }
  for (const file of files) {
    const id = file.replace(/^.*\//u, '').replace(/\.mdx$/u, '');
    try {
      const { data, body } = reader.chapter(file);
      const parsed = chapterSchema.safeParse(data);
      if (parsed.success) chapters.push({ id, file, data: parsed.data, body });
      else unreadableChapters.add(id);
    } catch {
      unreadableChapters.add(id);
    }
  }
  let footnotes: { n: number; text: string }[] = [];
  let footnotesRead = true;
  let footnotesValid = true;
  try {
    footnotes = Object.values(reader.entries('footnotes')).flatMap((e) => {
      const f = footnoteSchema.safeParse(e);
      if (!f.success) footnotesValid = false;
      return f.success ? [f.data] : [];
    });
  } catch {
    footnotesRead = false;
  }
  const footnoteKnown = new Set(footnotes.map((f) => f.n));
  /** Whether a figure's source could not be read, for a reason reported elsewhere. */
  const unreadable = (f: Figure) => {
    const s = f.source;
    if (!('footnote' in s)) return unreadableChapters.has(s.chapter);
    return !footnotesRead || (!footnoteKnown.has(s.footnote) && !footnotesValid);
  };
  return { chapters, footnotes, unreadable, complete: unreadableChapters.size === 0 };
}

const toErrors = (file: string, problems: FieldProblem[]) => problems.map((p) => new ContentError(file, `${p.id}.${p.field}`, p.message));

/** Every problem of the data files and of the chapters' data components. */
export function validateFigureData(reader: ContentReader): ContentError[] {
  const paths = reader.files;
  const FIGURE_FILES = { figures: paths.figures, charts: paths.charts, indicators: paths.indicators };
  const errors: ContentError[] = [];
  const figures: Figure[] = readEntries(reader, 'figures', figureSchema, errors);
  const charts: ChartSpec[] = readEntries(reader, 'charts', chartSchema, errors);
  const indicators: Indicator[] = readEntries(reader, 'indicators', indicatorSchema, errors);
  const { chapters, footnotes, unreadable, complete } = readSources(reader);

  // Provenance: each quote where its source says, each value as its words say.
  let index: ReturnType<typeof sourceIndex> | null = null;
  try {
    index = sourceIndex(chapters, footnotes);
  } catch {
    // A chapter whose ids cannot be assigned: reported by the chapter checks.
  }
  if (index) for (const f of figures.filter((f) => !unreadable(f))) errors.push(...toErrors(FIGURE_FILES.figures, checkProvenance(f, index)));

  const refs = checkReferences(figures, charts, indicators);
  errors.push(...toErrors(FIGURE_FILES.figures, refs.figures), ...toErrors(FIGURE_FILES.charts, refs.charts), ...toErrors(FIGURE_FILES.indicators, refs.indicators));

  // The chapters may only name charts that exist, each chart in one place.
  const chartIds = new Set(charts.map((c) => c.id));
  const placed = new Map<string, string>();
  for (const chapter of chapters) {
    for (const block of mdxBlocks(chapter.body)) {
      if (block.kind !== 'component' || !(block.name in COMPONENT_PROPS)) continue;
      const props = block.props ?? {};
      const tag = `<${block.name}${Object.entries(props)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('')} /> (line ${block.line} of the body)`;
      const allowed = COMPONENT_PROPS[block.name];
      for (const key of Object.keys(props)) {
        if (!(key in allowed)) errors.push(new ContentError(chapter.file, tag, `unknown prop "${key}": ${block.name} takes ${Object.keys(allowed).join(', ')}`));
      }
      for (const [key, rule] of Object.entries(allowed)) {
        if (rule.required && !(key in props)) errors.push(new ContentError(chapter.file, tag, `missing prop "${key}"`));
      }
      if (block.name === 'DataChart' && props.id !== undefined) {
        if (!chartIds.has(props.id)) errors.push(new ContentError(chapter.file, tag, `there is no chart "${props.id}" in ${FIGURE_FILES.charts}`));
        else if (placed.has(props.id)) errors.push(new ContentError(chapter.file, tag, `chart "${props.id}" is already placed in ${placed.get(props.id)}`));
        else placed.set(props.id, chapter.file);
      }
      if (block.name === 'IndicatorTable' && !reader.has('indicators')) {
        errors.push(new ContentError(chapter.file, tag, `there is no ${FIGURE_FILES.indicators}: add the file, or remove the table`));
      }
      if (block.name === 'IndicatorTable' && props.group !== undefined && !(INDICATOR_GROUPS as readonly string[]).includes(props.group)) {
        errors.push(new ContentError(chapter.file, tag, `there is no indicator group "${props.group}": use ${INDICATOR_GROUPS.join(', ')}`));
      }
    }
  }
  if (complete) {
    for (const chart of charts) {
      if (!placed.has(chart.id)) {
        errors.push(new ContentError(FIGURE_FILES.charts, `${chart.id}`, `is placed in no chapter: add <DataChart id="${chart.id}" /> after the paragraph that states its numbers`));
      }
    }
  }
  return errors;
}
