import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useSignOut } from '../../shared/auth/use-sign-out.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const signOut = useSignOut({ loginPath: '/login', successMessage: t('layout.loggedOut') });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('layout.account') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'logout') void signOut();
        },
      }}
    >
      <button type="button" className="kewo-user-menu" aria-label={t('layout.account')}>
        <span className="kewo-user-avatar" aria-hidden>
          {user.displayName.slice(0, 1)}
        </span>
        <span className="kewo-user-menu-text">
          <strong>{user.displayName}</strong>
          <span className="kewo-user-menu-role">{t(`roles.${user.role}`)}</span>
        </span>
        <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
      </button>
    </Dropdown>
  );
}
