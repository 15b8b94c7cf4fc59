import { createCalendar, type Calendar } from '../../shared/sla/index.ts';

/** The support team's calendar (R7): the same defaults as the service's, to know locally whether a clock ticks now. */
export const supportCalendar: Calendar = createCalendar();
