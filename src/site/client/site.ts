/**
 * The page furniture's one script, on every page (src/site/Base.astro), kept small
 * because it counts toward a text chapter's JS budget: it saves the site for offline
 * reading, shows "Lên đầu trang", marks the current section in the contents, and loads
 * the drawers' code (src/site/client/drawer.ts, with the reading settings) when a drawer
 * button is first pressed.
 */
import { registerServiceWorker } from '../../offline/client/register';
import { initTocTracking } from '../../reading/client/toc-tracking';
import { initBackToTop } from './back-to-top';

registerServiceWorker();
initBackToTop();
initTocTracking();

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLElement>('[data-drawer]');
  if (button) void import('./drawer').then((drawer) => drawer.openFrom(button));
});
