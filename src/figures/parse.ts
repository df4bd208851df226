/**
 * Reads a number the way the report writes it, so that a test can check that each
 * figure's value agrees with the report's words:
 * - "184 nghìn 123 tỷ đồng" is 184123 (tỷ đồng), "1 tỷ 136 triệu USD" is 1136 (triệu USD):
 *   the last scale word belongs to the unit, earlier ones are converted into it;
 * - "1.899" is 1899 (dots group thousands), "8,16" is 8.16 (the comma is decimal);
 * - "13/15 chỉ tiêu" is 13 out of 15;
 * - "trên 9%", "khoảng 97%", "9% trở lên" qualify the number; "tăng 4,1%", "giảm 6,3%"
 *   state a change.
 * Anything else (a range such as "85-95%", a dot before fewer or more than three digits
 * such as "31.4") is an error: the parser never guesses.
 */
import type { Comparator, Direction } from '../schemas/figure';

export interface ParsedNumber {
  /** The number in `unit`. */
  value: number;
  /** The unit, scale word included: "tỷ đồng", "triệu USD", "%", "chỉ tiêu". */
  unit: string;
  comparator?: Comparator;
  direction?: Direction;
  /** The whole of a ratio "13/15". */
  outOf?: number;
}

/** Scale words and their powers of ten. */
export const SCALES: Record<string, number> = { nghìn: 3, triệu: 6, tỷ: 9 };

const NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/u;

/** Reads one number token: "150.064" → 150064, "8,16" → 8.16, "06" → 6. */
export function parseNumberToken(token: string): number {
  if (!NUMBER.test(token)) throw new Error(`"${token}" is not a number as the report writes them (1.899 or 8,16)`);
  return Number(token.replace(/\./gu, '').replace(',', '.'));
}

/** n × 10^exp without binary rounding: 4,35 × 10² is 435, not 434.99999999999994. */
function shift(n: number, exp: number): number {
  return Number(`${n}e${exp}`);
}

/** Parses a figure's text (see the module comment); throws with the reason when it cannot. */
export function parseReportNumber(input: string): ParsedNumber {
  let rest = input.trim().replace(/\s+/gu, ' ');
  const result: Partial<ParsedNumber> = {};
  const direction = /^(tăng|giảm) /iu.exec(rest);
  if (direction) {
    result.direction = direction[1].toLowerCase() === 'tăng' ? 'increase' : 'decrease';
    rest = rest.slice(direction[0].length);
  }
  const prefix = /^(trên|khoảng) /iu.exec(rest);
  if (prefix) {
    result.comparator = prefix[1].toLowerCase() === 'trên' ? 'above' : 'about';
    rest = rest.slice(prefix[0].length);
  }
  if (/ trở lên$/u.test(rest)) {
    if (result.comparator) throw new Error(`"${input}": two qualifiers`);
    result.comparator = 'at-least';
    rest = rest.slice(0, -' trở lên'.length);
  }

  const ratio = /^(\d+)\/(\d+)(?: |$)/u.exec(rest);
  if (ratio) {
    const unit = rest.slice(ratio[0].length).trim();
    if (!unit) throw new Error(`"${input}": no unit`);
    const value = parseNumberToken(ratio[1]);
    const outOf = parseNumberToken(ratio[2]);
    if (value > outOf) throw new Error(`"${input}": ${value} is more than the whole, ${outOf}`);
    return { ...result, value, outOf, unit };
  }

  // Pairs of a number and an optional scale word, then the unit.
  const pairs: { n: number; scale: string | null }[] = [];
  let unit = '';
  for (;;) {
    const m = /^(\d[\d.,]*)(%|(?= |$))/u.exec(rest);
    if (!m) {
      if (pairs.length === 0) throw new Error(`"${input}": no number`);
      throw new Error(`"${input}": "${rest}" after a scale word is not a number`);
    }
    const n = parseNumberToken(m[1]);
    rest = rest.slice(m[1].length);
    if (m[2] === '%') {
      pairs.push({ n, scale: null });
      unit = rest.trim();
      break;
    }
    rest = rest.trimStart();
    const scale = /^(nghìn|triệu|tỷ)(?= |$)/u.exec(rest);
    if (!scale) {
      pairs.push({ n, scale: null });
      unit = rest;
      break;
    }
    pairs.push({ n, scale: scale[1] });
    rest = rest.slice(scale[1].length).trimStart();
    if (!/^\d/u.test(rest)) {
      unit = `${scale[1]}${rest ? ` ${rest}` : ''}`;
      break;
    }
  }
  if (!unit) throw new Error(`"${input}": no unit`);
  if (/\d/u.test(unit.replace(/\/\s*\d+/gu, ''))) throw new Error(`"${input}": unexpected number in the unit "${unit}"`);

  // Each scale word is absolute ("1 tỷ 136 triệu") unless a larger one follows, which it then
  // multiplies ("184 nghìn 123 tỷ" is 184 nghìn tỷ and 123 tỷ). Work out each pair's power
  // of ten, from the right; each part must fit below the one before.
  const exps = pairs.map((p) => (p.scale ? SCALES[p.scale] : 0));
  for (let i = pairs.length - 2; i >= 0; i--) {
    if (exps[i] <= exps[i + 1]) exps[i] += exps[i + 1];
  }
  const base = exps[exps.length - 1];
  let value = 0;
  pairs.forEach((p, i) => {
    if (i < pairs.length - 1 && !Number.isInteger(p.n)) throw new Error(`"${input}": a decimal before a smaller part`);
    if (i > 0 && p.n >= 10 ** (exps[i - 1] - exps[i])) throw new Error(`"${input}": ${p.n} does not fit below ${pairs[i - 1].scale}`);
    value += shift(p.n, exps[i] - base);
  });
  return { ...result, value, unit };
}
