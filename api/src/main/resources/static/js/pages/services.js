// Services and integrations: integration keys with copy, receive channels with their mapping and
// a live preview of a pasted payload, routing rules in order, heartbeats with their last ping.
import { api } from '../api.js';
import { $, esc, options, byId, onSubmit, when, errorBox } from '../ui.js';

const MAPPING_FIELDS = ['summary', 'dedupKey', 'severity', 'action', 'source'];

const copyButton = (text, label) =>
  `<button type="button" class="secondary copy" data-copy="${esc(text)}" aria-label="copy ${esc(label)}">Copy</button>`;

const rotateButton = (path, label) =>
  `<button type="button" class="secondary" data-rotate="${esc(path)}" aria-label="rotate ${esc(label)}">Rotate</button>`;

export async function render({ app }, previewChannel) {
  const [services, channels, heartbeats, policies] = await Promise.all([
    api('GET', '/services'), api('GET', '/receive-channels'), api('GET', '/heartbeats'), api('GET', '/escalation-policies')]);
  const rules = await Promise.all(services.map(s =>
    api('GET', `/services/${s.id}/routing-rules`).then(r => r.rules).catch(() => [])));
  const serviceById = byId(services);
  const policyById = byId(policies);
  app.innerHTML = `
    <h1>Services and integrations</h1>
    <div id="action-error"></div>
    <section class="card"><h2>Services</h2><div class="scroll">
      <table id="services"><thead><tr><th>Service</th><th>Policy</th><th>Integration key</th><th>Routing rules, in order</th></tr></thead><tbody>
      ${services.map((s, n) => `<tr><td>${esc(s.name)}<div class="muted small">${esc(s.description || '')}</div></td>
        <td>${esc(policyById[s.escalationPolicyId]?.name || '—')}</td>
        <td><code>${esc(s.integrationKey)}</code> ${copyButton(s.integrationKey, 'integration key of ' + s.name)}
          ${rotateButton(`/services/${s.id}/integration-key`, 'integration key of ' + s.name)}</td>
        <td><ol class="compact">${rules[n].map(r => `<li>${esc(r.name)}</li>`).join('') || '<span class="muted">none</span>'}</ol></td></tr>`).join('')
        || '<tr><td colspan="4" class="muted">No services.</td></tr>'}
      </tbody></table></div>
      
    </section>
    <section class="card"><h2>Receive channels</h2><div class="scroll">
      <table id="channels"><thead><tr><th>Channel</th><th>Type</th><th>Service</th><th>URL</th><th></th></tr></thead><tbody>
      ${channels.map(c => `<tr data-channel="${c.id}"><td>${esc(c.name)}</td><td>${esc(c.type)}</td><td>${esc(serviceById[c.serviceId]?.name || c.serviceId)}</td>
        <td><code>${esc(c.url)}</code> ${copyButton(c.url, 'URL of ' + c.name)}
          ${rotateButton(`/receive-channels/${c.id}/key`, 'key of ' + c.name)}</td>
        <td><button type="button" class="secondary" data-preview="${c.id}">Preview</button></td></tr>`).join('')
        || '<tr><td colspan="5" class="muted">No receive channels.</td></tr>'}
      </tbody></table></div>
    </section>
    <div class="columns">
      <form class="card" id="channel">
        <h2>New receive channel</h2>
        <div class="row">
          <div><label for="c-name">Name</label><input id="c-name" name="name" required></div>
          <div><label for="c-type">Type</label><select id="c-type" name="type">${options(['generic', 'alertmanager'])}</select></div>
          <div><label for="c-service">Service</label><select id="c-service" name="serviceId">${options(services.map(s => [s.id, s.name]))}</select></div>
        </div>
        <fieldset id="mapping"><legend>Mapping (JSON Pointers into the payload)</legend><div class="row">
          ${MAPPING_FIELDS.map(f => `<div><label for="m-${f}">${f}</label><input id="m-${f}" name="${f}" placeholder="/${f}"></div>`).join('')}
        </div></fieldset>
        <div id="channel-error"></div>
        <button type="submit">Create channel</button>
      </form>
      <section class="card" id="preview-card">
        <h2>Preview <span id="preview-name" class="muted"></span></h2>
        <label for="payload">Paste a sample payload</label>
        <textarea id="payload" class="code" rows="8" placeholder='{"summary": "disk full"}'></textarea>
        <div id="preview" aria-live="polite"><p class="muted">Pick a channel's Preview, then paste a payload.</p></div>
      </section>
    </div>
    <section class="card"><h2>Heartbeats</h2><div class="scroll">
      <table id="heartbeats"><thead><tr><th>Heartbeat</th><th>Service</th><th>Every</th><th>Status</th><th>Last ping</th><th>Ping URL</th></tr></thead><tbody>
      ${heartbeats.map(h => `<tr><td>${esc(h.name)}</td><td>${esc(serviceById[h.serviceId]?.name || h.serviceId)}</td>
        <td>${h.intervalSeconds} s (+${h.graceSeconds} s)</td><td>${esc(h.status)}${h.muted ? ' (muted)' : ''}
          <button type="button" class="secondary" data-mute="${h.id}" data-muted="${!h.muted}">${h.muted ? 'Unmute' : 'Mute'}</button></td>
        <td>${when(h.lastPingAt)}</td><td><code>${esc(h.pingUrl)}</code> ${copyButton(h.pingUrl, 'ping URL of ' + h.name)}</td></tr>`).join('')
        || '<tr><td colspan="6" class="muted">No heartbeats.</td></tr>'}
      </tbody></table></div>
    </section>`;

  app.querySelectorAll('[data-copy]').forEach(b => b.addEventListener('click', async () => {
    await navigator.clipboard.writeText(b.dataset.copy).catch(() => {});
    b.textContent = 'Copied';
  }));

  // a button that changes something, then shows the page again; a refusal is shown on top
  const act = (attribute, change) => app.querySelectorAll(`[${attribute}]`).forEach(b =>
    b.addEventListener('click', async () => {
      try {
        if (await change(b.dataset) !== false) await render({ app });
      } catch (e) {
        $('action-error').innerHTML = errorBox(e);
      }
    }));
  act('data-rotate', d => window.confirm('Senders using the old key will be refused. Rotate?') && api('POST', d.rotate));
  act('data-mute', d => api('POST', `/heartbeats/${d.mute}/mute`, { muted: d.muted === 'true' }));

  let channelId = null;
  let pending;
  const preview = async () => {
    const text = $('payload').value.trim();
    if (!channelId || !text) return;
    try {
      const result = await api('POST', `/receive-channels/${channelId}/preview`, text);
      $('preview').innerHTML = `
        <table id="preview-events"><thead><tr><th>Action</th><th>Summary</th><th>Severity</th><th>Priority</th><th>Dedup key</th><th>Rule</th></tr></thead><tbody>
        ${result.events.map(e => `<tr><td>${esc(e.action)}${e.suppressed ? ' (suppressed)' : ''}</td><td>${esc(e.summary)}</td>
          <td>${esc(e.severity)}</td><td>${esc(e.priority)}</td><td>${esc(e.dedupKey)}</td><td>${esc(e.rule || '—')}</td></tr>`).join('')
          || '<tr><td colspan="6" class="muted">No events.</td></tr>'}</tbody></table>
        ${result.errors.map(e => `<p class="error">${esc(e)}</p>`).join('')}`;
    } catch (e) {
      $('preview').innerHTML = errorBox(e);
    }
  };
  const choose = id => {
    channelId = id;
    $('preview-name').textContent = channels.find(c => c.id === id)?.name || '';
    $('payload').focus();
    preview();
  };
  app.querySelectorAll('[data-preview]').forEach(b => b.addEventListener('click', () => choose(Number(b.dataset.preview))));
  $('payload').addEventListener('input', () => { clearTimeout(pending); pending = setTimeout(preview, 300); });
  $('c-type').onchange = e => { $('mapping').hidden = e.target.value !== 'generic'; };

  onSubmit('channel', form => {
    const generic = form.get('type') === 'generic';
    const mapping = Object.fromEntries(MAPPING_FIELDS.filter(f => form.get(f)).map(f => [f, form.get(f)]));
    return api('POST', '/receive-channels', {
      name: form.get('name'), type: form.get('type'), serviceId: Number(form.get('serviceId')),
      mapping: generic ? mapping : null,
    });
  }, created => render({ app }, created.id));
  if (previewChannel) choose(previewChannel);
}
