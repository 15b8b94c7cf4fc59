import type { Client } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';

/** The client organization: name, primary function group (R1), language (R10). */
export function ClientCard({ client }: { readonly client: Client }) {
  const t = useT();
  return (
    <section className="client-card" aria-label={t('client.card')}>
      <h3>{client.name}</h3>
      <p>{t('client.group', { group: t(`group.${client.primaryGroup}`) })}</p>
      <p>{t('client.language', { language: t(`language.${client.language}`) })}</p>
    </section>
  );
}
