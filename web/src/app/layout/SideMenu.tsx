import { type KeyboardEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { MenuItem } from './menu-items.tsx';

// The side menu, drawn as antd's dark inline Menu was (console-layout.css) in plain markup: it is
// part of the console's first screen, which downloads no antd (scripts/bundle-budget.ts). The
// roles are antd's too (menu, menuitem, a group's title with aria-expanded), which the browser
// journeys and screen readers rely on. Pages are links (a middle click opens a new tab).
//
// Expanded, a group opens in place and stays open (openKeys); collapsed to icons, a group's pages
// show in a pop-up beside it while the pointer or the focus is on it, each page's name as a tip.
export function SideMenu({
  items,
  selectedKey,
  openKeys,
  onOpenChange,
  isCollapsed,
  onNavigate,
}: {
  items: readonly MenuItem[];
  selectedKey: string | undefined;
  openKeys: readonly string[];
  onOpenChange: (keys: string[]) => void;
  isCollapsed: boolean;
  onNavigate: () => void;
}) {
  const [popupKey, setPopupKey] = useState<string>();
  return (
    <div role="menu" className="kewo-menu" onKeyDown={moveFocus}>
      {items.map((item) =>
        item.children ? (
          <SubMenu
            key={item.key}
            item={item}
            selectedKey={selectedKey}
            isCollapsed={isCollapsed}
            isOpen={isCollapsed ? popupKey === item.key : openKeys.includes(item.key)}
            onOpen={(isOpen) => {
              if (isCollapsed) setPopupKey(isOpen ? item.key : undefined);
              else onOpenChange(isOpen ? [...openKeys, item.key] : openKeys.filter((key) => key !== item.key));
            }}
            onNavigate={() => {
              setPopupKey(undefined);
              onNavigate();
            }}
          />
        ) : (
          <MenuLink key={item.key} item={item} selectedKey={selectedKey} onNavigate={onNavigate} hasTip={isCollapsed} />
        ),
      )}
    </div>
  );
}

function MenuLink({
  item,
  selectedKey,
  onNavigate,
  hasTip,
}: {
  item: MenuItem;
  selectedKey: string | undefined;
  onNavigate: () => void;
  hasTip: boolean;
}) {
  const isSelected = item.key === selectedKey;
  return (
    <div role="none" className="kewo-menu-entry">
      <Link
        to={item.key}
        role="menuitem"
        className={isSelected ? 'kewo-menu-item is-selected' : 'kewo-menu-item'}
        aria-current={isSelected ? 'page' : undefined}
        onClick={onNavigate}
      >
        <span className="kewo-menu-icon">{item.icon}</span>
        <span className="kewo-menu-label">{item.label}</span>
      </Link>
      {hasTip ? (
        <span className="kewo-menu-tip" aria-hidden="true">
          {item.label}
        </span>
      ) : null}
    </div>
  );
}

function SubMenu({
  item,
  selectedKey,
  isCollapsed,
  isOpen,
  onOpen,
  onNavigate,
}: {
  item: MenuItem;
  selectedKey: string | undefined;
  isCollapsed: boolean;
  isOpen: boolean;
  onOpen: (isOpen: boolean) => void;
  onNavigate: () => void;
}) {
  const listId = useId();
  const children = item.children ?? [];
  const holdsSelected = children.some((child) => child.key === selectedKey);
  const className = ['kewo-submenu', isOpen ? 'is-open' : '', holdsSelected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="none"
      className={className}
      {...(isCollapsed
        ? {
            onMouseEnter: () => onOpen(true),
            onMouseLeave: () => onOpen(false),
            onFocus: () => onOpen(true),
            onBlur: (event: { currentTarget: Element; relatedTarget: Element | null }) => {
              if (!event.currentTarget.contains(event.relatedTarget)) onOpen(false);
            },
          }
        : {})}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen && isCollapsed) {
          onOpen(false);
          event.currentTarget.querySelector<HTMLElement>('.kewo-submenu-title')?.focus();
        }
      }}
    >
      <button
        type="button"
        role="menuitem"
        className="kewo-menu-item kewo-submenu-title"
        aria-haspopup="true"
        aria-expanded={isOpen}
        aria-controls={isOpen ? listId : undefined}
        onClick={() => onOpen(!isOpen)}
      >
        <span className="kewo-menu-icon">{item.icon}</span>
        <span className="kewo-menu-label">{item.label}</span>
        <span className="kewo-submenu-arrow" aria-hidden="true" />
      </button>
      {isOpen ? (
        <div role="menu" id={listId} aria-label={item.label} className="kewo-submenu-list">
          {children.map((child) => (
            <MenuLink key={child.key} item={child} selectedKey={selectedKey} onNavigate={onNavigate} hasTip={false} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

// Up and down arrows move between the menu's entries, Home and End to the first and the last
// (Tab goes through them too, as through any links).
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const entries = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const index = entries.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? entries.length - 1
        : (index + (event.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
  entries[next]?.focus();
}
