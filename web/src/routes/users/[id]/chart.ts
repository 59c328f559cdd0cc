export interface ChartPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  total: number;
}

export interface ChartShape {
  /** SVG path of the running total as a step line (reputation changes at day boundaries). */
  line: string;
  /** The same line closed to the baseline, for a soft fill. */
  area: string;
  min: number;
  max: number;
  first: string;
  last: string;
}

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Scales the points into a width × height box (y grows downwards), with zero or the lowest total at the bottom. Null without points. */
export function chartShape(points: ChartPoint[], width: number, height: number): ChartShape | null {
  if (points.length === 0) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const min = Math.min(0, ...points.map((p) => p.total));
  const max = Math.max(min + 1, ...points.map((p) => p.total));
  const startDay = dayNumber(first.day);
  const span = Math.max(1, dayNumber(last.day) - startDay);
  const x = (p: ChartPoint) => (points.length === 1 ? width : ((dayNumber(p.day) - startDay) / span) * width);
  const y = (total: number) => height - ((total - min) / (max - min)) * height;
  const round = (n: number) => Math.round(n * 10) / 10;

  let line = points.length === 1 ? `M0 ${round(y(0))} H${round(x(first))} V${round(y(first.total))}` : `M0 ${round(y(first.total))}`;
  for (const point of points.slice(1)) line += ` H${round(x(point))} V${round(y(point.total))}`;
  const area = `${line} H${width} V${round(y(min))} H0 Z`;
  return { line, area, min, max, first: first.day, last: last.day };
}
