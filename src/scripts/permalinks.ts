/**
 * Makes each "liên kết" link copy the full URL of its heading or paragraph: the page
 * jumps to it (so it is marked as the target) and the URL goes to the clipboard.
 * Without this script the link still points at the paragraph.
 */
let ready = false;

export function initPermalinks() {
  if (ready) return;
  ready = true;
  const status = document.querySelector<HTMLElement>('.permalink-status');
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.permalink');
    if (!link) return;
    event.preventDefault();
    location.hash = link.hash;
    let message = status?.dataset.copied ?? '';
    try {
      await navigator.clipboard.writeText(link.href);
    } catch {
      message = status?.dataset.failed ?? '';
    }
    if (status) {
      status.textContent = message;
      status.classList.remove('visually-hidden');
      window.setTimeout(() => status.classList.add('visually-hidden'), 2500);
    }
  });
}
