// Who is logged in, the login page (a password, or single sign-on when the server has OIDC), and
// logging out. The API answers 401 when the session is gone; js/api.js then asks for a login.
import { api } from './api.js';
import { $, esc, onSubmit } from './ui.js';

export const session = { authenticated: false };

export async function load() {
  Object.assign(session, await api('GET', '/session').catch(() => ({ authenticated: false })));
  showUser();
  return session;
}

function showUser() {
  $('who')?.remove();
  if (!session.authenticated) return;
  document.querySelector('header').insertAdjacentHTML('beforeend', `<span id="who" class="muted">
    ${esc(session.name)} (${esc(session.role)}) <button type="button" class="secondary" id="logout">Log out</button></span>`);
  $('logout').onclick = async () => {
    await api('DELETE', '/session').catch(() => {});
    await load();
    location.hash = '#/';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
}

/** The login page; `then` runs once logged in. */
export function loginPage(app, message, then) {
  const error = message || new URLSearchParams(location.hash.split('?')[1] || '').get('error');
  app.innerHTML = `
    <h1>Log in</h1>
    ${error ? `<p class="error" id="login-error">${esc(error)}</p>` : ''}
    ${session.oidcLoginUrl ? `<p><a class="button" id="sso" href="${esc(session.oidcLoginUrl)}">Log in with single sign-on</a></p>` : ''}
    <form id="login" class="card">
      <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
      <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
      <div id="password-error"></div>
      <button type="submit">Log in</button>
    </form>`;
  onSubmit('login', form => api('POST', '/session', { email: form.get('email'), password: form.get('password') }),
    async () => { await load(); await then(); }, 'password-error');
}
