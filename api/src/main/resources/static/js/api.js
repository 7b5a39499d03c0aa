// The one way the web app talks to Firebreak: the REST API (/api/v1). No rules live here.

/** The CSRF token of the session, when the server sets one (cookie XSRF-TOKEN). */
function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

/** Turns an RFC 9457 problem into one readable message: the fields, else the detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    super(fields || problem.detail || problem.message || `HTTP ${status}`);
    this.status = status;
  }
}

/**
 * Calls the API. `body` is sent as JSON unless it is a string (sent as is, for payload previews).
 * Unsafe calls carry the CSRF token and a fresh Idempotency-Key, so a retried click acts once.
 */
export async function api(method, path, body) {
  const headers = { 'X-Firebreak-Channel': 'web', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
    if (path.startsWith('/incidents')) headers['Idempotency-Key'] = crypto.randomUUID();
  }
  const response = await fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/session') {
    // the session is gone: the app shows the login page (see app.js)
    window.dispatchEvent(new CustomEvent('firebreak:login', { detail: data.detail }));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** GETs, answering `fallback` instead of failing (for optional parts of a page). */
export const tryGet = (path, fallback = null) => api('GET', path).catch(() => fallback);
