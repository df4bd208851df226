/**
 * The years of a report, read from its parts' titles in report.yaml: Part One reports on
 * the year of results, Part Two plans the next ("… năm 2023", "… năm 2024").
 */
export interface ReportYears {
  /** The year Part One reports results for. */
  result: number;
  /** The year Part Two plans for. */
  plan: number;
}

const lastYear = (text: string): number | undefined => {
  const all = [...text.matchAll(/\b(1[89]\d\d|2\d\d\d)\b/gu)];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
};

/** The years the two parts' titles name; an error names report.yaml's field when a title has none. */
export function reportYears(report: { parts: { title: string }[] }): ReportYears {
  const [one, two] = report.parts;
  const result = one && lastYear(one.title);
  const plan = two && lastYear(two.title);
  if (result === undefined) throw new Error('report.yaml: parts.1.title: names no year ("… năm 2023"), so the year of results is unknown');
  if (plan === undefined) throw new Error('report.yaml: parts.2.title: names no year ("… năm 2024"), so the year planned for is unknown');
  return { result, plan };
}

/** The URL segment of the targets page: "chi-tieu-" and the year planned for. */
export function targetsSlug(report: { parts: { title: string }[] }): string {
  return `chi-tieu-${reportYears(report).plan}`;
}
