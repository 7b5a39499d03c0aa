// Schedules: the final shifts over days or weeks as a timeline (overrides on their own lane,
// layers listed apart), and overrides made from the timeline: click a shift, pick who covers.
import { api } from '../api.js';
import { timeline, colorOf } from '../chart.js';
import { $, esc, options, byId, onSubmit, utcInstant, utcLocal, when } from '../ui.js';

const DAY = 86400000;

/** The UTC offset of `zone` at `ms`, as Intl names it ("GMT+1"). */
const offsetAt = (zone, ms) => new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
  .formatToParts(ms).find(p => p.type === 'timeZoneName').value;

/** Where the time zone's offset changes in [from, to): daylight-saving starts and ends. */
function offsetChanges(zone, from, to) {
  const marks = [];
  let before = offsetAt(zone, from);
  for (let t = from + 3600000; t < to; t += 3600000) {
    const now = offsetAt(zone, t);
    if (now !== before) marks.push({ at: t, label: `${before} → ${now}` });
    before = now;
  }
  return marks;
}

const rotation = r => typeof r === 'string' ? r : `every ${r.hours} h`;

export async function render(ctx) {
  const { app, params: [chosen], query } = ctx;
  const [schedules, users] = await Promise.all([api('GET', '/schedules'), api('GET', '/users')]);
  if (!schedules.length) {
    app.innerHTML = '<h1>Schedules</h1><p class="muted">No schedules yet (POST /api/v1/schedules).</p>';
    return;
  }
  const id = Number(chosen || schedules[0].id);
  const schedule = schedules.find(s => s.id === id) || await api('GET', '/schedules/' + id);
  const days = Number(query.get('days') || 7);
  const from = query.get('from') ? new Date(query.get('from') + 'T00:00:00Z') : new Date(Math.floor(Date.now() / DAY) * DAY);
  const to = new Date(from.getTime() + days * DAY);
  const userById = byId(users);
  app.innerHTML = `
    <h1>Schedules</h1>
    <div class="filters">
      <label class="inline" for="schedule-pick">Schedule</label>
      <select id="schedule-pick">${options(schedules.map(s => [s.id, s.name]), id)}</select>
      <label class="inline" for="days">Span</label>
      <select id="days">${options([[7, '1 week'], [14, '2 weeks'], [28, '4 weeks']], days)}</select>
    </div>
    <p>Time zone <strong id="time-zone">${esc(schedule.timeZone)}</strong> (now ${esc(offsetAt(schedule.timeZone, Date.now()))});
      the timeline is drawn in UTC, with daylight-saving changes as dashed lines.
      Click a shift to cover it with an override.</p>
 <p id="dst" class="muted small"></p>
    <div class="chart tall" id="shift-chart" role="img" aria-label="final shifts of ${esc(schedule.name)}"></div>
    <div class="columns">
      <form class="card" id="override">
        <h2>Add an override (UTC)</h2>
        <label for="o-user">Who</label><select id="o-user" name="userId">${options(users.map(u => [u.id, u.name]))}</select>
        <div class="row">
          <div><label for="o-start">From</label><input type="datetime-local" id="o-start" name="start" required></div>
          <div><label for="o-end">To</label><input type="datetime-local" id="o-end" name="end" required></div>
        </div>
        <div id="override-error"></div>
        <button type="submit">Add override</button>
      </form>
      <section class="card"><h2>Layers</h2>
        <table id="layers"><thead><tr><th>Layer</th><th>Rotation</th><th>People</th><th>Restrictions</th></tr></thead><tbody>
        ${schedule.layers.map(l => `<tr><td>${esc(l.name)}</td><td>${esc(rotation(l.rotation))} from ${esc(l.start)}</td>
          <td>${l.users.map(u => esc(userById[u]?.name || u)).join(' → ')}</td>
          <td>${l.restrictions.map(r => `${esc(r.days.join(','))} ${esc(r.from)}–${esc(r.to)}`).join('<br>') || '—'}</td></tr>`).join('')}
        </tbody></table>
      </section>
    </div>
    <section class="card"><h2>Final shifts</h2>
      <table id="shifts"><thead><tr><th>From</th><th>To</th><th>On call</th></tr></thead><tbody></tbody></table>
    </section>`;

  const changes = offsetChanges(schedule.timeZone, from.getTime(), to.getTime());
  $('dst').textContent = changes.length
    ? 'Daylight saving: ' + changes.map(c => `${when(new Date(c.at).toISOString())} (${c.label})`).join(', ') : '';
  const draw = async () => {
    const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const [shifts, overrides] = await Promise.all([
      api('GET', `/schedules/${id}/shifts?${range}`), api('GET', `/schedules/${id}/overrides?${range}`)]);
    const clip = t => Math.min(Math.max(new Date(t).getTime(), from.getTime()), to.getTime());
    const bars = shifts.shifts.filter(s => s.users.length).map(s => {
      const who = s.users.map(u => u.name).join(', ');
      return { lane: 0, start: clip(s.start), end: clip(s.end), label: who, color: colorOf(who), shift: s };
    }).concat(overrides.map(o => {
      const who = userById[o.userId]?.name || String(o.userId);
      return { lane: 1, start: clip(o.start), end: clip(o.end), label: who, color: '#c11574', shift: o };
    }));
    timeline($('shift-chart'), ['Final', 'Overrides'], bars, {
      min: from.getTime(), max: to.getTime(), marks: changes,
      onClick: bar => {
        $('o-start').value = utcLocal(new Date(bar.start).toISOString());
        $('o-end').value = utcLocal(new Date(bar.end).toISOString());
        $('o-user').focus();
      },
    });
    $('shifts').tBodies[0].innerHTML = shifts.shifts.map(s => `<tr><td>${when(s.start)}</td><td>${when(s.end)}</td>
      <td>${s.users.map(u => esc(u.name)).join(', ') || '<span class="muted">nobody</span>'}</td></tr>`).join('');
  };
  await draw();
  $('schedule-pick').onchange = e => { location.hash = `#/schedules/${e.target.value}?days=${days}`; };
  $('days').onchange = e => { location.hash = `#/schedules/${id}?days=${e.target.value}&from=${from.toISOString().slice(0, 10)}`; };
  onSubmit('override', form => api('POST', `/schedules/${id}/overrides`, {
    userId: Number(form.get('userId')), start: utcInstant(form.get('start')), end: utcInstant(form.get('end')),
  }), draw);
}
