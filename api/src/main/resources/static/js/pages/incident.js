// One incident: summary, roles, key events, details, acknowledge, escalate, and a timeline that
// polls the API so that changes from Slack, phones or other people appear without a reload.
import { api, tryGet } from '../api.js';
import { $, esc, options, badge, when, onSubmit, utcInstant, utcLocal, byId,
  PRIORITIES, ENVIRONMENTS, STATUSES, CLOSURE_REASONS } from '../ui.js';

const POLL_MS = 3000;
const KEY_EVENTS = ['started', 'detected', 'declared', 'acknowledged', 'mitigated', 'recovered', 'resolved'];
const EDITABLE_KEY_EVENTS = KEY_EVENTS.filter(k => k !== 'acknowledged');

const summary = (i, meta) => {
  const temporal = meta.temporalUiUrl
    ? `<a id="temporal-link" href="${esc(meta.temporalUiUrl)}/namespaces/${esc(meta.namespace)}/workflows/${esc(i.workflowId)}" target="_blank" rel="noopener">Workflow in Temporal UI</a>`
    : `<span class="muted">workflow ${esc(i.workflowId)}</span>`;
  const events = KEY_EVENTS.filter(k => i.keyEvents[k])
    .map(k => `<dt>${k}</dt><dd>${when(i.keyEvents[k])}</dd>`).join('');
  return `
    <p>${badge(i.priority)} ${badge(i.status)} <span class="badge">${esc(i.environment)}</span>
       ${i.private ? '<span class="badge">private</span>' : ''} ${temporal}
       ${i.jiraTicketUrl ? `<a href="${esc(i.jiraTicketUrl)}" target="_blank" rel="noopener">${esc(i.jiraTicketKey)}</a>` : ''}
       ${i.postmortemUrl ? `<a href="${esc(i.postmortemUrl)}" target="_blank" rel="noopener">Postmortem</a>` : ''}</p>
    <p>${esc(i.description || '')}</p>
    <dl>
      <dt>Category</dt><dd>${esc(i.category || '—')}</dd>
      <dt>Commander</dt><dd id="commander">${esc(i.roles.commander || '—')}</dd>
      <dt>Communication lead</dt><dd id="communication-lead">${esc(i.roles.communicationLead || '—')}</dd>
      ${i.closureReason ? `<dt>Closure reason</dt><dd>${esc(i.closureReason)}</dd>` : ''}
      ${events}
    </dl>`;
};

const PHASES = {
  NONE: 'No escalation runs: escalate to page a policy.',
  STARTING: 'The escalation is starting.',
  ACKNOWLEDGED: 'Acknowledged: nobody else is paged.',
  EXHAUSTED: 'Every step was paged and nobody acknowledged.',
  STOPPED: 'The escalation stopped (resolved, or replaced by another).',
  ENDED: 'The escalation ended.',
};

const inMinutes = due => {
  const min = Math.round((new Date(due) - Date.now()) / 60000);
  return min <= 0 ? 'now' : `in ${min} min`;
};

/** The notification rules still due for people already paged (when the API has them). */
const dueSends = (sends, users) => {
  const due = (sends || []).filter(n => n.status === 'due' || n.status === 'pending');
  return due.length ? `<h3>Notification rules due</h3><ol class="plain" id="due-notifications">${due.map(n => `
    <li><strong>${inMinutes(n.dueAt)}</strong> · ${esc(users[n.userId]?.name || 'user ' + n.userId)}: ${esc(n.channel)} ${esc(n.label || '')}</li>`).join('')}</ol>` : '';
};

