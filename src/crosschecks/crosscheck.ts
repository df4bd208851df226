/**
 * The report's own arithmetic (content/crosschecks.yaml), evaluated from its figures
 * (content/figures/figures.yaml): each relation's numbers, converted into one unit, the
 * result, and whether it holds within the tolerance for rounding. A relation that names
 * an unknown figure, or a figure in a unit that cannot be converted, is an error that
 * names the relation: the build fails rather than show a wrong check.
 * Pure functions: the figures come in as arguments.
 */
import { t } from '../i18n/vi';
import type { CompareCheck, Comparison, Crosscheck, RatioCheck, SumCheck, Term } from '../schemas/crosscheck';
import type { Figure } from '../schemas/figure';
import { SCALES } from '../figures/parse';
import { formatNumber, formatQuantity } from '../core/format';

/** A unit split into its scale word and the rest: "triệu USD" is 10⁶ "USD"; "%" is 10⁰ "%". */
export function splitUnit(unit: string): { exp: number; base: string } {
  const m = /^(nghìn|triệu|tỷ) (.+)$/u.exec(unit.trim());
  return m ? { exp: SCALES[m[1]], base: m[2] } : { exp: 0, base: unit.trim() };
}

/** n × 10^exp without binary rounding. */
function shift(n: number, exp: number): number {
  return exp === 0 ? n : Number(`${n}e${exp}`);
}

/** Decimals of a number as written: 8.16 has 2, 1136 has 0. */
function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 10;
  return s.includes('.') ? s.split('.')[1].length : 0;
}

/** A number rounded to `d` decimals, without binary noise (61,8 + 29,4 + 8,8 is 100, not 99.99999999999999). */
export function round(n: number, d: number): number {
  return Number(`${Math.round(Number(`${n}e${d}`))}e-${d}`);
}

/** One number of a relation, resolved. */
export interface TermValue {
  /** The figure it comes from; absent for a constant. */
  figure?: Figure;
  /** Which number of the figure: its value, or the whole of its ratio. */
  field?: 'value' | 'outOf';
  /** The constant's label, for a constant. */
  label?: string;
  /** The number as the figure states it, in the figure's unit. */
  stated: number;
  /** The figure's unit ("" for a constant, which is in the relation's unit). */
  statedUnit: string;
  /** The number in the relation's unit. */
  value: number;
}

/** What a relation gives when evaluated. */
export interface Evaluation {
  check: Crosscheck;
  /** Whether it holds within the tolerance. */
  holds: boolean;
  /** For a sum: the parts, their sum, the total and sum − total. */
  sum?: { parts: TermValue[]; total: TermValue; value: number; difference: number };
  /** For a comparison: its two sides and left − right. */
  compare?: { left: TermValue; right: TermValue; op: Comparison; difference: number };
  /** For a ratio: its numbers, the percentage they give, and computed − stated. */
  ratio?: { numerator: TermValue; denominator: TermValue; stated: TermValue; value: number; difference: number };
  /**
   * How the result reads for a sum that does not add up: "less" (the parts come to less
   * than the total) or "more"; undefined when it holds or for other kinds.
   */
  gap?: 'less' | 'more';
}

/** Thrown when a relation cannot be evaluated; the message names the relation and the field. */
export class CrosscheckError extends Error {}

/** Resolves a term into `unit` (whose base may be any of `units`); throws naming the relation and the field. */
export function resolveTerm(term: Term, figures: ReadonlyMap<string, Figure>, unit: string, units: readonly string[], where: string): TermValue {
  if (typeof term === 'object' && 'constant' in term) return { label: term.label, stated: term.constant, statedUnit: '', value: term.constant };
  const id = typeof term === 'string' ? term : term.figure;
  const figure = figures.get(id);
  if (!figure) throw new CrosscheckError(`${where}: there is no figure "${id}" in content/figures/figures.yaml`);
  const field = typeof term === 'string' ? 'value' : 'outOf';
  const stated = field === 'value' ? figure.value : figure.outOf;
  if (stated === undefined) throw new CrosscheckError(`${where}: figure "${id}" has no outOf`);
  const target = splitUnit(unit);
  const own = splitUnit(figure.unit);
  if (!units.includes(own.base)) {
    throw new CrosscheckError(`${where}: figure "${id}" is in "${figure.unit}", which is not "${unit}" (allowed: ${units.map((u) => `"${u}"`).join(', ')})`);
  }
  return { figure, field, stated, statedUnit: figure.unit, value: shift(stated, own.exp - target.exp) };
}

