import { barChartSvg } from '../../../reports/engine/chart-svg';
import { headerGrid, modelHasData, ReportModel } from '../../../reports/engine/model';
import { landscapeFor } from '../../../reports/engine/pdf';

/** What the templates need to print a model: header grids, charts as inline SVG, the page orientation for print. */
export function modelView(model: ReportModel, index: number) {
  return {
    ...model,
    anchor: `rpt-${index + 1}`,
    landscape: landscapeFor(model),
    sections: model.sections.map((s) =>
      s.kind === 'table' ? { ...s, header: headerGrid(s) } : s.kind === 'chart' ? { ...s, svg: barChartSvg(s.chart) } : s,
    ),
  };
}

/**
 * A report preview's data: the models (none when the report holds no data for the year and unit: the
 * page says 자료 없음 and offers no download of zeros), a contents list for the packet, the print button.
 */
export function previewView(name: string, models: ReportModel[], params: { year?: number }, unitName?: string) {
  const shown = models.filter(modelHasData);
  const views = shown.map(modelView);
  return {
    models: views,
    empty: shown.length === 0,
    emptyFor: [params.year ? `${params.year}년` : '', unitName ?? ''].filter(Boolean).join(' '),
    contents: name === 'packet' ? views.map((m) => ({ anchor: m.anchor, title: m.title })) : [],
  };
}
