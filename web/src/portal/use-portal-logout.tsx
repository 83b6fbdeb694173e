import ExclamationCircleFilled from '@ant-design/icons-svg/es/asn/ExclamationCircleFilled.js';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useSessionCache } from '../shared/auth/session.api.ts';
import { describeError } from '../shared/error-message.ts';
import { PortalIcon } from './PortalIcon.tsx';

// 退出登录, asked first. Plain HTML, not antd's modal: the home shows it before antd is loaded.
// `confirmLogout` opens the question; render `dialog` where the page ends.
export function usePortalLogout() {
  const [isAsking, setAsking] = useState(false);
  return {
    confirmLogout: () => setAsking(true),
    dialog: isAsking ? <LogoutDialog onCancel={() => setAsking(false)} /> : null,
  };
}

function LogoutDialog({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessionCache = useSessionCache();
  const titleId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A modal <dialog>: the browser keeps focus inside, closes it on Escape and gives focus back.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal?.();
    confirmButton.current?.focus();
    return () => element?.close?.();
  }, []);

  const signOut = async () => {
    setPending(true);
    try {
      await logout();
    } catch (failure) {
      // The server could not sign out: say why and stay signed in.
      setError(failure);
      setPending(false);
      return;
    }
    sessionCache.signedOut();
    navigate('/portal/login', { replace: true });
  };

  return (
    <dialog
      ref={dialog}
      className="portal-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="portal-dialog-title">
        <span className="portal-alert-icon is-warning">
          <PortalIcon icon={ExclamationCircleFilled} />
        </span>
        {t('portal.logoutConfirm')}
      </h2>
      {error ? (
        <p role="alert" className="portal-field-error">
          {describeError(error, t)}
        </p>
      ) : null}
      <div className="portal-dialog-actions">
        <button type="button" className="portal-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          ref={confirmButton}
          type="button"
          className="portal-button is-primary"
          disabled={isPending}
          onClick={() => void signOut()}
        >
          {t('portal.logout')}
        </button>
      </div>
    </dialog>
  );
}
