import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { fillPlaceholders, type PlaceholderValues } from '../../../shared/canned/placeholders.ts';
import type { Language, Tier } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { pickerReplies } from './pick.ts';
import { cannedQueries } from './queries.ts';

/**
 * A searchable list of the canned replies of a ticket's team (and the every-team ones), its
 * language first, each shown filled for this ticket; the search box keeps focus, arrow keys move
 * the choice, Enter (or a click) inserts the filled text.
 */
export function CannedPicker({ tier, language, values, onChoose, onClose }: {
  readonly tier: Tier;
  readonly language: Language;
  readonly values: PlaceholderValues;
  readonly onChoose: (text: string) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const bridge = useBridge();
  const id = useId();
  const list = useQuery(cannedQueries.list(bridge, { tier }));
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const shown = pickerReplies(list.data ?? [], language, search);
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const choose = (index: number): void => {
    const reply = shown[index];
    if (reply !== undefined) onChoose(fillPlaceholders(reply.body, values));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = shown.length;
      if (n > 0) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(current);
    }
  };
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <Dialog title={t('canned.pickerTitle')} onClose={onClose} closeLabel={t('app.close')}>
      <div className="canned-picker">
        <label htmlFor={`${id}-search`}>{t('canned.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-describedby={`${id}-help`}
          aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
        <p id={`${id}-help`} className="muted">{t('canned.choose')}</p>
        {list.isError ? (
          <p role="alert" className="error">{t('app.error', { message: list.error.message })}</p>
        ) : list.data === undefined ? (
          <p>{t('canned.loading')}</p>
        ) : (
          <p role="status" className="muted">{shown.length === 0 ? t('canned.noMatch') : t('canned.matches', { count: shown.length })}</p>
        )}
        <ul id={`${id}-list`} role="listbox" aria-label={t('canned.title')} className="canned-options">
          {shown.map((reply, index) => (
            <li
              key={reply.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'canned-option canned-option--active' : 'canned-option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(index)}
            >
              <span className="canned-option-title">{reply.title}</span>{' '}
              <span className="muted">{t(`language.${reply.language}`)} · {reply.tier === null ? t('canned.everyTeam') : t(`tier.${reply.tier}`)}</span>
              <span className="canned-option-text">{fillPlaceholders(reply.body, values)}</span>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
