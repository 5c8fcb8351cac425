import { EntityManager } from 'typeorm';
import { FiscalYear } from '../../../entities/fiscal-year';
import { OrgUnit } from '../../../entities/org-unit';
import { executionRateOf } from '../../../domain/ledger';
import { ProgramYearFacts } from '../../../domain/settlement';
import { barChartSvg } from '../../../reports/engine/chart-svg';
import { BarChart } from '../../../reports/engine/model';
import { unitsWithin } from '../../access/scope';
import { loadYearFacts } from '../../queries/ledger/year-facts';

export async function fiscalYears(em: EntityManager): Promise<FiscalYear[]> {
  return em.getRepository(FiscalYear).find({ order: { year: 'DESC' } });
}

/** The year a page opens on: ?year= when it is a known fiscal year, else the latest open year, else the latest. */
export async function pickYear(em: EntityManager, requested: unknown): Promise<{ year: number | null; years: FiscalYear[] }> {
  const years = await fiscalYears(em);
  const asked = typeof requested === 'string' && /^\d{4}$/.test(requested) ? Number(requested) : null;
  if (asked && years.some((y) => y.year === asked)) return { year: asked, years };
  const open = years.filter((y) => y.status === 'open');
  return { year: open[0]?.year ?? years[0]?.year ?? null, years };
}

/** Unit programs of a year, optionally only those under one organisation unit. */
export async function programsOf(em: EntityManager, year: number, orgUnitId: number | null): Promise<ProgramYearFacts[]> {
  const { programs } = await loadYearFacts(em, year);
  const units = programs.filter((p) => p.kind !== 'policy');
  if (orgUnitId === null) return units;
  const within = await unitsWithin(em, orgUnitId);
  return units.filter((p) => within.has(p.orgUnitId));
}

export async function orgName(em: EntityManager, id: number | null): Promise<string> {
  if (id === null) return '';
  return (await em.getRepository(OrgUnit).findOneBy({ id }))?.name ?? '';
}

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
