import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { supportHoursText } from '../../../shared/canned/placeholders.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';
import { useMe } from '../auth/queries.ts';
import { CannedPicker } from '../canned/index.ts';
import { useTypingSignal } from '../presence/index.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useDraft, useTicketActions, type ComposerMode } from './store.ts';

/** Opens the canned replies from the text box; Ctrl+Enter sends, Escape closes: no clash. */
const CANNED_SHORTCUT = 'Control+/';

/**
 * Writes a reply, a clarifying question (R13) or an internal note; the draft survives switching
 * tickets. Ctrl+/ (or the button) inserts a canned reply, filled for this ticket, at the cursor.
 */
export function Composer({ ticket, mode }: { readonly ticket: Ticket; readonly mode: ComposerMode }) {
  const t = useT();
  const me = useMe();
  const calendar = useSupportCalendar();
  const ticketId = ticket.id;
  const key = `${ticketId}:${mode}`;
  const draft = useDraft(key);
  const { draftEdited, composerClosed } = useTicketActions();
  const command = useTicketCommand();
  // Replies and questions reach the customer: other agents see that this one is writing.
  const typed = useTypingSignal(ticketId, mode !== 'note');
  const fieldId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  // The selection the canned text replaces, kept while the picker has focus.
  const [picking, setPicking] = useState<{ start: number; end: number } | null>(null);
  const [caret, setCaret] = useState<number | null>(null);

  useLayoutEffect(() => {
    if (caret === null || picking !== null) return;
    box.current?.focus();
    box.current?.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret, picking]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate(
      { command: 'message', id: ticketId, type: mode, body: draft },
      {
        onSuccess: () => {
          typed('');
          draftEdited(key, '');
          composerClosed();
        },
      },
    );
  };

  const openPicker = (): void => {
    const el = box.current;
    setPicking({ start: el?.selectionStart ?? draft.length, end: el?.selectionEnd ?? draft.length });
  };

  const insert = (text: string): void => {
    if (picking === null) return;
    draftEdited(key, draft.slice(0, picking.start) + text + draft.slice(picking.end));
    setCaret(picking.start + text.length);
    setPicking(null);
  };

  return (
    <form className={`composer composer--${mode}`} onSubmit={submit} aria-labelledby={`${fieldId}-label`}>
      <label id={`${fieldId}-label`} htmlFor={fieldId}>{t(`compose.${mode}`)}</label>
      <textarea
        id={fieldId}
        ref={box}
        rows={4}
        autoFocus
        value={draft}
        aria-keyshortcuts={CANNED_SHORTCUT}
        onChange={(e) => {
          draftEdited(key, e.target.value);
          typed(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') composerClosed();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          // By the key's place too, so Ctrl+/ works on a Cyrillic layout (where that key types '.').
          if ((e.key === '/' || e.code === 'Slash') && (e.ctrlKey || e.metaKey) && !e.altKey) {
            e.preventDefault();
            openPicker();
          }
        }}
      />
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.isPending || draft.trim() === ''}>{t('compose.send')}</button>
        <button type="button" onClick={openPicker} aria-keyshortcuts={CANNED_SHORTCUT} title="Ctrl+/">
          {t('canned.insert')} <kbd aria-hidden="true">Ctrl+/</kbd>
        </button>
        <button type="button" onClick={composerClosed}>{t('app.cancel')}</button>
      </div>
      {picking !== null ? (
        <CannedPicker
          tier={ticket.tier}
          language={ticket.language}
          values={{ customer: ticket.author.name, ticket: String(ticket.number), supportHours: supportHoursText(calendar.config, ticket.language), agent: me.name }}
          onChoose={insert}
          onClose={() => {
            setCaret(picking.end);
            setPicking(null);
          }}
        />
      ) : null}
    </form>
  );
}
