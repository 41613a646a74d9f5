/**
 * One polite live region for the whole window: screen readers read what is put in it (a table
 * sorted, a row moved) without moving the focus.
 */
const ID = 'mainstreet-announcer';

function region(): HTMLElement {
  let element = document.getElementById(ID);
  if (!element) {
    element = document.createElement('div');
    element.id = ID;
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    element.className = 'visually-hidden';
    document.body.appendChild(element);
  }
  return element;
}

export function announce(text: string): void {
  const element = region();
  // Emptied first, so the same words said twice are read twice.
  element.textContent = '';
  setTimeout(() => {
    element.textContent = text;
  }, 50);
}

/** What the live region says now (for tests). */
export function announced(): string {
  return document.getElementById(ID)?.textContent ?? '';
}