/** "What happens next", as the running escalation workflow tells it. */
const next = (o, sends, users) => dueSends(sends, users) + `
  <p>${o.policyName ? `Policy <strong>${esc(o.policyName)}</strong>` : ''}
    ${o.step ? `· step ${o.step} of round ${o.round} paged` : ''}
    ${o.acknowledgedBy ? `· acknowledged by ${esc(o.acknowledgedBy)}` : ''}</p>
  ${o.next.length ? `<ol class="plain" id="next-pages">${o.next.map(p => `
    <li><strong>${inMinutes(p.due)}</strong> <span class="muted">(${when(p.due)})</span> · step ${p.step}, round ${p.round}:
      ${[...p.people.map(esc), ...p.pagerdutyServices.map(s => 'PagerDuty ' + esc(s))].join(', ') || '<span class="muted">nobody on call</span>'}</li>`).join('')}</ol>
    ${o.estimated ? '<p class="muted small">Times are estimates: the escalation was sped up or started again.</p>' : ''}`
    : `<p class="muted">${esc(PHASES[o.phase] || o.phase)}</p>`}`;

const timeline = i => i.timeline.map(e => `
  <li><time class="muted" datetime="${esc(e.at)}">${when(e.at)}</time> <strong>${esc(e.kind)}</strong> ${esc(e.message)}
      ${e.author ? `<span class="muted">— ${esc(e.author)}</span>` : ''}</li>`).join('');

const forms = (i, policies) => i.status === 'CLOSED' ? '' : `
  <div class="actions card">
    <button id="acknowledge" type="button" ${i.keyEvents.acknowledged ? 'disabled' : ''}>Acknowledge</button>
    <div id="acknowledge-error"></div>
  </div>
  <form class="card" id="escalate">
    <h2>Escalate</h2>
    <div class="row">
      <div><label for="policyId">Firebreak policy</label>
        <select id="policyId" name="policyId">${options(policies.map(p => [p.id, p.name]), null, 'next step of the running escalation')}</select></div>
      <div><label for="pagerdutyServiceId">or PagerDuty service id</label><input id="pagerdutyServiceId" name="pagerdutyServiceId" placeholder="PXXXXXX"></div>
    </div>
    <div id="escalate-error"></div><div id="escalate-result" class="muted" aria-live="polite"></div>
    <button type="submit">Escalate</button>
  </form>
  <form class="card" id="status-form">
    <h2>Status</h2>
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
  </form>
  <details class="card"><summary>Roles</summary>
    <form id="roles">
      <div class="row">
        <div><label for="role-commander">Commander</label><input id="role-commander" name="commander" value="${esc(i.roles.commander || '')}"></div>
        <div><label for="role-lead">Communication lead</label><input id="role-lead" name="communicationLead" value="${esc(i.roles.communicationLead || '')}"></div>
      </div>
      <div id="roles-error"></div><button type="submit">Assign roles</button>
    </form></details>
  <details class="card"><summary>Key events (UTC)</summary>
    <form id="key-events"><div class="row">${EDITABLE_KEY_EVENTS.map(k => `
      <div><label for="ke-${k}">${k}</label><input type="datetime-local" id="ke-${k}" name="${k}" value="${utcLocal(i.keyEvents[k])}"></div>`).join('')}
      </div><div id="key-events-error"></div><button type="submit">Save key events</button>
    </form></details>
  <details class="card"><summary>Details</summary>
    <form id="details">
      <label for="d-title">Title</label><input id="d-title" name="title" value="${esc(i.title)}" maxlength="128">
      <label for="d-description">Description</label><textarea id="d-description" name="description">${esc(i.description || '')}</textarea>
      <div class="row">
        <div><label for="d-priority">Priority</label><select id="d-priority" name="priority">${options(PRIORITIES, i.priority)}</select></div>
        <div><label for="d-environment">Environment</label><select id="d-environment" name="environment">${options(ENVIRONMENTS, i.environment)}</select></div>
        <div><label for="d-category">Category</label><input id="d-category" name="category" value="${esc(i.category || '')}"></div>
      </div>
      <div id="details-error"></div><button type="submit">Save details</button>
    </form></details>`;

