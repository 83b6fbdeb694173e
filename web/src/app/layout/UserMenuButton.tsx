import { DownOutlined } from '@ant-design/icons';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';

// The header's name-and-role button. UserMenu opens its menu (a Dropdown, a chunk that loads just
// after the page); until then the button shows alone, in the same place.
export const UserMenuButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function UserMenuButton(
  { className, ...props },
  ref,
) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    // The Dropdown around it adds its own class and handlers.
    <button
      ref={ref}
      type="button"
      aria-label={t('layout.account')}
      {...props}
      className={className ? `kewo-user-menu ${className}` : 'kewo-user-menu'}
    >
      <span className="kewo-user-avatar" aria-hidden>
        {user.displayName.slice(0, 1)}
      </span>
      <span className="kewo-user-menu-text">
        <strong>{user.displayName}</strong>
        <span className="kewo-user-menu-role">{t(`roles.${user.role}`)}</span>
      </span>
      <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
    </button>
  );
});
