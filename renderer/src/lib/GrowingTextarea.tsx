import { Textarea, type TextareaProps } from '@mantine/core';
import { forwardRef, type CSSProperties } from 'react';
import classes from './GrowingTextarea.module.css';

export interface GrowingTextareaProps extends Omit<TextareaProps, 'autosize' | 'minRows' | 'maxRows' | 'classNames'> {
  /** Rows shown when empty (2 by default). */
  minRows?: number;
  /** Rows it grows to before it scrolls (no limit by default). */
  maxRows?: number;
}

/**
 * A textarea that grows with its text, sized by the browser's layout (CSS `field-sizing`) instead
 * of Mantine's autosize, which measures a hidden copy of the field on every render and so forces a
 * layout each time the composer around it re-renders (opening a conversation re-renders it often).
 * Where the browser lacks `field-sizing`, the field is taller and the person can resize it.
 */
export const GrowingTextarea = forwardRef<HTMLTextAreaElement, GrowingTextareaProps>(function GrowingTextarea({ minRows = 2, maxRows, style, ...props }, ref) {
  const fallbackRows = Math.max(minRows, Math.min(maxRows ?? 6, 6));
  const rows = { '--growing-min-rows': minRows, '--growing-fallback-rows': fallbackRows, ...(maxRows !== undefined ? { '--growing-max-rows': maxRows } : {}) } as CSSProperties;
  return <Textarea ref={ref} {...props} rows={minRows} classNames={{ input: classes.input }} style={[rows, style]} />;
});
