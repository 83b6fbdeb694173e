import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useSignOut } from '../../shared/auth/use-sign-out.ts';
import { PopupMenu } from './PopupMenu.tsx';

// The header's name-and-role button and its menu: 个人设置 (the account page) and 退出登录.
export function UserMenu() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const { signOut, error } = useSignOut({ loginPath: '/login' });

  return (
    <>
      <PopupMenu
        buttonClassName="kewo-user-menu"
        buttonLabel={t('layout.account')}
        button={
          <>
            <span className="kewo-user-avatar" aria-hidden>
              {user.displayName.slice(0, 1)}
            </span>
            <span className="kewo-user-menu-text">
              <strong>{user.displayName}</strong>
              <span className="kewo-user-menu-role">{t(`roles.${user.role}`)}</span>
            </span>
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </>
        }
        items={[
          { key: 'account', icon: <UserOutlined />, label: t('layout.account'), onSelect: () => navigate('/account') },
          { key: 'divider', isDivider: true },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: t('layout.logout'),
            isDanger: true,
            onSelect: () => void signOut(),
          },
        ]}
      />
      {/* When the server could not sign out: why, for a moment, as antd's message did. */}
      {error ? (
        <div className="kewo-toast" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
