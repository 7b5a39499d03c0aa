// Analytics: MTTA and MTTR over time, incident counts by priority and by service, for a chosen
// date range. Each point is the API's own report for its span (GET /analytics/incidents).
import { api } from '../api.js';
import { draw } from '../chart.js';
import { $, esc, duration } from '../ui.js';

const DAY = 86400000;
const MAX_BUCKETS = 16;
const minutes = s => (s === null || s === undefined ? null : Math.round(s / 6) / 10);
const isoDate = d => d.toISOString().slice(0, 10);

export async function render({ app, query }) {
  const to = query.get('to') ? new Date(query.get('to') + 'T00:00:00Z') : new Date(Math.ceil(Date.now() / DAY) * DAY);
  const from = query.get('from') ? new Date(query.get('from') + 'T00:00:00Z') : new Date(to.getTime() - 84 * DAY);
  app.innerHTML = `
    <h1>Analytics</h1>
    <form class="filters" id="range">
      <label class="inline" for="from">From</label><input type="date" id="from" name="from" value="${isoDate(from)}">
      <label class="inline" for="to">To</label><input type="date" id="to" name="to" value="${isoDate(to)}">
      <button type="submit">Show</button>
    </form>
    <div id="range-error"></div>
    <p id="totals" class="muted"></p>
    <section class="card"><h2>Median time to acknowledge and resolve (minutes)</h2>
      <div class="chart" id="analytics-chart" role="img" aria-label="MTTA and MTTR over time"></div>
      <details><summary>The figures as a table</summary><div class="scroll"><table id="analytics-table"><thead><tr><th>From</th><th>Incidents</th><th>MTTA</th><th>MTTR</th></tr></thead><tbody></tbody></table></div></details>
    </section>
    <div class="columns">
      <section class="card"><h2>By priority</h2><div class="chart" id="priority-chart" role="img" aria-label="incidents by priority"></div></section>
      <section class="card"><h2>By service</h2><div class="chart" id="service-chart" role="img" aria-label="incidents by service"></div></section>
    </div>
    <section class="card"><h2>By service and team</h2><div class="scroll">
      <table id="by-service"><thead><tr><th>Service</th><th>Team</th><th>Incidents</th><th>MTTA</th><th>MTTR</th></tr></thead><tbody></tbody></table>
    </div></section>`;
  $('range').onsubmit = e => {
    e.preventDefault();
    location.hash = `#/analytics?from=${$('from').value}&to=${$('to').value}`;
  };
  if (!(from < to)) {
    $('range-error').innerHTML = '<p class="error">From must be before to.</p>';
    return;
  }
  // a point per day, week, four weeks or quarter: the first that keeps the chart readable
  const span = [1, 7, 28, 91, 365].map(d => d * DAY).find(d => (to - from) / d <= MAX_BUCKETS) || (to - from);
  const buckets = [];
  for (let t = from.getTime(); t < to.getTime(); t += span) buckets.push([new Date(t), new Date(Math.min(t + span, to.getTime()))]);
  const report = (a, b, extra = '') => api('GET', `/analytics/incidents?from=${a.toISOString()}&to=${b.toISOString()}${extra}`);
  const [services, teams] = await Promise.all([api('GET', '/services'), api('GET', '/teams')]);
  const teamName = id => teams.find(t => t.id === id)?.name || '—';
  const [whole, points, perService] = await Promise.all([
    report(from, to), Promise.all(buckets.map(([a, b]) => report(a, b))),
    Promise.all(services.map(s => report(from, to, '&serviceId=' + s.id)))]);

  $('totals').textContent = `${whole.incidents} incidents · MTTA ${duration(whole.timeToAcknowledge.medianSeconds)} · ` +
    `MTTR ${duration(whole.timeToResolve.medianSeconds)}`;
  const labels = buckets.map(([a]) => isoDate(a));
  draw($('analytics-chart'), {
    tooltip: { trigger: 'axis' }, legend: { data: ['MTTA', 'MTTR', 'Incidents'] },
    grid: { left: 50, right: 50, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', name: 'min' }, { type: 'value', name: 'incidents', minInterval: 1 }],
    series: [
      { name: 'MTTA', type: 'line', connectNulls: true, data: points.map(p => minutes(p.timeToAcknowledge.medianSeconds)) },
      { name: 'MTTR', type: 'line', connectNulls: true, data: points.map(p => minutes(p.timeToResolve.medianSeconds)) },
      { name: 'Incidents', type: 'bar', yAxisIndex: 1, data: points.map(p => p.incidents), itemStyle: { opacity: 0.3 } },
    ],
  });
  $('analytics-table').tBodies[0].innerHTML = points.map((p, n) => `<tr><td>${labels[n]}</td><td>${p.incidents}</td>
    <td>${duration(p.timeToAcknowledge.medianSeconds)}</td><td>${duration(p.timeToResolve.medianSeconds)}</td></tr>`).join('');
  const priorities = Object.keys(whole.byPriority).sort();
  draw($('priority-chart'), {
    tooltip: {}, grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: priorities }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'incidents', data: priorities.map(p => whole.byPriority[p]) }],
  });
  $('by-service').tBodies[0].innerHTML = services.map((s, n) => [s, perService[n]])
    .sort((a, b) => b[1].incidents - a[1].incidents)
    .map(([s, r]) => `<tr><td>${esc(s.name)}</td><td>${esc(teamName(s.teamId))}</td><td>${r.incidents}</td>
      <td>${duration(r.timeToAcknowledge.medianSeconds)}</td><td>${duration(r.timeToResolve.medianSeconds)}</td></tr>`).join('')
    || '<tr><td colspan="5" class="muted">No services.</td></tr>';
  draw($('service-chart'), {
    tooltip: {}, grid: { left: 110, right: 20, top: 20, bottom: 30 },
    yAxis: { type: 'category', data: services.map(s => s.name) }, xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'incidents', data: perService.map(r => r.incidents) }],
  });
}
