/**
 * The PDF's bar chart as an inline SVG string for the web page (same scale, same printed labels).
 */
import { formatInteger } from '../../domain/money';
import { BarChart } from './model';
import { axisScale } from './pdf';

const COLORS = ['#3b6fb6', '#e0913a', '#5a9e5a', '#a14a8c'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function barChartSvg(chart: BarChart, width = 640): string {
  const labelW = 170;
  const barH = 12;
  const groupH = chart.series.length * barH + 8;
  const plotW = width - labelW - 50;
  const plotH = chart.categories.length * groupH;
  const height = plotH + 70;
  const { max, step } = axisScale(chart);
  const x = (v: number) => labelW + (Math.max(0, Math.min(max, v)) / max) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(chart.title)}" font-family="'Noto Sans KR', sans-serif" font-size="11">`,
    `<text x="${width / 2}" y="14" text-anchor="middle" font-weight="bold">${esc(chart.title)}</text>`,
    `<g transform="translate(0,24)">`,
  ];
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line x1="${x(v)}" y1="0" x2="${x(v)}" y2="${plotH}" stroke="#ccc"/>`);
    parts.push(`<text x="${x(v)}" y="${plotH + 14}" text-anchor="middle" font-size="10">${formatInteger(v)}</text>`);
  }
  chart.categories.forEach((cat, i) => {
    const gy = i * groupH + 4;
    parts.push(`<text x="${labelW - 6}" y="${gy + (chart.series.length * barH) / 2 + 4}" text-anchor="end">${esc(cat)}</text>`);
    chart.series.forEach((s, j) => {
      const w = x(s.values[i]) - labelW;
      const y = gy + j * barH;
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(2)}" height="${barH - 2}" fill="${COLORS[j % COLORS.length]}"><title>${esc(`${cat} ${s.name} ${s.labels[i]}`)}</title></rect>`,
      );
      parts.push(`<text x="${(labelW + w + 4).toFixed(2)}" y="${y + barH - 3}" font-size="10">${esc(s.labels[i])}</text>`);
    });
  });
  parts.push(`<path d="M${labelW} 0V${plotH}H${labelW + plotW}" stroke="#000" fill="none"/>`);
  if (chart.valueAxisLabel)
    parts.push(`<text x="${labelW + plotW / 2}" y="${plotH + 30}" text-anchor="middle">${esc(chart.valueAxisLabel)}</text>`);
  parts.push('</g></svg>');
  return parts.join('');
}
