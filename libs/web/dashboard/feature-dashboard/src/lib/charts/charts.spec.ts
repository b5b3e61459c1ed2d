import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { render, screen, waitFor } from '@testing-library/angular';

import { trendChart } from '@accord/domain/dashboard';

import { BarChartComponent } from './bar-chart.component';
import { LineChartComponent } from './line-chart.component';

// jsdom lays nothing out; ngx-charts waits for its host to have a size before it draws.
beforeAll(() => {
  for (const [property, size] of [
    ['offsetWidth', 600],
    ['offsetHeight', 240],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
});

/** The elements of a chart a Tab key stops on: focusable, with no negative tabindex. */
function tabStops(figure: HTMLElement): Element[] {
  return Array.from(figure.querySelectorAll('[ngx-tooltip], [tabindex], a[href], button')).filter(
    (element) => element.getAttribute('tabindex') !== '-1',
  );
}

function drawLine(chart: ReturnType<typeof trendChart>) {
  return render(LineChartComponent, {
    inputs: { chart, label: 'Trend', format: (value: number) => `${value} days` },
    providers: [provideNoopAnimations()],
  });
}

describe('LineChartComponent', () => {
  it('shows the one point of a one-bucket trend (This week) as a dot, its label whole on the axis', async () => {
    await drawLine(
      trendChart('Calls', [{ bucketStart: '2026-11-23T00:00:00Z', value: 7, partial: true }], 'WEEK', 'UTC'),
    );
    const figure = screen.getByRole('img', { name: 'Trend' });

    await waitFor(() => expect(figure.querySelectorAll('svg path.line')).toHaveLength(1));
    const line = figure.querySelector('svg path.line') as SVGPathElement;
    const marker = line.getAttribute('marker-start');
    expect(marker).toMatch(/^url\(#accord-trend-point-\d+\)$/);
    expect([line.getAttribute('marker-mid'), line.getAttribute('marker-end')]).toEqual([marker, marker]);
    expect(figure.querySelector(marker?.slice(4, -1) ?? '')?.tagName).toBe('marker');
    expect(figure.querySelector('.x.axis')?.textContent).toContain('23 Nov (partial)');
  });

  it('draws a gap where a bucket has no value: the axis keeps it, the line breaks and a lone point gets its dot', async () => {
    const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
    const values = [null, null, 20, null, 30, 25];
    await drawLine(
      trendChart(
        'Sales cycle',
        months.map((month, index) => ({ bucketStart: `${month}-01T00:00:00Z`, value: values[index] })),
        'MONTH',
        'UTC',
      ),
    );
    const figure = screen.getByRole('img', { name: 'Trend' });

    await waitFor(() => expect(figure.querySelectorAll('svg path.line')).toHaveLength(2));
    const ticks = Array.from(figure.querySelectorAll('.x.axis .tick text')).map((tick) =>
      tick.textContent?.trim(),
    );
    expect(ticks).toEqual(['Oct 2025', 'Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026']);
    for (const line of Array.from(figure.querySelectorAll('svg path.line')))
      expect(line.getAttribute('marker-mid')).toMatch(/^url\(#accord-trend-point-\d+\)$/);
  });

  it('leaves no tab stop in the chart: the figure’s label reads its numbers', async () => {
    await drawLine(
      trendChart(
        'Calls',
        [
          { bucketStart: '2026-11-16T00:00:00Z', value: 4 },
          { bucketStart: '2026-11-23T00:00:00Z', value: 7 },
        ],
        'WEEK',
        'UTC',
      ),
    );
    const figure = screen.getByRole('img', { name: 'Trend' });

    await waitFor(() => expect(figure.querySelector('svg [ngx-tooltip]')).toBeTruthy());
    await waitFor(() => expect(tabStops(figure)).toEqual([]));
  });
});

describe('BarChartComponent', () => {
  const bars = (values: number[]) => values.map((value, index) => ({ name: `Step ${index + 1}`, value }));

  it('writes whole numbers on its axis, "0" when every bar is empty', async () => {
    await render(BarChartComponent, {
      inputs: { data: bars([0, 0, 0]), label: 'Funnel' },
      providers: [provideNoopAnimations()],
    });
    const figure = screen.getByRole('img', { name: 'Funnel' });

    await waitFor(() => expect(figure.querySelectorAll('svg .bar')).toHaveLength(3));
    const ticks = Array.from(figure.querySelectorAll('.y.axis .tick text')).map((tick) =>
      tick.textContent?.trim(),
    );
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.every((tick) => /^\d[\d,]*$/.test(tick ?? ''))).toBe(true);
  });

  it('leaves its bars out of the tab order', async () => {
    await render(BarChartComponent, {
      inputs: { data: bars([200, 42, 25, 12, 8, 3]), label: 'Funnel' },
      providers: [provideNoopAnimations()],
    });
    const figure = screen.getByRole('img', { name: 'Funnel' });

    await waitFor(() => expect(figure.querySelectorAll('svg [ngx-tooltip]')).toHaveLength(6));
    await waitFor(() => expect(tabStops(figure)).toEqual([]));
    expect(figure.querySelector('.y.axis')?.textContent).toContain('200');
  });
});
