import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

export type PopupMenuItem =
  | {
      key: string;
      label: string;
      icon?: ReactNode;
      isDanger?: boolean;
      isSelected?: boolean;
      onSelect: () => void;
    }
  | { key: string; isDivider: true };

// A button that opens a small menu below it, drawn as antd's Dropdown was (console-layout.css) in
// plain markup, for the header's language and user menus (the console's first screen downloads no
// antd). Keyboard: Enter, Space or ↓ opens it on its first entry, ↑ ↓ Home End move, Escape closes
// it back to the button, Tab leaves it; a click outside closes it.
export function PopupMenu({
  button,
  buttonLabel,
  buttonClassName,
  items,
}: {
  button: ReactNode;
  buttonLabel: string;
  buttonClassName: string;
  items: readonly PopupMenuItem[];
}) {
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [focusFirst, setFocusFirst] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [isOpen]);

  useEffect(() => {
    if (isOpen && focusFirst) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [isOpen, focusFirst]);

  const open = (withFocus: boolean) => {
    setFocusFirst(withFocus);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = {
      ArrowDown: (index + 1) % entries.length,
      ArrowUp: (index - 1 + entries.length) % entries.length,
      Home: 0,
      End: entries.length - 1,
    };
    if (event.key in move) {
      event.preventDefault();
      entries[move[event.key] ?? 0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="kewo-popup" ref={root}>
      <button
        ref={trigger}
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? close(false) : open(false))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !isOpen) {
            event.preventDefault();
            open(true);
          } else if (event.key === 'Escape' && isOpen) {
            close(true);
          }
        }}
      >
        {button}
      </button>
      {isOpen ? (
        <div id={menuId} role="menu" aria-label={buttonLabel} className="kewo-popup-menu" onKeyDown={onMenuKey}>
          {items.map((item) =>
            'isDivider' in item ? (
              <hr key={item.key} className="kewo-popup-divider" />
            ) : (
              <div key={item.key} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className={['kewo-popup-item', item.isDanger ? 'is-danger' : '', item.isSelected ? 'is-selected' : '']
                    .filter(Boolean)
                    .join(' ')}
                  aria-current={item.isSelected ? 'true' : undefined}
                  onClick={() => {
                    close(true);
                    item.onSelect();
                  }}
                >
                  {item.icon ? (
                    <span className="kewo-popup-icon" aria-hidden="true">
                      {item.icon}
                    </span>
                  ) : null}
                  {item.label}
                </button>
              </div>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
