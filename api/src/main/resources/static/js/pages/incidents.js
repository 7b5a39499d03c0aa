// The incident list (filters, paging, 30-day figures) and the declare form.
import { api, tryGet } from '../api.js';
import { $, esc, options, badge, duration, when, onSubmit, PRIORITIES, ENVIRONMENTS, STATUSES } from '../ui.js';

export async function list({ app, query }) {
  if (!query.has('limit')) query.set('limit', '25');
  const [page, stats] = await Promise.all([
    api('GET', '/incidents?' + query), tryGet('/analytics/incidents')]);
  const offset = Number(query.get('offset') || 0);
  const limit = Number(query.get('limit'));
  app.innerHTML = `
    <h1>Incidents</h1>
    ${stats ? `<p class="muted" id="stats">Last 30 days: ${stats.incidents} incidents ·
      median time to acknowledge ${duration(stats.timeToAcknowledge.medianSeconds)} ·
      median time to mitigate ${duration(stats.timeToMitigate.medianSeconds)} ·
      median time to resolve ${duration(stats.timeToResolve.medianSeconds)}</p>` : ''}
    <div class="filters">
      <select id="f-status" aria-label="status">${options(STATUSES, query.get('status'), 'any status')}</select>
      <select id="f-priority" aria-label="priority">${options(PRIORITIES, query.get('priority'), 'any priority')}</select>
      <select id="f-environment" aria-label="environment">${options(ENVIRONMENTS, query.get('environment'), 'any environment')}</select>
      <a class="button" href="#/declare">Declare an incident</a>
    </div>
    <div class="scroll"><table id="incidents">
      <thead><tr><th>#</th><th>Title</th><th>Priority</th><th>Env</th><th>Status</th><th>Declared</th></tr></thead>
      <tbody>${page.items.map(i => `
        <tr data-id="${i.id}">
          <td><a href="#/incidents/${i.id}">${i.id}</a></td>
          <td><a href="#/incidents/${i.id}">${esc(i.title)}</a></td>
          <td>${badge(i.priority)}</td><td>${esc(i.environment)}</td><td>${badge(i.status)}</td>
          <td>${when(i.createdAt)}</td>
        </tr>`).join('') || '<tr><td colspan="6" class="muted">No incidents.</td></tr>'}
      </tbody>
    </table></div>
    <div class="pager">
      <button id="prev" ${offset === 0 ? 'disabled' : ''}>Newer</button>
      <span class="muted">${page.total === 0 ? 0 : offset + 1}–${Math.min(offset + limit, page.total)} of ${page.total}</span>
      <button id="next" ${offset + limit >= page.total ? 'disabled' : ''}>Older</button>
    </div>`;
  const go = changes => {
    const next = new URLSearchParams(query);
    Object.entries(changes).forEach(([k, v]) => (v === '' ? next.delete(k) : next.set(k, v)));
    location.hash = '#/?' + next;
  };
  ['status', 'priority', 'environment'].forEach(name =>
    $('f-' + name).addEventListener('change', e => go({ [name]: e.target.value, offset: '' })));
  $('prev').onclick = () => go({ offset: String(Math.max(0, offset - limit)) });
  $('next').onclick = () => go({ offset: String(offset + limit) });
}

export async function declare({ app, query }) {
  const services = await tryGet('/services', []);
  app.innerHTML = `
    <h1>Declare an incident</h1>
    <form class="card" id="declare">
      <label for="title">Title</label><input id="title" name="title" maxlength="128" required>
      <label for="description">Description</label><textarea id="description" name="description"></textarea>
      <div class="row">
        <div><label for="priority">Priority</label><select id="priority" name="priority">${options(PRIORITIES, 'P3')}</select></div>
        <div><label for="environment">Environment</label><select id="environment" name="environment">${options(ENVIRONMENTS, 'PRD')}</select></div>
        <div><label for="category">Category</label><input id="category" name="category"></div>
        <div><label for="serviceId">Service (pages its escalation policy)</label>
          <select id="serviceId" name="serviceId">${options(services.map(s => [s.id, s.name]), query.get('service'), '—')}</select></div>
      </div>
      <label class="check"><input type="checkbox" name="private"> Private</label>
      <div id="declare-error"></div>
      <button type="submit">Declare</button>
    </form>`;
  onSubmit('declare', form => api('POST', '/incidents', {
    title: form.get('title'), description: form.get('description') || null,
    priority: form.get('priority'), environment: form.get('environment'),
    category: form.get('category') || null, private: form.get('private') === 'on',
    serviceId: form.get('serviceId') ? Number(form.get('serviceId')) : null,
  }), incident => { location.hash = '#/incidents/' + incident.id; });
}
