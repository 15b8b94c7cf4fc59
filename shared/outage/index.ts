/** Outages and availability (docs/availability.md): the rules the service and the console share. */
export * from './rules.ts';
export * from './availability.ts';
