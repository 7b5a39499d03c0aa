// Escalation policies: an editor for steps, targets and delays, and the simulator (the real
// escalation workflow on Temporal's time-skipping server) drawn as who is paged at which minute.
import { api } from '../api.js';
import { draw } from '../chart.js';
import { $, esc, options, onSubmit, utcInstant, utcLocal } from '../ui.js';

const TYPES = ['user', 'schedule', 'team', 'pagerduty'];

export async function render(ctx) {
  const { app, params: [chosen] } = ctx;
  const [policies, users, schedules, teams] = await Promise.all([
    api('GET', '/escalation-policies'), api('GET', '/users'), api('GET', '/schedules'), api('GET', '/teams')]);
  const choices = { user: users, schedule: schedules, team: teams };
  const id = chosen === undefined ? policies[0]?.id : Number(chosen);
  const policy = id ? policies.find(p => p.id === id) : null;
  // The draft being edited; the API validates it when saved.
  const draft = policy ? structuredClone(policy) : { name: '', repeat: 0, steps: [{ delayMinutes: 0, targets: [] }] };

  app.innerHTML = `
    <h1>Escalation policies</h1>
    <div class="filters">
      <label class="inline" for="policy-pick">Policy</label>
      <select id="policy-pick">${options(policies.map(p => [p.id, p.name]), id, 'new policy')}</select>
    </div>
    <div class="columns">
      <form class="card" id="policy">
        <h2>${policy ? 'Edit' : 'New'} policy</h2>
        <div class="row">
          <div><label for="p-name">Name</label><input id="p-name" name="name" required value="${esc(draft.name)}"></div>
          <div><label for="p-repeat">Repeat (times)</label><input id="p-repeat" name="repeat" type="number" min="0" value="${draft.repeat}"></div>
        </div>
        <ol id="steps" class="steps"></ol>
        <button type="button" id="add-step" class="secondary">Add step</button>
        <div id="policy-error"></div>
        <button type="submit">Save policy</button>
      </form>
      <form class="card" id="simulate">
        <h2>Simulator</h2>
        <div class="row">
          <div><label for="s-at">Incident opens at (UTC)</label><input type="datetime-local" id="s-at" name="at" value="${utcLocal(new Date().toISOString())}"></div>
          <div><label for="s-ack">Acknowledged after (min, empty: never)</label><input type="number" id="s-ack" name="ackAfterMinutes" min="0"></div>
        </div>
        <div id="simulate-error"></div>
        <button type="submit" ${policy ? '' : 'disabled'}>Simulate</button>
        <div class="chart" id="simulation-chart" role="img" aria-label="who is paged at which minute"></div>
        <table id="simulation"><thead><tr><th>Minute</th><th>Step</th><th>Round</th><th>Who</th><th>Via</th></tr></thead><tbody></tbody></table>
      </form>
    </div>`;

  const targetValue = (t, s, n) => t.type === 'pagerduty'
    ? `<input aria-label="PagerDuty service id" data-step="${s}" data-target="${n}" data-field="pagerdutyServiceId" value="${esc(t.pagerdutyServiceId || '')}">`
    : `<select aria-label="${t.type}" data-step="${s}" data-target="${n}" data-field="id">${options(choices[t.type].map(c => [c.id, c.name]), t.id, '—')}</select>`;
  const drawSteps = () => {
    $('steps').innerHTML = draft.steps.map((step, s) => `
      <li class="step"><div class="row">
        <div><label for="delay-${s}">Step ${s + 1}: wait (minutes) before the next step</label>
          <input type="number" min="0" id="delay-${s}" data-step="${s}" data-field="delayMinutes" value="${step.delayMinutes}"></div></div>
        <ul class="targets">${step.targets.map((t, n) => `<li>
          <select aria-label="target type" data-step="${s}" data-target="${n}" data-field="type">${options(TYPES, t.type)}</select>
          ${targetValue(t, s, n)}
          <button type="button" class="secondary" data-remove-target="${s}:${n}" aria-label="remove target">✕</button></li>`).join('')}</ul>
        <button type="button" class="secondary" data-add-target="${s}">Add target</button>
        <button type="button" class="secondary" data-remove-step="${s}">Remove step</button></li>`).join('');
  };
  drawSteps();
  $('steps').addEventListener('change', e => {
    const { step, target, field } = e.target.dataset;
    if (field === undefined) return;
    const value = e.target.value;
    if (target === undefined) draft.steps[step][field] = Number(value);
    else {
      const t = draft.steps[step].targets[target];
      if (field === 'type') { draft.steps[step].targets[target] = { type: value }; drawSteps(); }
      else t[field] = field === 'id' ? (value ? Number(value) : null) : value;
    }
  });
  $('steps').addEventListener('click', e => {
    const d = e.target.dataset;
    if (d.addTarget !== undefined) draft.steps[d.addTarget].targets.push({ type: 'schedule', id: schedules[0]?.id ?? null });
    else if (d.removeStep !== undefined) draft.steps.splice(Number(d.removeStep), 1);
    else if (d.removeTarget !== undefined) { const [s, n] = d.removeTarget.split(':'); draft.steps[s].targets.splice(Number(n), 1); }
    else return;
    drawSteps();
  });
  $('add-step').onclick = () => { draft.steps.push({ delayMinutes: 5, targets: [] }); drawSteps(); };
  $('policy-pick').onchange = e => { location.hash = '#/policies' + (e.target.value ? '/' + e.target.value : '/0'); };

  onSubmit('policy', form => {
    const body = { name: form.get('name'), repeat: Number(form.get('repeat') || 0), steps: draft.steps.map(s => ({
      delayMinutes: s.delayMinutes, targets: s.targets.map(t => t.type === 'pagerduty'
        ? { type: t.type, pagerdutyServiceId: t.pagerdutyServiceId } : { type: t.type, id: t.id }) })) };
    return policy ? api('PUT', '/escalation-policies/' + policy.id, body) : api('POST', '/escalation-policies', body);
  }, saved => {
    if (policy) { Object.assign(policy, saved); $('policy-error').innerHTML = '<p class="ok" role="status">Saved.</p>'; }
    else location.hash = '#/policies/' + saved.id;
  });

  onSubmit('simulate', form => api('POST', `/escalation-policies/${policy.id}/simulate`, {
    at: utcInstant(form.get('at')),
    ackAfterMinutes: form.get('ackAfterMinutes') === '' ? null : Number(form.get('ackAfterMinutes')),
  }), simulation => {
    const rows = simulation.notifications;
    const who = [...new Set(rows.map(r => r.userName))];
    draw($('simulation-chart'), {
      grid: { left: 120, right: 50, top: 20, bottom: 40 },
      tooltip: { formatter: p => `${p.data.name}: minute ${p.data.value[0]} (step ${p.data.step + 1})` },
      xAxis: { type: 'value', name: 'minute', minInterval: 1 },
      yAxis: { type: 'category', data: who, inverse: true },
      series: [{ type: 'scatter', symbolSize: 14,
        data: rows.map(r => ({ name: r.userName, step: r.step, value: [r.atMinute, who.indexOf(r.userName)] })) }],
    });
    $('simulation').tBodies[0].innerHTML = rows.map(r => `<tr><td>${r.atMinute}</td><td>${r.step + 1}</td>
      <td>${r.loop + 1}</td><td>${esc(r.userName)}</td><td>${esc(r.via)}</td></tr>`).join('')
      || '<tr><td colspan="5" class="muted">Nobody would be paged.</td></tr>';
  });
}
