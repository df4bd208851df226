/**
 * Numbers for Vietnamese readers (vi-VN): "184.123", "8,16", "1.805". The number is never
 * rounded: every decimal the report gives is kept. Used by the pages, the charts' axes,
 * labels and tooltips, and the tests that compare the rendered tables with the data.
 */
import { t } from '../i18n/vi';
import type { Comparator, Direction } from '../schemas/figure';

/** The most decimals any figure of the report has is 3 ("10,141 tỷ USD"); allow more, never round. */
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10, useGrouping: true });

/** No-break space: keeps a number and its unit on one line. */
export const NBSP = '\u00a0';

/** A number in vi-VN style: 184123 → "184.123", 8.16 → "8,16", -6.3 → "-6,3". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`formatNumber: ${n} is not a finite number`);
  return numberFormat.format(n).replace(/\u2212/gu, '-');
}

/** A number with its unit: "184.123 tỷ đồng", "8,16%" (no space before "%"). */
export function formatQuantity(n: number, unit: string): string {
  const number = formatNumber(n);
  if (unit === '') return number;
  return unit.startsWith('%') ? `${number}${unit}` : `${number}${NBSP}${unit}`;
}

/** What formatValue() needs of a figure. */
export interface Quantity {
  value: number;
  unit: string;
  comparator?: Comparator;
  direction?: Direction;
  outOf?: number;
}

/**
 * A figure as a reader sees it, with the report's qualifiers: "tăng 4,1%", "trên 9%",
 * "tăng 9% trở lên", "khoảng 97%", "13/15 chỉ tiêu", "1.136 triệu USD".
 */
export function formatValue(q: Quantity): string {
  let text =
    q.outOf === undefined
      ? formatQuantity(q.value, q.unit)
      : `${t('format.ratio', { value: formatNumber(q.value), whole: formatNumber(q.outOf) })}${q.unit ? `${NBSP}${q.unit}` : ''}`;
  if (q.comparator === 'above') text = t('format.above', { value: text });
  if (q.comparator === 'about') text = t('format.about', { value: text });
  if (q.comparator === 'at-least') text = t('format.atLeast', { value: text });
  if (q.direction === 'increase') text = t('format.increase', { value: text });
  if (q.direction === 'decrease') text = t('format.decrease', { value: text });
  return text;
}

/** A tick of a value axis: the number alone, vi-VN style. */
export function formatTick(value: number | string): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}
