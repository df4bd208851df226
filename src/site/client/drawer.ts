/**
 * Drawers, loaded when a drawer button is first pressed (src/site/client/site.ts): modal
 * <dialog class="drawer"> panels opened by a button with data-drawer="<id>"
 * (the chapter's contents and the site menu on a phone, the reading settings everywhere).
 * - showModal() keeps keyboard focus inside the drawer and closes it on Esc;
 * - on opening, a drawer with data-drawer-content="<id>" borrows that element (the
 *   chapter's contents, the header's menu) and gives it back on closing, so that nothing
 *   is rendered twice; focus goes to the current section's link, else the first control;
 * - on closing, focus returns to the button that opened it, unless the reader followed a
 *   link inside (then focus stays with where the link leads);
 * - a click on the backdrop, on a [data-drawer-close] button, or on a link closes it, and so
 *   does widening the window past the phone layout.
 */
import { initReadingSettings } from '../../reading/client/settings';

let ready = false;

interface Borrowed {
  element: HTMLElement;
  placeholder: Comment;
  details: { el: HTMLDetailsElement; open: boolean }[];
}

const borrowed = new WeakMap<HTMLDialogElement, Borrowed>();
const openers = new WeakMap<HTMLDialogElement, HTMLElement>();
const followed = new WeakSet<HTMLDialogElement>();

function borrow(dialog: HTMLDialogElement) {
  const id = dialog.dataset.drawerContent;
  const slot = dialog.querySelector<HTMLElement>('[data-drawer-slot]');
  const element = id ? document.getElementById(id) : null;
  if (!element || !slot || slot.contains(element)) return;
  const placeholder = document.createComment(`drawer:${id}`);
  element.before(placeholder);
  slot.append(element);
  const details = [...element.querySelectorAll('details')].map((el) => ({ el, open: el.open }));
  for (const d of details) d.el.open = true;
  borrowed.set(dialog, { element, placeholder, details });
}

function giveBack(dialog: HTMLDialogElement) {
  const b = borrowed.get(dialog);
  if (!b) return;
  b.placeholder.replaceWith(b.element);
  for (const d of b.details) d.el.open = d.open;
  borrowed.delete(dialog);
}

function openDrawer(dialog: HTMLDialogElement, opener: HTMLElement) {
  if (dialog.open) return;
  for (const other of document.querySelectorAll<HTMLDialogElement>('dialog.drawer[open]')) other.close();
  borrow(dialog);
  openers.set(dialog, opener);
  followed.delete(dialog);
  opener.setAttribute('aria-expanded', 'true');
  dialog.showModal();
  const current = dialog.querySelector<HTMLElement>('[aria-current]');
  const first = dialog.querySelector<HTMLElement>('[data-drawer-focus], .drawer-body a, .drawer-body input, .drawer-body button');
  const target = current ?? first;
  if (target) {
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
}

function onClose(dialog: HTMLDialogElement) {
  giveBack(dialog);
  const opener = openers.get(dialog);
  opener?.setAttribute('aria-expanded', 'false');
  if (opener && !followed.has(dialog)) opener.focus();
}

/** Opens the drawer a [data-drawer] button names (src/site/client/site.ts calls it on click). */
export function openFrom(button: HTMLElement) {
  initDrawers();
  initReadingSettings();
  const dialog = document.getElementById(button.dataset.drawer ?? '');
  if (dialog instanceof HTMLDialogElement) openDrawer(dialog, button);
}

function initDrawers() {
  if (ready) return;
  ready = true;
  for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog.drawer')) {
    dialog.addEventListener('close', () => onClose(dialog));
    dialog.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target === dialog) {
        dialog.close();
        return;
      }
      if (target.closest('[data-drawer-close]')) {
        dialog.close();
        return;
      }
      const link = target.closest('a[href]');
      if (link) {
        followed.add(dialog);
        dialog.close();
      }
    });
  }
  const wide = window.matchMedia('(min-width: 64rem)');
  wide.addEventListener('change', () => {
    for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog.drawer[data-phone-only][open]')) dialog.close();
  });
}
