import { useState } from 'react';
import { useSaveSettings, useSettings } from '../settings/queries.ts';
import { widthsFrom, withWidth, type ColumnWidths, type QueueColumn } from './columns.ts';

/**
 * The queue's column widths for agent `agentId`, remembered in the console's settings (per agent, so
 * agents sharing a workstation keep their own). `resize` changes a width on screen at once (a drag
 * in progress); `save` also stores it (when the drag ends, on each key press).
 */
export function useColumnWidths(agentId: number): {
  readonly widths: ColumnWidths;
  resize(column: QueueColumn, width: number): void;
  save(column: QueueColumn, width: number): void;
} {
  const settings = useSettings();
  const { mutate } = useSaveSettings();
  const [shown, setShown] = useState<ColumnWidths | null>(null);
  const widths = shown ?? widthsFrom(settings.queueColumns[String(agentId)]);
  return {
    widths,
    resize: (column, width) => setShown(withWidth(widths, column, width)),
    save: (column, width) => {
      const next = withWidth(widths, column, width);
      setShown(next);
      mutate({ queueColumns: { ...settings.queueColumns, [String(agentId)]: next } });
    },
  };
}
