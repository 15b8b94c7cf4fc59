import { useT } from '../../i18n/use-translation.ts';
import { ConfirmButton } from './confirm-button.tsx';

/** What the account cells read of an agent or a customer. */
interface Account {
  readonly name: string;
  readonly active: boolean;
  readonly mustChangePassword: boolean;
}

/** An account's state: active (with "temporary password" while it has one) or deactivated. */
export function AccountStateCell({ account }: { readonly account: Account }) {
  const t = useT();
  return (
    <td>
      {account.active ? t('admin.state.active') : t('admin.state.inactive')}
      {account.active && account.mustChangePassword ? <span className="muted"> · {t('admin.state.temporary')}</span> : null}
    </td>
  );
}

/** Edit, reset password and deactivate/reactivate, each asked first; the same for agents and customers. */
export function AccountActionsCell({ account, busy, deactivateQuestion, onEdit, onReset, onSetActive }: {
  readonly account: Account;
  readonly busy: boolean;
  /** Who is signed out, and where: the question differs for agents and customers. */
  readonly deactivateQuestion: string;
  readonly onEdit: () => void;
  readonly onReset: () => void;
  readonly onSetActive: (active: boolean) => void;
}) {
  const t = useT();
  const { name, active } = account;
  return (
    <td className="row-actions">
      <button type="button" disabled={busy} onClick={onEdit}>{t('admin.edit')}</button>{' '}
      <ConfirmButton label={t('admin.resetPassword')} question={t('admin.resetQuestion', { name })} disabled={busy || !active} onConfirm={onReset} />{' '}
      {active ? (
        <ConfirmButton label={t('admin.deactivate')} question={deactivateQuestion} disabled={busy} onConfirm={() => onSetActive(false)} />
      ) : (
        <ConfirmButton label={t('admin.reactivate')} question={t('admin.reactivateQuestion', { name })} disabled={busy} onConfirm={() => onSetActive(true)} />
      )}
    </td>
  );
}
