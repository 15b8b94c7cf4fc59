import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language } from '../../../shared/model/index.ts';
import { NOTIFICATION_KINDS } from '../../../shared/settings.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { AccountSettings } from '../account/index.ts';
import { authQueries } from '../auth/queries.ts';
import { useSaveSettings, useSettings } from './queries.ts';
import { useSettingsUiActions } from './store.ts';

/** Settings: server (desktop), language, notification switches, sound, start minimized (desktop). Changes apply at once. */
export function SettingsDialog() {
  const t = useT();
  const bridge = useBridge();
  const settings = useSettings();
  const save = useSaveSettings();
  const info = useQuery(authQueries.appInfo(bridge)).data;
  const desktop = info?.mode === 'desktop';
  const { settingsClosed } = useSettingsUiActions();

  return (
    <Dialog title={t('settings.title')} onClose={settingsClosed} closeLabel={t('app.close')}>
      <div className="settings">
        <fieldset>
          <legend>{t('settings.server')}</legend>
          {desktop ? <ServerSetting serverUrl={settings.serverUrl} /> : <p className="muted">{t('settings.browserServer', { url: info?.serverUrl ?? location.origin })}</p>}
        </fieldset>
        <label className="field">
          {t('settings.language')}
          <select value={settings.language} onChange={(e) => save.mutate({ language: e.target.value as Language })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.notifications')}</legend>
          {NOTIFICATION_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={settings.notifications[k]} onChange={(e) => save.mutate({ notifications: { [k]: e.target.checked } })} />
              {t(`settings.kind.${k}`)}
            </label>
          ))}
          <label className="check">
            <input type="checkbox" checked={settings.sound} onChange={(e) => save.mutate({ sound: e.target.checked })} />
            {t('settings.sound')}
          </label>
        </fieldset>
        {desktop ? (
          <label className="check">
            <input type="checkbox" checked={settings.startMinimized} onChange={(e) => save.mutate({ startMinimized: e.target.checked })} />
            {t('settings.startMinimized')}
          </label>
        ) : null}
        <p role="status" className={save.isError ? 'error' : 'muted'}>
          {save.isError ? save.error.message : save.isSuccess ? t('settings.saved') : ''}
        </p>
        <AccountSettings />
      </div>
    </Dialog>
  );
}

/** Embedded service or a team service URL (desktop only). */
function ServerSetting({ serverUrl }: { readonly serverUrl: string | null }) {
  const t = useT();
  const save = useSaveSettings();
  const [remote, setRemote] = useState(serverUrl !== null);
  const [url, setUrl] = useState(serverUrl ?? '');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save.mutate({ serverUrl: remote ? url.trim() : null });
  };
  return (
    <form onSubmit={submit} className="server-setting">
      <label className="check">
        <input type="radio" name="server" checked={!remote} onChange={() => setRemote(false)} />
        {t('settings.embedded')}
      </label>
      <label className="check">
        <input type="radio" name="server" checked={remote} onChange={() => setRemote(true)} />
        {t('settings.remote')}
      </label>
      {remote ? (
        <label className="field">
          {t('settings.url')}
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://dutydesk.example.com" />
        </label>
      ) : null}
      {save.isError ? <p role="alert" className="error">{save.error.message}</p> : null}
      {save.isSuccess ? <p className="muted">{t('settings.saved')}</p> : null}
      <button type="submit">{t('settings.save')}</button>
    </form>
  );
}
