import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * A modal dialog's keyboard: on opening, focus moves to `first` (or the first of `focusable`
 * inside the dialog), Tab and Shift+Tab cycle among `focusable`, Escape cancels, and on
 * closing focus goes back to what opened it.
 */
export function useDialogKeys<T extends HTMLElement>(
  focusable: string,
  onCancel: () => void,
  first?: RefObject<HTMLElement | null>,
): { dialog: RefObject<T | null>; onKeyDown: (event: KeyboardEvent<T>) => void } {
  const dialog = useRef<T>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (first?.current ?? dialog.current?.querySelector<HTMLElement>(focusable))?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
    // Only on opening and closing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const inside = Array.from(dialog.current?.querySelectorAll<HTMLElement>(focusable) ?? []);
    const start = inside[0];
    const end = inside.at(-1);
    if (event.shiftKey && document.activeElement === start) {
      event.preventDefault();
      end?.focus();
    } else if (!event.shiftKey && document.activeElement === end) {
      event.preventDefault();
      start?.focus();
    }
  };

  return { dialog, onKeyDown };
}
