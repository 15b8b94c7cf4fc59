import { useState } from 'react';
import { useT } from '../../i18n/use-translation.ts';

/** A button that asks once more before it acts: a click shows the question, "Yes" acts, "Cancel" takes it back. */
export function ConfirmButton({ label, question, onConfirm, disabled = false }: {
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return <button type="button" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <span role="group" aria-label={question} className="confirm">
      <span>{question}</span>{' '}
      <button
        type="button"
        className="primary"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('admin.confirm.yes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>{t('app.cancel')}</button>
    </span>
  );
}
