// Firebreak's web app: plain ES modules, one per page, behind a small hash router. Every page
// reads and changes through the REST API (js/api.js); there is no build step.
import { api } from './js/api.js';
import { disposeAll } from './js/chart.js';
import { errorBox } from './js/ui.js';
import { session, load, loginPage } from './js/session.js';
import * as incidents from './js/pages/incidents.js';
import * as incident from './js/pages/incident.js';
import * as oncall from './js/pages/oncall.js';
import * as schedules from './js/pages/schedules.js';
import * as policies from './js/pages/policies.js';
import * as services from './js/pages/services.js';
import * as people from './js/pages/people.js';
import * as alerts from './js/pages/alerts.js';
import * as analytics from './js/pages/analytics.js';
import * as backoffice from './js/pages/backoffice.js';

const app = document.getElementById('app');
const meta = { temporalUiUrl: '', namespace: 'default' };

/** [pattern, page]: the first match renders; groups of the pattern are passed on. */
const ROUTES = [
  [/^#\/incidents\/(\d+)/, incident.render],
  [/^#\/declare/, incidents.declare],
  [/^#\/oncall/, oncall.render],
  [/^#\/schedules(?:\/(\d+))?/, schedules.render],
  [/^#\/policies(?:\/(\d+))?/, policies.render],
  [/^#\/services/, services.render],
  [/^#\/people/, people.render],
  [/^#\/alerts/, alerts.render],
  [/^#\/analytics/, analytics.render],
  [/^#\/backoffice/, backoffice.render],
  [/^#\/?/, incidents.list],
];

let leave = () => {};

async function route() {
  leave();
  leave = () => {};
  disposeAll();
  if (!session.authenticated) return loginPage(app, null, start);
  const hash = location.hash || '#/';
  const query = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  document.querySelectorAll('header nav a').forEach(a =>
    a.setAttribute('aria-current', hash.startsWith(a.getAttribute('href')) && a.getAttribute('href') !== '#/' ? 'page' : 'false'));
  const [pattern, page] = ROUTES.find(([p]) => p.test(hash));
  const ctx = {
    app, meta, query, params: hash.match(pattern).slice(1),
    /** A page's timers and listeners stop when the page is left. */
    onLeave: fn => { const before = leave; leave = () => { before(); fn(); }; },
  };
  try {
    await page(ctx);
  } catch (e) {
    if (e.status !== 401) app.innerHTML = errorBox(e); // a 401 shows the login page instead
  }
  app.focus({ preventScroll: true });
}

/** Once logged in: what the deployment is (Temporal UI's address), then the page asked for. */
async function start() {
  if (session.authenticated) Object.assign(meta, await api('GET', '/meta').catch(() => ({})));
  return route();
}

window.addEventListener('hashchange', route);
window.addEventListener('firebreak:login', e => {
  session.authenticated = false;
  leave();
  loginPage(app, e.detail, start);
});
document.getElementById('menu').addEventListener('click', () =>
  document.body.classList.toggle('menu-open'));
load().then(start);
