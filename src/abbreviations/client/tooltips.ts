/**
 * The abbreviations' tooltips (src/abbreviations/AbbrTooltips.astro) show on focus,
 * in CSS. This adds what CSS cannot:
 * - a click or a tap focuses the abbreviation, so that its tooltip shows on every
 *   browser (some do not focus a non-link element that is clicked);
 * - Escape hides the tooltip of the focused abbreviation without moving the focus
 *   (WCAG 1.4.13), until the focus leaves it.
 */
const SELECTOR = 'abbr.abbr';
const DISMISSED = 'dismissed';

export function initAbbrTooltips(root: Document = document) {
  for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    el.addEventListener('click', () => {
      if (root.activeElement !== el) el.focus();
    });
    el.addEventListener('blur', () => {
      delete el.dataset[DISMISSED];
    });
  }
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const el = root.activeElement;
    if (el instanceof HTMLElement && el.matches(SELECTOR)) el.dataset[DISMISSED] = '';
  });
}