/** The tolerance actually applied: the relation's, plus a hair for binary fractions. */
function within(difference: number, tolerance: number, scale: number): boolean {
  return Math.abs(difference) <= tolerance + 1e-9 * Math.max(1, Math.abs(scale));
}

function evaluateSum(check: SumCheck, figures: ReadonlyMap<string, Figure>): Evaluation {
  const units = check.units ?? [splitUnit(check.unit).base];
  const parts = check.parts.map((p, i) => resolveTerm(p, figures, check.unit, units, `${check.id}.parts[${i + 1}]`));
  const total = resolveTerm(check.total, figures, check.unit, units, `${check.id}.total`);
  const d = Math.max(...[...parts, total].map((t) => decimals(t.value)));
  const value = round(parts.reduce((s, p) => s + p.value, 0), d);
  const difference = round(value - total.value, d);
  const holds = within(difference, check.tolerance, total.value);
  return { check, holds, sum: { parts, total, value, difference }, ...(holds ? {} : { gap: difference < 0 ? 'less' : 'more' }) };
}

function evaluateCompare(check: CompareCheck, figures: ReadonlyMap<string, Figure>): Evaluation {
  const units = check.units ?? [splitUnit(check.unit).base];
  const left = resolveTerm(check.left, figures, check.unit, units, `${check.id}.left`);
  const right = resolveTerm(check.right, figures, check.unit, units, `${check.id}.right`);
  const difference = round(left.value - right.value, Math.max(decimals(left.value), decimals(right.value)));
  const holds =
    check.op === 'eq'
      ? within(difference, check.tolerance, right.value)
      : check.op === 'ge'
        ? difference >= 0 || within(difference, check.tolerance, right.value)
        : difference > 0;
  return { check, holds, compare: { left, right, op: check.op, difference } };
}

function evaluateRatio(check: RatioCheck, figures: ReadonlyMap<string, Figure>): Evaluation {
  const ofUnits = [splitUnit(check.ratioOf).base];
  const numerator = resolveTerm(check.numerator, figures, check.ratioOf, ofUnits, `${check.id}.numerator`);
  const denominator = resolveTerm(check.denominator, figures, check.ratioOf, ofUnits, `${check.id}.denominator`);
  if (denominator.value === 0) throw new CrosscheckError(`${check.id}.denominator: is 0`);
  const stated = resolveTerm(check.stated, figures, '%', ['%'], `${check.id}.stated`);
  const d = decimals(stated.value) + 2;
  const value = round((numerator.value / denominator.value) * 100, d);
  const difference = round(value - stated.value, d);
  return { check, holds: within(difference, check.tolerance, stated.value), ratio: { numerator, denominator, stated, value, difference } };
}

/** Evaluates one relation; throws a CrosscheckError naming it when it cannot. */
export function evaluate(check: Crosscheck, figures: ReadonlyMap<string, Figure>): Evaluation {
  if (check.kind === 'sum') return evaluateSum(check, figures);
  if (check.kind === 'compare') return evaluateCompare(check, figures);
  return evaluateRatio(check, figures);
}

/** Evaluates every relation, in order; ids must be unique. */
export function evaluateAll(checks: readonly Crosscheck[], figures: readonly Figure[]): Evaluation[] {
  const seen = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.id)) throw new CrosscheckError(`${c.id}: the id is used twice in content/crosschecks.yaml`);
    seen.add(c.id);
  }
  const byId = new Map(figures.map((f) => [f.id, f]));
  return checks.map((c) => evaluate(c, byId));
}

/**
 * The relations in the order a reader meets their numbers: by the earliest place of any
 * of their figures (`position`, e.g. from readingOrder() of src/abbreviations/abbr.ts), then by the
 * latest, then by id.
 */
export function inReadingOrder(evaluations: readonly Evaluation[], position: (figure: Figure) => number): Evaluation[] {
  const span = (e: Evaluation) => {
    const at = figuresOf(e).map(position);
    return [Math.min(...at), Math.max(...at)];
  };
  return [...evaluations].sort((a, b) => {
    const [a0, a1] = span(a);
    const [b0, b1] = span(b);
    return a0 - b0 || a1 - b1 || a.check.id.localeCompare(b.check.id);
  });
}

/** Every figure a relation uses, in order, without repeats. */
export function figuresOf(evaluation: Evaluation): Figure[] {
  const terms = [
    ...(evaluation.sum ? [...evaluation.sum.parts, evaluation.sum.total] : []),
    ...(evaluation.compare ? [evaluation.compare.left, evaluation.compare.right] : []),
    ...(evaluation.ratio ? [evaluation.ratio.numerator, evaluation.ratio.denominator, evaluation.ratio.stated] : []),
  ];
  const out: Figure[] = [];
  for (const t of terms) if (t.figure && !out.includes(t.figure)) out.push(t.figure);
  return out;
}

