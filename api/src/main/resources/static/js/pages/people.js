// People and teams: the directory, and who belongs to which team.
import { api } from '../api.js';
import { $, esc, options, byId, onSubmit } from '../ui.js';
import { session } from '../session.js';
import { contacts } from './contacts.js';

export async function render(ctx) {
  const { app } = ctx;
  const [users, teams] = await Promise.all([api('GET', '/users'), api('GET', '/teams')]);
  const userById = byId(users);
  app.innerHTML = `
    <h1>People and teams</h1>
    ${session.userId ? '<section class="card" id="contacts"></section>' : ''}
    <div class="columns">
      <section class="card"><h2>People</h2><div class="scroll">
        <table id="users"><thead><tr><th>Name</th><th>Email</th><th>Slack</th><th>Time zone</th></tr></thead><tbody>
        ${users.map(u => `<tr><td>${esc(u.name)}</td><td>${esc(u.email || '—')}</td><td>${esc(u.slackUserId || '—')}</td>
          <td>${esc(u.timeZone || '—')}</td></tr>`).join('') || '<tr><td colspan="4" class="muted">Nobody yet.</td></tr>'}
        </tbody></table></div>
        <form id="user">
          <h3>Add a person</h3>
          <div class="row">
            <div><label for="u-name">Name</label><input id="u-name" name="name" required></div>
            <div><label for="u-email">Email</label><input id="u-email" name="email" type="email" required></div>
            <div><label for="u-slack">Slack user id</label><input id="u-slack" name="slackUserId"></div>
            <div><label for="u-tz">Time zone</label><input id="u-tz" name="timeZone" placeholder="Europe/Paris"></div>
          </div>
          <div id="user-error"></div><button type="submit">Add person</button>
        </form>
      </section>
      <section class="card"><h2>Teams</h2>
        <ul id="teams" class="plain">${teams.map(t => `<li><strong>${esc(t.name)}</strong> <span class="muted">${esc(t.description || '')}</span>
          <div>${t.memberIds.map(m => esc(userById[m]?.name || m)).join(', ') || '<span class="muted">no members</span>'}</div></li>`).join('')
          || '<li class="muted">No teams.</li>'}</ul>
        <form id="member">
          <h3>Add to a team</h3>
          <div class="row">
            <div><label for="t-team">Team</label><select id="t-team" name="team">${options(teams.map(t => [t.id, t.name]))}</select></div>
            <div><label for="t-user">Person</label><select id="t-user" name="userId">${options(users.map(u => [u.id, u.name]))}</select></div>
          </div>
          <div id="member-error"></div><button type="submit">Add member</button>
        </form>
      </section>
    </div>`;
  onSubmit('user', form => api('POST', '/users', {
    name: form.get('name'), email: form.get('email') || null,
    slackUserId: form.get('slackUserId') || null, timeZone: form.get('timeZone') || null,
  }), () => render(ctx));
  onSubmit('member', form => api('POST', `/teams/${form.get('team')}/members`, { userId: Number(form.get('userId')) }),
    () => render(ctx));
  if (!teams.length) $('member').hidden = true;
  if (session.userId) await contacts($('contacts'), session.userId, () => render(ctx));
}
