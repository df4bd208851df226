/**
 * Makes each "liên kết" link share or copy the full URL of its heading or paragraph: the
 * page jumps to it (so it is marked as the target), then on a phone (a coarse pointer and
 * the Web Share API) the system's share sheet opens ("Chia sẻ"); elsewhere the URL goes to
 * the clipboard ("Sao chép liên kết"). The action's name is the link's visible label on
 * hover and focus (Prose.astro shows --permalink-action). Without this script the link
 * still points at the paragraph, labelled "Liên kết đến đoạn này".
 */
let ready = false;

export function initPermalinks() {
  if (ready) return;
  ready = true;
  const status = document.querySelector<HTMLElement>('.permalink-status');
  const share = typeof navigator.share === 'function' && window.matchMedia('(pointer: coarse)').matches;
  const action = share ? status?.dataset.share : status?.dataset.copy;
  if (action) document.documentElement.style.setProperty('--permalink-action', JSON.stringify(action));
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.permalink');
    if (!link) return;
    event.preventDefault();
    location.hash = link.hash;
    if (share) {
      try {
        await navigator.share({ title: document.title, url: link.href });
      } catch {
        // Cancelled by the reader, or refused: the address bar holds the link.
      }
      return;
    }
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
