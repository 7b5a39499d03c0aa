// Back-office: Slack conversation tags and user groups, the scheduled syncs with "run now", and
// which integrations are on.
import { api } from '../api.js';
import { $, esc, onSubmit, errorBox } from '../ui.js';

const SYNCS = [
  ['slack', 'Slack conversations and user groups', '/slack/sync'],
  ['pagerduty', 'PagerDuty services, schedules and on-calls', '/syncs/pagerduty'],
  ['confluence', 'Confluence on-call page', '/syncs/confluence-oncall'],
];

export async function render(ctx) {
  const { app } = ctx;
  const [conversations, usergroups] = await Promise.all([
    api('GET', '/slack/conversations').catch(e => ({ error: e.message })),
    api('GET', '/slack/usergroups').catch(e => ({ error: e.message }))]);
  const groups = (list, kind) => list.error ? `<p class="muted">${esc(list.error)}</p>` : `
    <table id="${kind}"><thead><tr><th>Name</th><th>Tag</th><th>Categories</th></tr></thead><tbody>
    ${list.map(g => `<tr><td>${esc(g.name)}</td><td>${esc(g.tag || '—')}</td><td>${esc((g.categories || []).join(', ') || '—')}</td></tr>`).join('')
      || '<tr><td colspan="3" class="muted">None yet: run the Slack sync.</td></tr>'}</tbody></table>`;
  app.innerHTML = `
    <h1>Back-office</h1>
    <section class="card"><h2>Scheduled syncs</h2>
      <table id="syncs"><thead><tr><th>Sync</th><th></th><th>Last run from here</th></tr></thead><tbody>
      ${SYNCS.map(([id, label]) => `<tr><td>${esc(label)}</td><td><button type="button" data-sync="${id}">Run now</button></td>
        <td id="sync-${id}" aria-live="polite" class="muted">—</td></tr>`).join('')}
      </tbody></table>
      <p class="muted small">Their Temporal Schedules (next run, pause) are in Temporal UI.</p>
    </section>
    <div class="columns">
      <section class="card"><h2>Slack conversations</h2>${groups(conversations, 'conversations')}
        <form id="tag"><h3>Tag a conversation</h3>
          <div class="row"><div><label for="tag-channel">Channel id</label><input id="tag-channel" name="channel" required></div>
          <div><label for="tag-tag">Tag</label><input id="tag-tag" name="tag" placeholder="tech_incidents"></div>
          <div><label for="tag-categories">Categories (comma separated)</label><input id="tag-categories" name="categories"></div></div>
          <div id="tag-error"></div><button type="submit">Save tag</button>
        </form>
      </section>
      <section class="card"><h2>Slack user groups</h2>${groups(usergroups, 'usergroups')}</section>
    </div>`;
  app.querySelectorAll('[data-sync]').forEach(b => b.addEventListener('click', async () => {
    const [id, , path] = SYNCS.find(s => s[0] === b.dataset.sync);
    const cell = $('sync-' + id);
    b.disabled = true;
    cell.textContent = 'running…';
    try {
      const report = await api('POST', path);
      cell.textContent = `done ${new Date().toLocaleTimeString()}: ${JSON.stringify(report)}`;
    } catch (e) {
      cell.innerHTML = errorBox(e);
    } finally {
      b.disabled = false;
    }
  }));
  onSubmit('tag', form => api('PUT', '/slack/conversations/' + encodeURIComponent(form.get('channel')), {
    tag: form.get('tag') || null,
    categories: (form.get('categories') || '').split(',').map(s => s.trim()).filter(Boolean),
  }), () => render(ctx));
}
