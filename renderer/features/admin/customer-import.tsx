import { useId, useState } from 'react';
import type { AdminClient, ImportRow } from '../../../shared/api/index.ts';
import { IMPORT_COLUMNS } from '../../../shared/api/index.ts';
import type { AdminCommandResults } from '../../../shared/client/admin-command.ts';
import { downloadText } from '../../components/download.ts';
import { useT } from '../../i18n/use-translation.ts';
import { createdCsv, createdCsvFileName } from './created-csv.ts';
import { useAdminCommand } from './queries.ts';

type Imported = Extract<AdminCommandResults['importCustomers'], { dryRun: false }>;
type Preview = Extract<AdminCommandResults['importCustomers'], { dryRun: true }>;

/**
 * Customers from a CSV file (chosen or pasted): first a preview (the service checks every row and
 * writes nothing), then the import of all rows or none. The customers made and their temporary
 * passwords are shown once, with a CSV file of them to hand out.
 */
export function CustomerImport({ client }: { readonly client: AdminClient }) {
  const t = useT();
  const command = useAdminCommand<'importCustomers'>();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  // The preview belongs to the text it checked: editing the text asks for a new one.
  const [preview, setPreview] = useState<{ readonly csv: string; readonly result: Preview } | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const textId = useId();

  const changed = (text: string, name: string | null): void => {
    setCsv(text);
    setFileName(name);
    setPreview(null);
    command.reset();
  };
  const check = (): void => {
    setImported(null);
    command.mutate({ command: 'importCustomers', clientId: client.id, csv, dryRun: true }, {
      onSuccess: (r) => {
        if (r.dryRun) setPreview({ csv, result: r });
      },
    });
  };
  const run = (): void => {
    command.mutate({ command: 'importCustomers', clientId: client.id, csv, dryRun: false }, {
      onSuccess: (r) => {
        if (r.dryRun) return;
        setImported(r);
        setPreview(null);
        setCsv('');
        setFileName(null);
      },
    });
  };
  const ready = preview !== null && preview.csv === csv && preview.result.ok;
  const title = t('admin.import.title', { client: client.name });

  return (
    <section aria-label={title} className="admin-import">
      <h4>{title}</h4>
      <p className="muted">{t('admin.import.columns', { columns: IMPORT_COLUMNS.join(', ') })}</p>
      <label className="field">
        {t('admin.import.file')}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) void file.text().then((text) => changed(text, file.name));
          }}
        />
      </label>
      {fileName !== null ? <p className="muted">{t('admin.import.fileChosen', { name: fileName })}</p> : null}
      <label className="field" htmlFor={textId}>
        {t('admin.import.paste')}
      </label>
      <textarea id={textId} rows={6} value={csv} onChange={(e) => changed(e.target.value, null)} spellCheck={false} />
      <div className="form-actions">
        <button type="button" disabled={csv.trim() === '' || command.isPending} onClick={check}>{t('admin.import.preview')}</button>{' '}
        <button type="button" className="primary" disabled={!ready || command.isPending} onClick={run}>
          {t('admin.import.run', { count: preview?.result.rows.length ?? 0 })}
        </button>
      </div>
      {command.isError ? <p role="alert" className="error">{t('admin.import.refused', { message: command.error.message })}</p> : null}
      {preview !== null ? <PreviewTable result={preview.result} /> : null}
      {imported !== null ? <ImportedTable imported={imported} client={client} onDone={() => setImported(null)} /> : null}
    </section>
  );
}

/** Every row the preview checked, the faulty ones with their problem. */
function PreviewTable({ result }: { readonly result: Preview }) {
  const t = useT();
  const faulty = result.rows.filter((r) => r.error !== undefined).length;
  return (
    <>
      <p role="status" className={result.ok ? undefined : 'error'}>
        {result.ok ? t('admin.import.allGood', { count: result.rows.length }) : t('admin.import.faulty', { faulty, count: result.rows.length })}
      </p>
      <table className="admin-table" aria-label={t('admin.import.previewTable')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.import.row')}</th>
            <th scope="col">{t('admin.field.login')}</th>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">{t('admin.field.language')}</th>
            <th scope="col">{t('admin.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <PreviewRow key={r.row} row={r} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function PreviewRow({ row }: { readonly row: ImportRow }) {
  const t = useT();
  return (
    <tr aria-label={t('admin.import.rowLabel', { row: row.row })} className={row.error === undefined ? undefined : 'faulty'}>
      <th scope="row">{row.row}</th>
      <td>{row.login}</td>
      <td>{row.name}</td>
      <td>{row.language === null ? t('app.none') : t(`language.${row.language}`)}</td>
      <td>{row.error === undefined ? t('admin.import.rowOk') : `${row.error.field}: ${row.error.message}`}</td>
    </tr>
  );
}

/** The customers made, with their temporary passwords: shown once, and as a file to download. */
function ImportedTable({ imported, client, onDone }: { readonly imported: Imported; readonly client: AdminClient; readonly onDone: () => void }) {
  const t = useT();
  const download = (): void => downloadText(createdCsvFileName(client.name), createdCsv(imported.created), 'text/csv;charset=utf-8');
  return (
    <section aria-label={t('admin.import.done', { count: imported.created.length })} className="one-time-password">
      <p role="status">{t('admin.import.done', { count: imported.created.length })}</p>
      <p className="notice">{t('admin.import.giveThem')}</p>
      <table className="admin-table" aria-label={t('admin.import.createdTable')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.field.login')}</th>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">{t('admin.password.password')}</th>
          </tr>
        </thead>
        <tbody>
          {imported.created.map((c) => (
            <tr key={c.customer.id} aria-label={c.customer.login}>
              <th scope="row">{c.customer.login}</th>
              <td>{c.customer.name}</td>
              <td><code>{c.temporaryPassword}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={download}>{t('admin.import.download')}</button>{' '}
      <button type="button" className="primary" onClick={onDone}>{t('admin.password.done')}</button>
    </section>
  );
}
