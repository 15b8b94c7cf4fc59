import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { KEY_STEP, MAX_WIDTH, minWidthOf, type QueueColumn } from './columns.ts';

/**
 * The right edge of a column header as a focusable splitter (WAI-ARIA window splitter): drag it
 * with the pointer, or focus it and press ←/→ (Shift: four steps at a time). `onResize` follows a
 * drag; `onDone` stores the width when the drag ends and on each key.
 */
export function ColumnResizer(props: {
  readonly column: QueueColumn;
  readonly label: string;
  readonly width: number;
  readonly onResize: (column: QueueColumn, width: number) => void;
  readonly onDone: (column: QueueColumn, width: number) => void;
}) {
  const { column, width } = props;
  const drag = useRef<{ x: number; width: number; last: number } | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const step = (e.shiftKey ? 4 : 1) * KEY_STEP;
    props.onDone(column, width + (e.key === 'ArrowRight' ? step : -step));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width, last: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current === null) return;
    drag.current.last = drag.current.width + e.clientX - drag.current.x;
    props.onResize(column, drag.current.last);
  };
  const onPointerUp = (): void => {
    if (drag.current === null) return;
    props.onDone(column, drag.current.last);
    drag.current = null;
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={width}
      aria-valuemin={minWidthOf(column)}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      className="column-resizer"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