// --- How a relation reads on /doi-chieu-so-lieu/ ---

/** One number of a relation as the page lists it: its role, and the term it comes from. */
export interface InputView {
  /** "Tổng", "Phần", "Số thứ nhất", "Số bị chia"… */
  role: string;
  term: TermValue;
}

/** A relation as the page shows it: all its words come from here, none is judged. */
export interface EvaluationView {
  status: 'holds' | 'differs';
  /** "Khớp" or "Chênh lệch". */
  statusLabel: string;
  /** The kind of relation, and for a sum how the report presents its parts: "Phép cộng · báo cáo viết “trong đó”". */
  kindLabel: string;
  /** The calculation, in the relation's unit: "990 + 140 + 6 = 1.136 triệu USD", "33,1% > 33%". */
  formula: string;
  /** What the result says, in plain words; for a breakdown that does not add up, also why it need not. */
  sentences: string[];
  /** The numbers used, in order. */
  inputs: InputView[];
}

const OPPOSITE: Record<Comparison, string> = { gt: '≤', ge: '<', eq: '≠' };

/** The words and the calculation of an evaluated relation. */
export function evaluationView(evaluation: Evaluation): EvaluationView {
  const { check, holds } = evaluation;
  const unit = check.unit;
  const q = (n: number) => formatQuantity(n, unit);
  const status = holds ? 'holds' : 'differs';
  const base = { status, statusLabel: t(`crosscheck.status.${status}`) } as const;
  const tolerance = q(check.tolerance);
  if (evaluation.sum) {
    const { parts, total, value, difference } = evaluation.sum;
    const breakdown = check.kind === 'sum' ? check.breakdown : 'whole';
    const sentences = holds
      ? [difference === 0 ? t('crosscheck.sum.exact', { total: q(total.value) }) : t('crosscheck.sum.rounded', { sum: q(value), total: q(total.value), difference: q(Math.abs(difference)), tolerance })]
      : [t(`crosscheck.sum.${evaluation.gap === 'more' ? 'more' : 'less'}`, { sum: q(value), total: q(total.value), difference: q(Math.abs(difference)) })];
    if (!holds && breakdown === 'some' && evaluation.gap === 'less') sentences.push(t('crosscheck.sum.some'));
    if (breakdown === 'implied') sentences.push(t('crosscheck.sum.implied'));
    return {
      ...base,
      kindLabel: `${t('crosscheck.kind.sum')} · ${t(`crosscheck.breakdown.${breakdown}`)}`,
      formula: `${parts.map((p) => formatNumber(p.value)).join(' + ')} = ${q(value)}`,
      sentences,
      inputs: [{ role: t('crosscheck.role.total'), term: total }, ...parts.map((term) => ({ role: t('crosscheck.role.part'), term }))],
    };
  }
  if (evaluation.compare) {
    const { left, right, op, difference } = evaluation.compare;
    const words = { left: q(left.value), right: q(right.value), difference: q(Math.abs(difference)) };
    return {
      ...base,
      kindLabel: t('crosscheck.kind.compare'),
      formula: `${q(left.value)} ${holds ? t(`crosscheck.op.${op}`) : OPPOSITE[op]} ${q(right.value)}`,
      sentences: [t(`crosscheck.compare.${op}.${holds ? 'holds' : 'fails'}`, words)],
      inputs: [
        { role: t('crosscheck.role.left'), term: left },
        { role: t('crosscheck.role.right'), term: right },
      ],
    };
  }
  const { numerator, denominator, stated, value, difference } = evaluation.ratio!;
  const ofUnit = check.kind === 'ratio' ? check.ratioOf : unit;
  const words = {
    numerator: formatQuantity(numerator.value, ofUnit),
    denominator: formatQuantity(denominator.value, ofUnit),
    value: q(value),
    stated: q(stated.value),
    difference: q(Math.abs(difference)),
    tolerance,
  };
  return {
    ...base,
    kindLabel: t('crosscheck.kind.ratio'),
    formula: `${formatNumber(numerator.value)} ÷ ${formatNumber(denominator.value)} × 100 = ${q(value)}`,
    sentences: [holds ? (difference === 0 ? t('crosscheck.ratio.exact', words) : t('crosscheck.ratio.holds', words)) : t('crosscheck.ratio.fails', words)],
    inputs: [
      { role: t('crosscheck.role.numerator'), term: numerator },
      { role: t('crosscheck.role.denominator'), term: denominator },
      { role: t('crosscheck.role.stated'), term: stated },
    ],
  };
}

