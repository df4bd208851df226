/**
 * "Lên đầu trang": a button that appears once the reader has scrolled past the first two
 * screens; it goes back to the top and puts focus on the page's heading.
 */
let ready = false;

export function initBackToTop() {
  if (ready) return;
  const button = document.querySelector<HTMLButtonElement>('.to-top');
  if (!button) return;
  ready = true;
  let pending = false;
  const update = () => {
    pending = false;
    button.hidden = window.scrollY < window.innerHeight * 2;
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(update);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  // In the next frame, not in this script's task (reading the scroll position may force a layout).
  schedule();
  button.addEventListener('click', () => {
    window.scrollTo({ top: 0 });
    const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  });
}
