// Small helpers shared by the pages: escaping, badges, times, forms.

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];
export const ENVIRONMENTS = ['PRD', 'STG', 'INT'];
export const STATUSES = ['OPEN', 'INVESTIGATING', 'MITIGATING', 'MITIGATED', 'POST_MORTEM', 'CLOSED'];
export const CLOSURE_REASONS = ['RESOLVED', 'DUPLICATE', 'FALSE_POSITIVE', 'SUPERSEDED', 'EXTERNAL', 'CANCELLED'];

export const $ = id => document.getElementById(id);

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** `<option>`s; values may be strings or [value, label] pairs. */
export const options = (values, selected, blank) =>
  (blank !== undefined ? `<option value="">${esc(blank)}</option>` : '') +
  values.map(v => {
    const [value, label] = Array.isArray(v) ? v : [v, v];
    return `<option value="${esc(value)}" ${String(value) === String(selected) ? 'selected' : ''}>${esc(label)}</option>`;
  }).join('');

export const badge = value => `<span class="badge ${esc(value)}">${esc(value)}</span>`;

export const duration = seconds => {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 120) return Math.round(seconds) + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return (seconds / 3600).toFixed(1) + ' h';
};

export const when = instant => (instant ? new Date(instant).toLocaleString() : '—');

/** A datetime-local input's value (read as UTC) as an ISO instant, or null. */
export const utcInstant = local => (local ? new Date(local + 'Z').toISOString() : null);

/** An instant as a datetime-local value in UTC ("2026-11-29T10:00"). */
export const utcLocal = instant => (instant ? new Date(instant).toISOString().slice(0, 16) : '');

export const errorBox = e => `<p class="error" role="alert">${esc(e.message || e)}</p>`;

/**
 * Wires a form: on submit, `call(FormData)` runs; a refusal is shown in `#<errorId>`
 * (`<formId>-error` by default), success runs `then`.
 */
export function onSubmit(formId, call, then, errorId = formId + '-error') {
  const form = $(formId);
  if (!form) return;
  form.onsubmit = async event => {
    event.preventDefault();
    const box = $(errorId);
    if (box) box.innerHTML = '';
    try {
      const result = await call(new FormData(form));
      if (then) await then(result);
    } catch (e) {
      if (box) box.innerHTML = errorBox(e);
    }
  };
}

/** Users by id, for showing names where the API gives ids. */
export const byId = list => Object.fromEntries((list || []).map(x => [x.id, x]));
