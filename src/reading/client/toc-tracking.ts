/**
 * Marks the section being read in the chapter's contents (the desktop sidebar, and the
 * phone's contents drawer, which shows the same list): the link of the last heading or
 * item whose top has passed the upper third of the screen gets aria-current="location".
 */
let ready = false;

export function initTocTracking() {
  if (ready) return;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')];
  const pairs = links
    .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((p): p is { link: HTMLAnchorElement; target: HTMLElement } => p.target !== null);
  if (pairs.length === 0) return;
  ready = true;
  let current: HTMLAnchorElement | null = null;
  let pending = false;
  const update = () => {
    pending = false;
    const line = window.innerHeight / 3;
    let found: HTMLAnchorElement | null = null;
    for (const { link, target } of pairs) {
      if (target.getBoundingClientRect().top <= line) found = link;
      else break;
    }
    if (found === current) return;
    current?.removeAttribute('aria-current');
    found?.setAttribute('aria-current', 'location');
    current = found;
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(update);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  window.addEventListener('hashchange', schedule);
  // The first mark in the next frame: reading positions now would force a layout of the
  // whole chapter inside this script's task, before the page's first paint.
  schedule();
}
