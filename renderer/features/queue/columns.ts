/** The queue's columns, their widths and how the grid lays them out. Pure. */
import { QUEUE_COLUMNS, type QueueColumn } from '../../../shared/tickets/queue-order.ts';

// The columns, in order: one list with the sort rules (shared/tickets/queue-order.ts).
export { QUEUE_COLUMNS, type QueueColumn };
/** Column widths in CSS pixels. */
export type ColumnWidths = Readonly<Record<QueueColumn, number>>;

/**
 * The widths a console starts with. Due is wide enough for its longest label in any language
 * ("чекаємо на клієнта", "starts Mon 09:00"), so it never truncates; the subject takes what is left.
 */
export const DEFAULT_WIDTHS: ColumnWidths = {
  due: 176, number: 76, kind: 104, subject: 200, client: 200, language: 72, tier: 150, assignee: 140, status: 150, escalated: 96,
};
/** The narrowest a column may be made; Due keeps room for a countdown. */
export const MIN_WIDTH = 48;
const MIN_DUE_WIDTH = 96;
/** The widest a column may be made. */
export const MAX_WIDTH = 640;
/** How far one arrow key moves a column edge (Shift: four times as far). */
export const KEY_STEP = 16;

/** The narrowest `column` may be. */
export function minWidthOf(column: QueueColumn): number {
  return column === 'due' ? MIN_DUE_WIDTH : MIN_WIDTH;
}

/** `width` within the column's bounds, in whole pixels. */
export function clampWidth(column: QueueColumn, width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(minWidthOf(column), width)));
}

/** The widths from what was stored (anything unknown or out of bounds is ignored or clamped), defaults for the rest. */
export function widthsFrom(stored: Readonly<Record<string, number>> | undefined): ColumnWidths {
  const out = { ...DEFAULT_WIDTHS };
  for (const column of QUEUE_COLUMNS) {
    const w = stored?.[column];
    if (typeof w === 'number' && Number.isFinite(w)) out[column] = clampWidth(column, w);
  }
  return out;
}

/** The widths with one column set to `width` (clamped). */
export function withWidth(widths: ColumnWidths, column: QueueColumn, width: number): ColumnWidths {
  return { ...widths, [column]: clampWidth(column, width) };
}

/** The grid's `grid-template-columns`: fixed widths, the subject growing into any room left. */
export function gridTemplate(widths: ColumnWidths): string {
  return QUEUE_COLUMNS.map((c) => (c === 'subject' ? `minmax(${widths[c]}px, 1fr)` : `${widths[c]}px`)).join(' ');
}

/** The least width of a row: the sum of the columns (the grid scrolls sideways when narrower). */
export function rowWidth(widths: ColumnWidths): number {
  return QUEUE_COLUMNS.reduce((sum, c) => sum + widths[c], 0);
}