export async function render(ctx) {
  const { app, meta, params: [id] } = ctx;
  const [i, policies, outlook, sends, userList] = await Promise.all([api('GET', '/incidents/' + id),
    tryGet('/escalation-policies', []), tryGet(`/incidents/${id}/escalation`),
    tryGet(`/incidents/${id}/notifications`), tryGet('/users', [])]);
  const users = byId(userList);
  app.innerHTML = `
    <h1>#${i.id} ${esc(i.title)}</h1>
    <div class="columns">
      <div>
        <div class="card" id="summary">${summary(i, meta)}</div>
        ${forms(i, policies)}
      </div>
      <div>
        <section class="card" aria-labelledby="h-next">
          <h2 id="h-next">What happens next</h2>
          <div id="next" aria-live="polite">${outlook ? next(outlook, sends, users) : '<p class="muted">—</p>'}</div>
        </section>
        <section class="card" aria-labelledby="h-timeline">
          <h2 id="h-timeline">Timeline <span class="muted small" id="live">live</span></h2>
          <ol class="timeline" id="timeline" aria-live="polite">${timeline(i)}</ol>
        </section>
      </div>
    </div>`;

  let shown = i;
  const refresh = async () => {
    const [now, nextOutlook, nextSends] = await Promise.all([api('GET', '/incidents/' + id),
      tryGet(`/incidents/${id}/escalation`), sends ? tryGet(`/incidents/${id}/notifications`) : null]);
    if (nextOutlook) $('next').innerHTML = next(nextOutlook, nextSends, users);
    if (now.status !== shown.status || !!now.keyEvents.acknowledged !== !!shown.keyEvents.acknowledged) {
      return render(ctx); // the forms depend on the status
    }
    if (now.timeline.length !== shown.timeline.length) $('timeline').innerHTML = timeline(now);
    $('summary').innerHTML = summary(now, meta);
    shown = now;
  };
  const timer = setInterval(() => refresh().catch(() => { const live = $('live'); if (live) live.textContent = 'offline'; }), POLL_MS);
  ctx.onLeave(() => clearInterval(timer));
  const done = () => { clearInterval(timer); return render(ctx); };

  const ack = $('acknowledge');
  if (ack) ack.onclick = async () => {
    try { await api('POST', `/incidents/${id}/acknowledge`, {}); await done(); }
    catch (e) { $('acknowledge-error').innerHTML = `<p class="error">${esc(e.message)}</p>`; }
  };
  onSubmit('escalate', form => {
    const pd = (form.get('pagerdutyServiceId') || '').trim();
    return api('POST', `/incidents/${id}/escalate`, pd ? { pagerdutyServiceId: pd }
      : { policyId: form.get('policyId') ? Number(form.get('policyId')) : null });
  }, result => {
    $('escalate-result').textContent = result.pagerdutyServiceId
      ? `PagerDuty ${result.status.toLowerCase()}` : 'Escalated';
    return refresh();
  });
  onSubmit('status-form', form => api('POST', `/incidents/${id}/status`, {
    status: form.get('status'), message: form.get('message') || null,
    closureReason: form.get('closureReason') || null,
  }), done, 'status-error');
  onSubmit('update-form', form => api('POST', `/incidents/${id}/updates`, { message: form.get('message') }), done, 'update-error');
  onSubmit('roles', form => api('PUT', `/incidents/${id}/roles`, {
    commander: form.get('commander'), communicationLead: form.get('communicationLead'),
  }), done);
  onSubmit('key-events', form => api('PUT', `/incidents/${id}/key-events`,
    Object.fromEntries(EDITABLE_KEY_EVENTS.map(k => [k, utcInstant(form.get(k))]))), done);
  onSubmit('details', form => api('PATCH', `/incidents/${id}`, {
    title: form.get('title'), description: form.get('description'), priority: form.get('priority'),
    environment: form.get('environment'), category: form.get('category'),
  }), done);
}
