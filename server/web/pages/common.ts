import { executionRateOf } from '../../../domain/ledger';
import { ProgramYearFacts } from '../../../domain/settlement';
import { barChartSvg } from '../../../reports/engine/chart-svg';
import { BarChart } from '../../../reports/engine/model';

/** The year a page opens on, a unit's name, the unit programs of a year: read models the pages share. */
export { pickYear } from '../../queries/ledger/fiscal-years';
export { orgName, programsOf } from '../../queries/ledger/org-chart';

/** The execution-rate bar chart (inline SVG from the report engine) of some programs or units. */
export function executionChartSvg(title: string, items: { label: string; figures: ProgramYearFacts['figures'] }[]): string | null {
  if (!items.length) return null;
  const rates = items.map((i) => executionRateOf(i.figures));
  const chart: BarChart = {
    type: 'bar',
    title,
    categories: items.map((i) => (i.label.length > 18 ? `${i.label.slice(0, 17)}…` : i.label)),
    series: [{ name: '집행률', values: rates.map((r) => r.value ?? 0), labels: rates.map((r) => (r.value === null ? '-' : `${r.text}%`)) }],
    valueAxisLabel: '집행률(%)',
    max: 100,
  };
  return barChartSvg(chart);
}

export const today = () => new Date().toISOString().slice(0, 10);
