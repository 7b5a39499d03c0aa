// Alerts: alert groups by service and status with their counts, and the last events of one.
import { api } from '../api.js';
import { $, esc, options, badge, byId, when } from '../ui.js';

const STATUSES = ['TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED'];

export async function render(ctx) {
  const { app, query } = ctx;
  const filter = new URLSearchParams({ limit: '100' });
  ['serviceId', 'status'].forEach(k => query.get(k) && filter.set(k, query.get(k)));
  const [page, services] = await Promise.all([api('GET', '/alerts?' + filter), api('GET', '/services')]);
  const serviceById = byId(services);
  const counts = {};
  page.items.forEach(a => {
    const key = `${serviceById[a.serviceId]?.name || a.serviceId} · ${a.status}`;
    counts[key] = (counts[key] || 0) + 1;
  });
  app.innerHTML = `
    <h1>Alerts</h1>
    <div class="filters">
      <select id="a-service" aria-label="service">${options(services.map(s => [s.id, s.name]), query.get('serviceId'), 'any service')}</select>
      <select id="a-status" aria-label="status">${options(STATUSES, query.get('status'), 'any status')}</select>
    </div>
    <p id="alert-counts">${Object.entries(counts).map(([k, n]) => `<span class="badge">${esc(k)}: ${n}</span>`).join(' ') || '<span class="muted">No alert groups.</span>'}
      <span class="muted">(${page.total} in all)</span></p>
    <div class="columns">
      <div class="scroll"><table id="alerts"><thead><tr><th>Summary</th><th>Service</th><th>Status</th><th>Events</th><th>Last</th><th>Incident</th></tr></thead><tbody>
      ${page.items.map(a => `<tr><td><button type="button" class="link" data-alert="${a.id}">${esc(a.summary)}</button></td>
        <td>${esc(serviceById[a.serviceId]?.name || a.serviceId)}</td><td>${badge(a.status)}</td><td>${a.count}</td>
        <td>${when(a.lastAt)}</td><td>${a.incidentId ? `<a href="#/incidents/${a.incidentId}">#${a.incidentId}</a>` : '—'}</td></tr>`).join('')}
      </tbody></table></div>
      <section class="card" id="alert-detail" aria-live="polite"><p class="muted">Pick an alert to see its last events.
        Acknowledge and resolve it from its incident, or from the tool that sent it.</p></section>
    </div>`;
  const go = (k, v) => { const q = new URLSearchParams(query); v ? q.set(k, v) : q.delete(k); location.hash = '#/alerts?' + q; };
  $('a-service').onchange = e => go('serviceId', e.target.value);
  $('a-status').onchange = e => go('status', e.target.value);
  app.querySelectorAll('[data-alert]').forEach(b => b.addEventListener('click', async () => {
    const a = await api('GET', '/alerts/' + b.dataset.alert);
    $('alert-detail').innerHTML = `<h2>${esc(a.summary)}</h2>
      <p>${badge(a.status)} ${a.priority ? badge(a.priority) : ''} <span class="muted">${esc(a.source || '')}</span> · dedup key <code>${esc(a.dedupKey)}</code></p>
      <ol class="timeline">${a.events.map(e => `<li><span class="muted">${when(e.at)}</span> <strong>${esc(e.action)}</strong>
        ${e.count > 1 ? `×${e.count}` : ''} ${esc(e.summary || '')}</li>`).join('')}</ol>`;
  }));
}
