/**
 * The HTML of a "Kế hoạch … cho lĩnh vực này" / "Kết quả … của lĩnh vực này" block, placed
 * after a section or task of a chapter (src/reading/related.ts insertAfter()). Plain HTML
 * because it goes into the chapter's rendered HTML; every text is escaped. The block is
 * the site's, not the report's: data-pagefind-ignore keeps it out of search and of the
 * faithfulness checks, and print leaves it out.
 */
import { t } from '../i18n/vi';
import type { RelatedLink } from './related';

export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** The block for one section: `direction` "plan" links a result to the plan, "result" the reverse. */
export function relatedBlock(direction: 'plan' | 'result', links: readonly RelatedLink[], years: { results: number; plan: number }): string {
  const heading = direction === 'plan' ? t('related.plan', { year: years.plan }) : t('related.result', { year: years.results });
  const items = links
    .map((link) => {
      const place = t(link.place.part === 'phan-thu-hai' ? 'related.partTwo' : 'related.partOne', { place: t('related.item', { label: link.place.label }) });
      return `<li><a href="${escapeHtml(link.href)}"><span class="related-place">${escapeHtml(place)}</span> ${escapeHtml(link.place.title)}</a> <span class="related-reason">${escapeHtml(link.reason)}</span></li>`;
    })
    .join('');
  return `<div class="related ui" data-pagefind-ignore><p class="related-title">${escapeHtml(heading)}</p><ul>${items}</ul></div>`;
}
