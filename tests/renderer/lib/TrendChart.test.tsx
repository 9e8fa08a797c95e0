// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrendChart } from '../../../renderer/src/lib/TrendChart';
import { renderWithMantine } from '../../helpers/renderWithMantine';

afterEach(cleanup);

const points = [
  { value: 20, lines: ['1 March', 'Index 20'] },
  { value: 55, lines: ['1 April', 'Index 55'] },
  { value: 40, lines: ['1 May', 'Index 40'] },
];

function chart(withDots = true) {
  return renderWithMantine(
    <TrendChart points={points} height={90} domain={[0, 100]} ticks={[0, 50, 100]} referenceLines={[{ y: 50, color: 'gray.3' }]} withDots={withDots} color="teal.6" label="The index over time" />,
  );
}

describe('TrendChart', () => {
  it('draws the line through every point on its scale, its axis and its dots, measuring nothing', () => {
    const { container } = chart();
    expect(screen.getByTestId('trend-line').getAttribute('d')).toMatch(/^M0,800C.*,1000,600$/);
    expect([...container.querySelectorAll('[aria-hidden] > span')].map((tick) => tick.textContent)).toEqual(['0', '50', '100']);
    const dots = [...container.querySelectorAll<HTMLElement>('span[style*="left"]')].filter((dot) => !dot.textContent);
    expect(dots.map((dot) => [dot.style.left, dot.style.top])).toEqual([
      ['0%', '80%'],
      ['50%', '45%'],
      ['100%', '60%'],
    ]);
    expect(screen.queryByTestId('trend-point')).toBeNull();
  });

  it('shows each point’s card with the arrow keys, Home and End, and reads it out', () => {
    chart(false);
    const plot = screen.getByRole('group', { name: /The index over time: use the arrow keys/ });
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(screen.getByTestId('trend-point').textContent).toBe('1 MarchIndex 20');
    expect(screen.getByRole('status').textContent).toBe('1 March, Index 20');
    fireEvent.keyDown(plot, { key: 'End' });
    expect(screen.getByTestId('trend-point').textContent).toBe('1 MayIndex 40');
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    expect(screen.getByRole('status').textContent).toBe('1 April, Index 55');
    fireEvent.keyDown(plot, { key: 'Home' });
    expect(screen.getByRole('status').textContent).toBe('1 March, Index 20');
    fireEvent.blur(plot);
    expect(screen.queryByTestId('trend-point')).toBeNull();
  });

  it('shows the card of the point nearest the pointer', () => {
    chart();
    const plot = screen.getByRole('group', { name: /The index over time/ });
    plot.getBoundingClientRect = () => ({ left: 100, width: 200, top: 0, height: 78, right: 300, bottom: 78, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.pointerMove(plot, { clientX: 260 });
    expect(screen.getByTestId('trend-point').textContent).toBe('1 MayIndex 40');
    fireEvent.pointerMove(plot, { clientX: 190 });
    expect(screen.getByTestId('trend-point').textContent).toBe('1 AprilIndex 55');
    fireEvent.pointerLeave(plot);
    expect(screen.queryByTestId('trend-point')).toBeNull();
  });
});
