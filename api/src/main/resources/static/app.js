// Firebreak web UI: a small hash-routed page over the REST API (/api/v1).
const app = document.getElementById('app');
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];
const ENVIRONMENTS = ['PRD', 'STG', 'INT'];
const STATUSES = ['OPEN', 'INVESTIGATING', 'MITIGATING', 'MITIGATED', 'POST_MORTEM', 'CLOSED'];
const CLOSURE_REASONS = ['RESOLVED', 'DUPLICATE', 'FALSE_POSITIVE', 'SUPERSEDED', 'EXTERNAL', 'CANCELLED'];
let meta = { temporalUiUrl: '', namespace: 'default' };

function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// The session's CSRF token: Firebreak sets the XSRF-TOKEN cookie; unsafe calls echo it.
const csrfToken = () => (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1];

async function api(method, path, body) {
  const headers = { 'X-Firebreak-Channel': 'web', ...(body ? { 'Content-Type': 'application/json' } : {}) };
  if (method !== 'GET' && csrfToken()) headers['X-XSRF-TOKEN'] = decodeURIComponent(csrfToken());
  const response = await fetch('/api/v1' + path, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/session') {
    loginPage(data.detail);
    throw new Error(data.detail || 'log in first');
  }
  if (!response.ok) {
    const fields = (data.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    throw new Error(fields || data.detail || `${response.status} ${response.statusText}`);
  }
  return data;
}

const options = (values, selected, blank) =>
  (blank !== undefined ? `<option value="">${blank}</option>` : '') +
  values.map(v => `<option ${v === selected ? 'selected' : ''}>${v}</option>`).join('');
const badge = value => `<span class="badge ${esc(value)}">${esc(value)}</span>`;
const duration = seconds => {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 120) return Math.round(seconds) + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return (seconds / 3600).toFixed(1) + ' h';
};
const when = instant => (instant ? new Date(instant).toLocaleString() : '—');

async function listPage(params) {
  const query = new URLSearchParams(params);
  if (!query.has('limit')) query.set('limit', '25');
  const [page, stats] = await Promise.all([
    api('GET', '/incidents?' + query), api('GET', '/analytics/incidents').catch(() => null)]);
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
    </div>
    <table id="incidents">
      <thead><tr><th>#</th><th>Title</th><th>Priority</th><th>Env</th><th>Status</th><th>Declared</th></tr></thead>
      <tbody>${page.items.map(i => `
        <tr data-id="${i.id}">
          <td><a href="#/incidents/${i.id}">${i.id}</a></td>
          <td><a href="#/incidents/${i.id}">${esc(i.title)}</a></td>
          <td>${badge(i.priority)}</td><td>${esc(i.environment)}</td><td>${badge(i.status)}</td>
          <td>${when(i.createdAt)}</td>
        </tr>`).join('') || '<tr><td colspan="6" class="muted">No incidents.</td></tr>'}
      </tbody>
    </table>
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
    document.getElementById('f-' + name).addEventListener('change', e => go({ [name]: e.target.value, offset: '' })));
  document.getElementById('prev').onclick = () => go({ offset: String(Math.max(0, offset - limit)) });
  document.getElementById('next').onclick = () => go({ offset: String(offset + limit) });
}

function declarePage() {
  app.innerHTML = `
    <h1>Declare an incident</h1>
    <form class="card" id="declare">
      <label for="title">Title</label><input id="title" name="title" maxlength="128" required>
      <label for="description">Description</label><textarea id="description" name="description"></textarea>
      <div class="row">
        <div><label for="priority">Priority</label><select id="priority" name="priority">${options(PRIORITIES, 'P3')}</select></div>
        <div><label for="environment">Environment</label><select id="environment" name="environment">${options(ENVIRONMENTS, 'PRD')}</select></div>
        <div><label for="category">Category</label><input id="category" name="category"></div>
      </div>
      <label><input type="checkbox" name="private" style="width:auto"> Private</label>
      <div id="declare-error"></div>
      <button type="submit">Declare</button>
    </form>`;
  document.getElementById('declare').onsubmit = async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const incident = await api('POST', '/incidents', {
        title: form.get('title'), description: form.get('description') || null,
        priority: form.get('priority'), environment: form.get('environment'),
        category: form.get('category') || null, private: form.get('private') === 'on',
      });
      location.hash = '#/incidents/' + incident.id;
    } catch (e) {
      document.getElementById('declare-error').innerHTML = `<p class="error">${esc(e.message)}</p>`;
    }
  };
}

