// Your own contact methods and notification rules (each person edits their own): how you are
// reached when paged, and after how many minutes each method is tried.
import { api } from '../api.js';
import { $, esc, options, onSubmit } from '../ui.js';

const TYPES = ['sms', 'voice', 'email', 'slack', 'teams', 'webhook'];

/** Renders the section into `element` for user `me`; hidden when the API has no contact methods. */
export async function contacts(element, me, redraw) {
  let methods;
  let rules;
  try {
    [methods, rules] = await Promise.all([
      api('GET', `/users/${me}/contact-methods`), api('GET', `/users/${me}/notification-rules`)]);
  } catch (e) {
    element.hidden = true;
    return;
  }
  const byId = Object.fromEntries(methods.map(m => [m.id, m]));
  element.innerHTML = `
    <h2>How you are reached</h2>
    <table id="contact-methods"><thead><tr><th>Method</th><th>Value</th><th>Verified</th><th></th></tr></thead><tbody>
    ${methods.map(m => `<tr><td>${esc(m.type)} ${m.name ? `<span class="muted">${esc(m.name)}</span>` : ''}</td><td>${esc(m.value)}</td>
      <td>${m.verified ? 'yes' : `<button type="button" class="secondary" data-send-code="${m.id}">Send code</button>
        <input aria-label="code for ${esc(m.value)}" data-code="${m.id}" size="6" inputmode="numeric">
        <button type="button" class="secondary" data-verify="${m.id}">Verify</button>`}</td>
      <td><button type="button" class="secondary" data-delete-method="${m.id}">Delete</button></td></tr>`).join('')
      || '<tr><td colspan="4" class="muted">No contact methods yet.</td></tr>'}
    </tbody></table>
    <form id="method"><div class="row">
      <div><label for="cm-type">Type</label><select id="cm-type" name="type">${options(TYPES)}</select></div>
      <div><label for="cm-value">Number, address or id</label><input id="cm-value" name="value" required></div>
      <div><label for="cm-name">Name (optional)</label><input id="cm-name" name="name"></div>
    </div><div id="method-error"></div><button type="submit">Add contact method</button></form>
    <h3>Notification rules</h3>
    <ol id="notification-rules" class="plain">${rules.slice().sort((a, b) => a.delayMinutes - b.delayMinutes).map(r => `
      <li>after ${r.delayMinutes} min: ${esc(byId[r.contactMethodId]?.type || '?')} ${esc(byId[r.contactMethodId]?.value || '')}
        <button type="button" class="secondary" data-delete-rule="${r.id}">Delete</button></li>`).join('')
      || '<li class="muted">No rules: you are not reached when paged.</li>'}</ol>
    <form id="rule"><div class="row">
      <div><label for="r-method">Contact method</label><select id="r-method" name="contactMethodId">${options(methods.map(m => [m.id, `${m.type} ${m.value}`]))}</select></div>
      <div><label for="r-delay">After (minutes)</label><input id="r-delay" name="delayMinutes" type="number" min="0" value="0"></div>
    </div><div id="rule-error"></div><button type="submit" ${methods.length ? '' : 'disabled'}>Add rule</button></form>
    <div id="contacts-error"></div>`;
  const base = `/users/${me}`;
  onSubmit('method', form => api('POST', `${base}/contact-methods`, {
    type: form.get('type'), value: form.get('value'), name: form.get('name') || null }), redraw);
  onSubmit('rule', form => api('POST', `${base}/notification-rules`, {
    contactMethodId: Number(form.get('contactMethodId')), delayMinutes: Number(form.get('delayMinutes')) }), redraw);
  const click = (attribute, call) => element.querySelectorAll(`[${attribute}]`).forEach(b =>
    b.addEventListener('click', async () => {
      try { await call(b); await redraw(); } catch (e) { $('contacts-error').innerHTML = `<p class="error">${esc(e.message)}</p>`; }
    }));
  click('data-send-code', b => api('POST', `${base}/contact-methods/${b.dataset.sendCode}/send-code`));
  click('data-verify', b => api('POST', `${base}/contact-methods/${b.dataset.verify}/verify`,
    { code: element.querySelector(`[data-code="${b.dataset.verify}"]`).value }));
  click('data-delete-method', b => api('DELETE', `${base}/contact-methods/${b.dataset.deleteMethod}`));
  click('data-delete-rule', b => api('DELETE', `${base}/notification-rules/${b.dataset.deleteRule}`));
}
