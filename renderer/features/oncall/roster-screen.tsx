import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LAYERS } from '../../../shared/oncall/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { useAgentName } from './agent-names.ts';
import { OverrideForm } from './override-form.tsx';
import { onCallQueries, useRemoveOverride, useSwap } from './queries.ts';
import { useOnCallActions } from './store.ts';
import { layerTimeline, shiftsOf, type Shift } from './timeline.ts';
import { useOnCall } from './use-on-call.ts';
import { When } from './when.tsx';

/** The roster: who is on call now and for the next 14 days per layer; managers and admins add, remove and swap overrides. */
export function RosterScreen() {
  const t = useT();
  const me = useMe();
  const bridge = useBridge();
  const name = useAgentName();
  const { rosterClosed } = useOnCallActions();
  const { roster } = useOnCall();
  const overrides = useQuery(onCallQueries.overrides(bridge));
  const remove = useRemoveOverride();
  const editor = me.role === 'manager' || me.role === 'admin';
  const shifts = roster === undefined ? [] : shiftsOf(roster);

  return (
    <Dialog title={t('oncall.roster')} onClose={rosterClosed} closeLabel={t('app.close')}>
      <p role="status">{roster === undefined ? t('app.loading') : t('oncall.now', { primary: name(roster.primary), secondary: name(roster.secondary) })}</p>
      {LAYERS.map((layer) => (
        <section key={layer} aria-label={t(`oncall.layer.${layer}`)} className="roster-layer">
          <h3>{t(`oncall.layer.${layer}`)}</h3>
          <ol className="roster-timeline">
            {layerTimeline(shifts, layer).map((s) => (
              <li key={s.from}>
                <strong>{name(s.agentId)}</strong> <When at={s.from} /> – <When at={s.to} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {editor ? <Swaps shifts={shifts} /> : null}
      <section aria-label={t('oncall.overrides')}>
        <h3>{t('oncall.overrides')}</h3>
        {overrides.data?.length === 0 ? <p className="muted">{t('oncall.noOverrides')}</p> : null}
        <ul>
          {(overrides.data ?? []).map((o) => (
            <li key={o.id}>
              {t('oncall.covers', { agent: name(o.agentId), layer: t(`oncall.layer.${o.layer}`) })} <When at={o.from} /> – <When at={o.to} />
              {o.reason !== null ? <span className="muted"> · {o.reason}</span> : null}{' '}
              {editor ? (
                <button type="button" onClick={() => remove.mutate(o.id)} aria-label={t('oncall.removeOverride', { agent: name(o.agentId), layer: t(`oncall.layer.${o.layer}`) })}>
                  {t('oncall.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {remove.error !== null ? <p role="alert" className="error">{remove.error.message}</p> : null}
      </section>
      {editor ? <OverrideForm /> : null}
    </Dialog>
  );
}

/** Swap the two layers' agents over one shift: a click to choose, a click to confirm (two overrides). */
function Swaps({ shifts }: { readonly shifts: readonly Shift[] }) {
  const t = useT();
  const name = useAgentName();
  const swap = useSwap();
  const [chosen, setChosen] = useState<Shift | null>(null);
  return (
    <section aria-label={t('oncall.swaps')}>
      <h3>{t('oncall.swaps')}</h3>
      <ul>
        {shifts
          .filter((s) => s.primary !== null && s.secondary !== null && s.primary !== s.secondary)
          .map((s) => {
            const names = { primary: name(s.primary), secondary: name(s.secondary) };
            return (
              <li key={s.from}>
                <When at={s.from} /> – <When at={s.to} />: {t('oncall.now', names)}{' '}
                {chosen?.from === s.from ? (
                  <>
                    <button type="button" className="primary" onClick={() => swap.mutate({ primary: s.primary ?? 0, secondary: s.secondary ?? 0, from: s.from, to: s.to, reason: t('oncall.swapReason') }, { onSuccess: () => setChosen(null) })}>
                      {t('oncall.swapConfirm', names)}
                    </button>{' '}
                    <button type="button" onClick={() => setChosen(null)}>{t('app.cancel')}</button>
                  </>
                ) : (
                  <button type="button" onClick={() => setChosen(s)}>{t('oncall.swap', names)}</button>
                )}
              </li>
            );
          })}
      </ul>
      {swap.error !== null ? <p role="alert" className="error">{swap.error.message}</p> : null}
    </section>
  );
}
