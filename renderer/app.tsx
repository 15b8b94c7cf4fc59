import { SupportClockPanel } from './features/clock/support-clock-panel.tsx';

/** The console shell. The queue and ticket workspace arrive with the ticket service. */
export function App() {
  return (
    <main>
      <h1>DutyDesk</h1>
      <SupportClockPanel />
    </main>
  );
}
