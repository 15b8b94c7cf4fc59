/** Internal per-tier targets (an operational level agreement, docs/ola.md): pure rules shared by the service and the console. */
export { evaluateOla, olaAnswerMinutes, olaAtRisk, olaClockOf, olaStatusAt, type OlaInput } from './evaluate.ts';
export { OLA_TIERS, type OlaTier, type OlaTargets } from './targets.ts';
export { olaReport, type OlaStay, type OlaTierFigures } from './report.ts';