async function incidentPage(id) {
  const i = await api('GET', '/incidents/' + id);
  const temporalLink = meta.temporalUiUrl
    ? `<a id="temporal-link" href="${esc(meta.temporalUiUrl)}/namespaces/${esc(meta.namespace)}/workflows/${esc(i.workflowId)}" target="_blank" rel="noopener">Workflow in Temporal UI</a>`
    : `<span class="muted">workflow ${esc(i.workflowId)}</span>`;
  const events = Object.entries(i.keyEvents).map(([k, v]) => `<dt>${k}</dt><dd>${when(v)}</dd>`).join('');
  app.innerHTML = `
    <h1>#${i.id} ${esc(i.title)}</h1>
    <div class="card">
      <p>${badge(i.priority)} ${badge(i.status)} <span class="badge">${esc(i.environment)}</span>
         ${i.private ? '<span class="badge">private</span>' : ''} ${temporalLink}</p>
      <p>${esc(i.description || '')}</p>
      <dl>
        <dt>Category</dt><dd>${esc(i.category || '—')}</dd>
        <dt>Commander</dt><dd id="commander">${esc(i.roles.commander || '—')}</dd>
        <dt>Communication lead</dt><dd>${esc(i.roles.communicationLead || '—')}</dd>
        ${i.closureReason ? `<dt>Closure reason</dt><dd>${esc(i.closureReason)}</dd>` : ''}
        ${events}
      </dl>
    </div>
    ${i.status === 'CLOSED' ? '' : `
    <form class="card" id="status-form">
      <div class="row">
        <div><label for="status">New status</label><select id="status" name="status">${options(STATUSES.filter(s => s !== i.status), null)}</select></div>
        <div><label for="closureReason">Closure reason</label><select id="closureReason" name="closureReason">${options(CLOSURE_REASONS, null, '—')}</select></div>
      </div>
      <label for="message">Message</label><input id="message" name="message">
      <div id="status-error"></div>
      <button type="submit">Change status</button>
    </form>
    <form class="card" id="update-form">
      <label for="update">Add an update</label><textarea id="update" name="message" required></textarea>
      <div id="update-error"></div>
      <button type="submit">Post update</button>
    </form>`}
    <div class="card">
      <h2>Timeline</h2>
      <ol class="timeline" id="timeline">${i.timeline.map(e => `
        <li><span class="muted">${when(e.at)}</span> <strong>${esc(e.kind)}</strong> ${esc(e.message)}
            ${e.author ? `<span class="muted">— ${esc(e.author)}</span>` : ''}</li>`).join('')}</ol>
    </div>`;
  const submit = (formId, errorId, call) => {
    const form = document.getElementById(formId);
    if (!form) return;
    form.onsubmit = async event => {
      event.preventDefault();
      try {
        await call(new FormData(form));
        await incidentPage(id);
      } catch (e) {
        document.getElementById(errorId).innerHTML = `<p class="error">${esc(e.message)}</p>`;
      }
    };
  };
  submit('status-form', 'status-error', form => api('POST', `/incidents/${id}/status`, {
    status: form.get('status'), message: form.get('message') || null,
    closureReason: form.get('closureReason') || null,
  }));
  submit('update-form', 'update-error', form => api('POST', `/incidents/${id}/updates`, { message: form.get('message') }));
}

// Logging in: a password, or single sign-on when the server has OIDC configured.
let session = { authenticated: false };

function loginPage(message) {
  const error = message || new URLSearchParams((location.hash.split('?')[1]) || '').get('error');
  app.innerHTML = `
    <h1>Log in</h1>
    ${error ? `<p class="error" id="login-error">${esc(error)}</p>` : ''}
    ${session.oidcLoginUrl ? `<p><a class="button" id="sso" href="${esc(session.oidcLoginUrl)}">Log in with single sign-on</a></p>` : ''}
    <form id="login" class="card">
      <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
      <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Log in</button>
      <p class="error" id="password-error" hidden></p>
    </form>`;
  document.getElementById('login').addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      session = await api('POST', '/session', { email: form.get('email'), password: form.get('password') });
      showUser();
      meta = await api('GET', '/meta').catch(() => meta);
      location.hash = '#/';
      await route();
    } catch (e) {
      const box = document.getElementById('password-error');
      box.hidden = false;
      box.textContent = e.message;
    }
  });
}

function showUser() {
  const nav = document.querySelector('header nav');
  document.getElementById('who')?.remove();
  if (!session.authenticated) return;
  nav.insertAdjacentHTML('beforeend', `<span id="who" class="muted">${esc(session.name)} (${esc(session.role)})
    <a href="#/" id="logout">Log out</a></span>`);
  document.getElementById('logout').addEventListener('click', async event => {
    event.preventDefault();
    await api('DELETE', '/session').catch(() => {});
    session = await api('GET', '/session');
    showUser();
    loginPage();
  });
}

async function route() {
  if (!session.authenticated) return loginPage();
  const hash = location.hash || '#/';
  try {
    const incident = hash.match(/^#\/incidents\/(\d+)/);
    if (incident) return await incidentPage(incident[1]);
    if (hash.startsWith('#/declare')) return declarePage();
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    return await listPage(Object.fromEntries(new URLSearchParams(query)));
  } catch (e) {
    app.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

window.addEventListener('hashchange', route);
api('GET', '/session')
  .then(s => { session = s; showUser(); })
  .catch(() => {})
  .then(() => (session.authenticated ? api('GET', '/meta').then(m => (meta = m)).catch(() => {}) : null))
  .finally(route);
