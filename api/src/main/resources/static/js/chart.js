// ECharts (the WebJar loaded by index.html) with what every chart here wants: accessible
// descriptions, and resizing with the window (phones turn).

const charts = new Set();
window.addEventListener('resize', () => charts.forEach(c => c.resize()));

/** Draws `option` in `element`, replacing any chart there; answers the chart. */
export function draw(element, option) {
  const old = window.echarts.getInstanceByDom(element);
  if (old) { charts.delete(old); old.dispose(); }
  const chart = window.echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({ aria: { enabled: true }, animation: false, ...option });
  charts.add(chart);
  return chart;
}

/** Forgets the charts of a page that is being left. */
export function disposeAll() {
  charts.forEach(c => c.dispose());
  charts.clear();
}

/**
 * A timeline: one row per lane, bars from start to end (ms). `bars` are
 * { lane, start, end, label, color, data }; `marks` are vertical lines { at, label }.
 */
export function timeline(element, lanes, bars, { onClick, min, max, marks = [] } = {}) {
  const chart = draw(element, {
    grid: { left: 110, right: 20, top: 20, bottom: 40 },
    tooltip: { formatter: p => `${p.data.label}<br>${new Date(p.value[1]).toUTCString()} → ${new Date(p.value[2]).toUTCString()}` },
    xAxis: { type: 'time', min, max },
    yAxis: { type: 'category', data: lanes, inverse: true },
    dataZoom: [{ type: 'inside', filterMode: 'weakFilter' }],
    series: [{
      type: 'custom',
      renderItem: (params, api) => {
        const lane = api.value(0);
        const start = api.coord([api.value(1), lane]);
        const end = api.coord([api.value(2), lane]);
        const height = api.size([0, 1])[1] * 0.6;
        const rect = window.echarts.graphic.clipRectByRect(
          { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return rect && {
          type: 'group',
          children: [
            { type: 'rect', shape: rect, style: { fill: api.visual('color'), stroke: '#fff' } },
            { type: 'text', style: { text: api.value(3), x: rect.x + 4, y: rect.y + rect.height / 2,
              verticalAlign: 'middle', fill: '#fff', font: '12px sans-serif', width: rect.width - 8, overflow: 'truncate' } },
          ],
        };
      },
      encode: { x: [1, 2], y: 0 },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: '#854a0e', type: 'dashed' },
        label: { formatter: p => p.name, color: '#854a0e' },
        data: marks.map(m => ({ xAxis: m.at, name: m.label })) },
      data: bars.map(b => ({ value: [b.lane, b.start, b.end, b.label], label: b.label,
        itemStyle: { color: b.color }, bar: b })),
    }],
  });
  if (onClick) chart.on('click', p => onClick(p.data.bar));
  return chart;
}

/** A color per name, stable across redraws. */
const PALETTE = ['#1849a9', '#067647', '#b93815', '#6941c6', '#c11574', '#0e7090', '#854a0e', '#344054'];
export function colorOf(name) {
  let h = 0;
  for (const c of String(name)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}
