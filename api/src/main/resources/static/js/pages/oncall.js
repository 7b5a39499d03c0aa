// Who is on call now: every schedule, every level of every escalation policy, and PagerDuty's
// on-calls beside them (from the last PagerDuty sync), with a "Page" button per service.
import { api } from '../api.js';
import { esc, byId } from '../ui.js';

const names = users => users.length ? users.map(u => esc(u.name)).join(', ') : '<span class="muted">nobody</span>';

export async function render({ app }) {
  const [schedules, policies, services, users, teams] = await Promise.all([
    api('GET', '/schedules'), api('GET', '/escalation-policies'), api('GET', '/services'),
    api('GET', '/users'), api('GET', '/teams')]);
  const onCall = byId(await Promise.all(schedules.map(s =>
    api('GET', `/schedules/${s.id}/oncall`).then(o => ({ id: s.id, users: o.users })))));
  const pagerDuty = await api('GET', '/pagerduty/oncall').catch(e => ({ error: e.message }));
  const userById = byId(users);
  const teamById = byId(teams);
  const target = t => {
    if (t.type === 'schedule') return `${esc(schedules.find(s => s.id === t.id)?.name || 'schedule ' + t.id)}: ${names(onCall[t.id]?.users || [])}`;
    if (t.type === 'user') return esc(userById[t.id]?.name || 'user ' + t.id);
    if (t.type === 'team') return `team ${esc(teamById[t.id]?.name || t.id)}: ${names((teamById[t.id]?.memberIds || []).map(m => userById[m] || { name: m }))}`;
    return `PagerDuty service ${esc(t.pagerdutyServiceId)}`;
  };
  app.innerHTML = `
    <h1>On call now</h1>
    <div class="columns">
      <section class="card" aria-labelledby="h-schedules">
        <h2 id="h-schedules">Schedules</h2>
        <table id="oncall-schedules"><thead><tr><th>Schedule</th><th>Time zone</th><th>On call</th></tr></thead><tbody>
        ${schedules.map(s => `<tr data-schedule="${s.id}"><td><a href="#/schedules/${s.id}">${esc(s.name)}</a></td>
          <td>${esc(s.timeZone)}</td><td>${names(onCall[s.id].users)}</td></tr>`).join('') || '<tr><td colspan="3" class="muted">No schedules.</td></tr>'}
        </tbody></table>
      </section>
      <section class="card" aria-labelledby="h-pd">
        <h2 id="h-pd">PagerDuty</h2>
        ${pagerDuty.error ? `<p class="muted" id="pagerduty-oncall">${esc(pagerDuty.error)}</p>` : `
        <table id="pagerduty-oncall"><thead><tr><th>Policy</th><th>Level</th><th>On call</th></tr></thead><tbody>
        ${pagerDuty.escalationPolicies.flatMap(p => p.levels.map(l => `<tr><td>${esc(p.name)}</td><td>${l.level}</td>
          <td>${l.onCall.map(o => esc(o.name) + (o.scheduleName ? ` <span class="muted">(${esc(o.scheduleName)})</span>` : '')).join(', ')}</td></tr>`)).join('')}
        </tbody></table>`}
      </section>
    </div>
    <section class="card" aria-labelledby="h-policies">
      <h2 id="h-policies">Escalation policies</h2>
      <table id="oncall-policies"><thead><tr><th>Policy</th><th>Level</th><th>After</th><th>Who</th></tr></thead><tbody>
      ${policies.flatMap(p => p.steps.map((s, n) => `<tr><td>${n === 0 ? `<a href="#/policies/${p.id}">${esc(p.name)}</a>` : ''}</td>
        <td>${n + 1}</td><td>${s.delayMinutes} min</td><td>${s.targets.map(target).join('<br>')}</td></tr>`)).join('')
        || '<tr><td colspan="4" class="muted">No policies.</td></tr>'}
      </tbody></table>
    </section>
    <section class="card" aria-labelledby="h-services">
      <h2 id="h-services">Services</h2>
      <table id="oncall-services"><thead><tr><th>Service</th><th>Policy</th><th></th></tr></thead><tbody>
      ${services.map(s => `<tr><td>${esc(s.name)}</td><td>${esc(policies.find(p => p.id === s.escalationPolicyId)?.name || '—')}</td>
        <td><a class="button" id="page-${s.id}" href="#/declare?service=${s.id}">Page</a></td></tr>`).join('')
        || '<tr><td colspan="3" class="muted">No services.</td></tr>'}
      </tbody></table>
    </section>`;
}
