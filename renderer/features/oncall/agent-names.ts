import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { ticketQueries } from '../ticket/queries.ts';

/** Agent names by id from GET /api/v1/agents; an unknown id (or the list still loading) reads "#id", an empty layer "nobody". */
export function useAgentName(): (id: number | null) => string {
  const bridge = useBridge();
  const t = useT();
  const agents = useQuery(ticketQueries.agents(bridge)).data ?? [];
  return (id) => (id === null ? t('oncall.nobody') : (agents.find((a) => a.id === id)?.name ?? `#${id}`));
}
