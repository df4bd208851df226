/**
 * The print buttons ("In chương này", "In toàn bộ báo cáo"): rendered hidden, since
 * without JavaScript they could do nothing; this shows them and makes them open the
 * browser's print dialog. The print stylesheet (src/print/print.css) does the rest.
 */
let ready = false;

export function initPrintButtons() {
  if (ready || typeof window.print !== 'function') return;
  ready = true;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print-button]')) {
    button.addEventListener('click', () => window.print());
    button.hidden = false;
  }
}
