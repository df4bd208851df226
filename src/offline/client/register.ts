/**
 * Registers the service worker (/sw.js, scope "/") a few seconds after the page has loaded
 * (SETTLE_MS), and keeps the reader told, in the footer's status line
 * (src/offline/OfflineStatus.astro):
 * - "Đang lưu để đọc ngoại tuyến…" while the first copy is being saved;
 * - "Đã lưu để đọc ngoại tuyến" once the site is saved;
 * - "Đã có bản cập nhật — tải lại" (a button) when a newer build has been saved and waits:
 *   pressing it lets the new build take over and reloads the page, so that a page never
 *   mixes two builds.
 */
/** How long after the load event the service worker is registered, in ms. */
export const SETTLE_MS = 5000;

let ready = false;

function show(status: HTMLElement, state: 'saving' | 'saved' | 'update') {
  status.dataset.state = state;
  const text = status.querySelector<HTMLElement>('.offline-text');
  const button = status.querySelector<HTMLButtonElement>('.offline-update');
  if (text) text.textContent = state === 'update' ? '' : (status.dataset[state] ?? '');
  if (button) button.hidden = state !== 'update';
  status.hidden = false;
}

function watchWaiting(registration: ServiceWorkerRegistration, status: HTMLElement) {
  const offer = (worker: ServiceWorker) => {
    show(status, 'update');
    status.querySelector<HTMLButtonElement>('.offline-update')?.addEventListener('click', () => worker.postMessage({ type: 'SKIP_WAITING' }), { once: true });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    if (!navigator.serviceWorker.controller) show(status, 'saving');
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      if (worker.state === 'activated' && status.dataset.state === 'saving') show(status, 'saved');
    });
  };
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
}

export function registerServiceWorker() {
  if (ready || !('serviceWorker' in navigator)) return;
  ready = true;
  const status = document.querySelector<HTMLElement>('.offline-status');
  let reloading = false;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A new build took over at the reader's request: reload into it. (The first install
    // also takes control, of a page that is already this build: no reload then.)
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });
  const start = async () => {
    try {
      const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      if (!status) return;
      if (registration.active && navigator.serviceWorker.controller) show(status, 'saved');
      watchWaiting(registration, status);
    } catch {
      // No offline copy (e.g. service workers blocked): the site works online as before.
    }
  };
  // SETTLE_MS after the page has loaded, then when the browser is idle: the first install
  // fetches the whole site (about 3 MB), which should not compete with the page the reader
  // has just opened, nor with the first things they do on it.
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => void start(), { timeout: 3000 }) : void start());
  const later = () => setTimeout(whenIdle, SETTLE_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
