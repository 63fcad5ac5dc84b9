// The load of bench/web: `kehoach serve` on a new data folder, a province of 100 communes made through the
// administrator's pages, 200 commune officers (two per commune) signed in, then for a bounded time each officer
// in a loop of their own: a pause (think time), then a page view, a village table saved (the commune's table
// uploaded again, one figure changed) or a plan made ("Tạo văn bản": Word + Excel), as a browser does it (the
// page with the form first, the POST, then the page the 303 sends it to). Prints one JSON object: requests,
// requests/s, p50/p99/max latency by kind, errors, the server's memory.
//
//   node load.mjs --kehoach BUILD/kehoach --data-set DIR --work DIR [--db URL] [--users 200] [--seconds 60]
//                 [--think-ms 1000] [--mix 70,15,15] [--year 2026]
//
// DIR of --data-set is generate.py's. Nothing is written to the database but through the pages: units from the
// units table upload of /quan-tri/don-vi, accounts from /quan-tri/tai-khoan, each officer's own password set
// on /doi-mat-khau as on a first sign-in. The server runs with a PATH where LibreOffice is not found, so that
// Tạo văn bản makes the .docx and .xlsx only (no PDF), as the target says.
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// ---- options -------------------------------------------------------------------------------------------
function options() {
  const given = {};
  const words = process.argv.slice(2);
  for (let i = 0; i < words.length; i += 2) {
    if (!words[i].startsWith('--')) throw new Error(`not an option: ${words[i]}`);
    given[words[i].slice(2)] = words[i + 1];
  }
  for (const needed of ['kehoach', 'data-set', 'work'])
    if (!given[needed]) throw new Error(`--${needed} is needed`);
  const mix = (given.mix || '70,15,15').split(',').map(Number);
  return {
    kehoach: given.kehoach, dataSet: given['data-set'], work: given.work, db: given.db || '',
    users: Number(given.users || 200), seconds: Number(given.seconds || 60), thinkMs: Number(given['think-ms'] ?? 1000),
    mix: { page: mix[0], save: mix[1], generate: mix[2] }, year: Number(given.year || 2026),
    seed: Number(given.seed || 1),
  };
}

// A small seeded generator (mulberry32), so that a run's choices can be made again.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- pages as a browser reads them ----------------------------------------------------------------------
function htmlText(text) {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag, name) {
  const found = new RegExp(` ${name}="([^"]*)"`).exec(tag);
  return found ? htmlText(found[1]) : '';
}

// The form token of the form posting to `action` (the first form's when no action is given).
function csrf(body, action = '') {
  const from = action ? body.indexOf(`action="${action.replace(/&/g, '&amp;')}"`) : 0;
  if (from < 0) return '';
  const found = /name="csrf" value="([^"]*)"/.exec(body.slice(from));
  return found ? found[1] : '';
}

// Every field of the form posting to `action`, as a browser sends it untouched (tests/web/page_forms.h).
function formFields(body, action) {
  const begin = body.indexOf(`action="${action.replace(/&/g, '&amp;')}"`);
  if (begin < 0) return [];
  const form = body.slice(begin, body.indexOf('</form>', begin));
  const fields = [];
  const tags = /<(input|textarea|select)\b[^>]*>/g;
  for (let m; (m = tags.exec(form));) {
    const tag = m[0];
    if (m[1] === 'input') {
      const type = attribute(tag, 'type');
      if (type === 'file' || type === 'submit' || (type === 'checkbox' && !/ checked/.test(tag))) continue;
      fields.push([attribute(tag, 'name'), attribute(tag, 'value')]);
    } else if (m[1] === 'textarea') {
      const start = m.index + tag.length;
      fields.push([attribute(tag, 'name'), htmlText(form.slice(start, form.indexOf('</textarea>', start)))]);
    } else {
      const options = form.slice(m.index, form.indexOf('</select>', m.index));
      const chosen = /<option value="([^"]*)" selected>/.exec(options) || /<option value="([^"]*)"/.exec(options);
      fields.push([attribute(tag, 'name'), chosen ? htmlText(chosen[1]) : '']);
    }
  }
  return fields.filter(([name]) => name);
}

function withValues(fields, values) {
  const out = fields.map(([name, value]) => [name, Object.hasOwn(values, name) ? values[name] : value]);
  for (const [name, value] of Object.entries(values))
    if (!out.some(([known]) => known === name)) out.push([name, value]);
  return out;
}

function urlencoded(fields) {
  return fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

function multipart(fields, fileField, fileName, bytes) {
  const boundary = '----kehoach-bench-' + Math.random().toString(16).slice(2);
  const parts = [];
  for (const [name, value] of fields)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${fileName}"\r\n` +
                         'Content-Type: text/csv\r\n\r\n'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

// ---- a person at a browser: cookies, one kept-alive connection ---------------------------------------------
class Browser {
  constructor(origin) {
    this.origin = origin;
    this.cookies = new Map();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  // A browser sends a request again, once, when the kept-alive connection it reused turns out to have been
  // closed by the server meanwhile (its idle time ran out as the request left): counted in `retried`.
  async request(method, path, body = null, type = '') {
    const answer = await this.once(method, path, body, type);
    if (answer.status === 0 && answer.reused && /ECONNRESET|socket hang up/.test(answer.error)) {
      this.retried = (this.retried || 0) + 1;
      return this.once(method, path, body, type);
    }
    return answer;
  }

  once(method, path, body = null, type = '') {
    const headers = {};
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== null) {
      headers['Content-Type'] = type;
      headers['Content-Length'] = Buffer.byteLength(body);
      headers.Origin = this.origin;
    }
    const started = process.hrtime.bigint();
    return new Promise((resolve) => {
      const request = http.request(this.origin + path, { method, headers, agent: this.agent }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          for (const line of response.headers['set-cookie'] || []) {
            const [pair] = line.split(';');
            const at = pair.indexOf('=');
            const name = pair.slice(0, at), value = pair.slice(at + 1);
            if (!value || /Max-Age=0/.test(line)) this.cookies.delete(name); else this.cookies.set(name, value);
          }
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'),
                    ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
        response.on('error', (error) => resolve({ status: 0, error: String(error), body: '', headers: {},
                                                  ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      });
      request.on('error', (error) => resolve({ status: 0, error: String(error), reused: request.reusedSocket, body: '',
                                               headers: {}, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      if (body !== null) request.write(body);
      request.end();
    });
  }

  get(path) { return this.request('GET', path); }
  post(path, fields) { return this.request('POST', path, urlencoded(fields), 'application/x-www-form-urlencoded'); }
  postFile(path, fields, fileField, fileName, bytes) {
    const { type, body } = multipart(fields, fileField, fileName, bytes);
    return this.request('POST', path, body, type);
  }
  close() { this.agent.destroy(); }
}

function expect(answer, status, what) {
  if (answer.status !== status)
    throw new Error(`${what}: status ${answer.status} (expected ${status}) ${answer.error || ''}\n${answer.body.slice(0, 2000)}`);
  return answer;
}

// ---- setting the province up through the pages -------------------------------------------------------------
async function signInFirstTime(browser, login, once, password) {
  const page = expect(await browser.get('/dang-nhap'), 200, 'the sign-in page');
  const signed = await browser.post('/dang-nhap', [['ten-dang-nhap', login], ['mat-khau', once], ['csrf', csrf(page.body)]]);
  expect(signed, 303, `${login} signs in`);
  const change = expect(await browser.get('/doi-mat-khau'), 200, 'the password page');
  expect(await browser.post('/doi-mat-khau', [['mat-khau-hien-tai', once], ['mat-khau-moi', password],
                                               ['nhap-lai-mat-khau', password], ['csrf', csrf(change.body)]]),
         303, `${login} sets a password`);
}

// At most `width` at once of `jobs` (functions returning promises).
async function inParallel(jobs, width) {
  let next = 0;
  const workers = Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]();
  });
  await Promise.all(workers);
}

async function setUp(origin, adminOnce, dataSet, users, year) {
  const started = Date.now();
  const admin = new Browser(origin);
  await signInFirstTime(admin, 'quantri', adminOnce, 'mat khau quan tri bench');
  const unitsPage = expect(await admin.get('/quan-tri/don-vi'), 200, 'the units page');
  const upload = '/quan-tri/don-vi/tai-len';
  expect(await admin.postFile(upload, [['csrf', csrf(unitsPage.body, upload)], ['dat-duoi', '']], 'tep-don-vi', 'don-vi.csv',
                              readFileSync(join(dataSet, 'don-vi.csv'))), 303, 'the units table uploaded');
  const accounts = expect(await admin.get('/quan-tri/tai-khoan'), 200, 'the accounts page');
  const ids = new Map();
  for (const m of accounts.body.matchAll(/<option value="(\d+)">([^<]*) \(Tỉnh[^<]*\)<\/option>/g)) ids.set(htmlText(m[2]), m[1]);
  const { communes } = JSON.parse(readFileSync(join(dataSet, 'communes.json'), 'utf8'));
  for (const commune of communes) {
    commune.id = ids.get(commune.name);
    if (!commune.id) throw new Error(`${commune.name} is not among the accounts page's units`);
  }
  // Officers: two per commune, made one after another as the administrator would.
  const people = [];
  for (let i = 0; i < users; ++i) {
    const commune = communes[i % communes.length];
    const login = `xa${String(i % communes.length + 1).padStart(3, '0')}.${Math.floor(i / communes.length) + 1}`;
    const form = expect(await admin.get('/quan-tri/tai-khoan'), 200, 'the accounts page');
    const made = expect(await admin.post('/quan-tri/tai-khoan', [['ten-dang-nhap', login], ['ho-ten', `Cán bộ ${login}`],
                                                                ['vai-tro', 'commune'], ['don-vi', commune.id],
                                                                ['csrf', csrf(form.body, '/quan-tri/tai-khoan')]]),
                        200, `account ${login}`);
    const once = /class="secret">([^<]+)</.exec(made.body);
    if (!once) throw new Error(`no one-time password shown for ${login}`);
    people.push({ login, once: once[1], commune });
  }
  admin.close();
  // Each signs in and sets a password (Argon2id: two at a time, as many as there are cores).
  await inParallel(people.map((person) => async () => {
    person.browser = new Browser(origin);
    await signInFirstTime(person.browser, person.login, person.once, `mat khau cua ${person.login}`);
  }), 2);
  // Each commune's first officer saves its table and makes a first plan, so every page has something to show.
  for (const commune of communes) commune.table = readFileSync(join(dataSet, commune.file), 'utf8');
  const first = people.filter((person) => person === people.find((p) => p.commune === person.commune));
  await inParallel(first.map((person) => async () => {
    const { commune } = person;
    await saveTable(person, year, () => 0, null);
    await makePlan(person, year, () => 0, null, {
      'mau': 'xa', 'chi-tieu-ngheo': 'so-ho', 'gia-tri-ngheo': String(Math.ceil(commune.poor / 5)),
      'chi-tieu-can-ngheo': 'so-ho', 'gia-tri-can-ngheo': String(Math.ceil(commune.near_poor / 10)),
    });
  }), 2);
  return { people, communes, seconds: (Date.now() - started) / 1000 };
}

// ---- what an officer does --------------------------------------------------------------------------------------
// record(kind, answer, expectedStatus): the latency of one request, or an error.
async function viewPage(person, year, rand, record) {
  const unit = `/don-vi/${person.commune.id}`;
  const pages = [unit, `${unit}/thon?nam=${year}`, `${unit}/ke-hoach?nam=${year}`, `${unit}/bao-cao?nam=${year}`];
  const path = pages[Math.floor(rand() * pages.length)];
  const answer = await person.browser.get(path);
  record?.('page', answer, 200, path);
  return answer;
}

// The commune's table with one village's households changed by a little, so that each save stores new bytes.
function changedTable(text, rand) {
  const lines = text.trimEnd().split('\n');
  const row = 1 + Math.floor(rand() * (lines.length - 1));
  const cells = lines[row].split(',');
  cells[1] = String(Number(cells[1]) + Math.floor(rand() * 5));
  lines[row] = cells.join(',');
  return lines.join('\n') + '\n';
}

async function saveTable(person, year, rand, record) {
  const page = `/don-vi/${person.commune.id}/thon?nam=${year}`;
  const action = `/don-vi/${person.commune.id}/thon/tai-len?nam=${year}`;
  const form = await person.browser.get(page);
  record?.('page', form, 200, page);
  if (form.status !== 200) return;
  const table = record ? changedTable(person.commune.table, rand) : person.commune.table;
  const saved = await person.browser.postFile(action, [['csrf', csrf(form.body, action)]], 'tep-thon', 'thon.csv',
                                              Buffer.from(table, 'utf8'));
  if (!record) expect(saved, 303, `${person.login} uploads the village table`);
  record?.('save', saved, 303, action);
  if (saved.status === 303) record?.('page', await person.browser.get(saved.headers.location), 200, saved.headers.location);
}

async function makePlan(person, year, rand, record, values = {}) {
  const page = `/don-vi/${person.commune.id}/ke-hoach?nam=${year}`;
  const form = await person.browser.get(page);
  record?.('page', form, 200, page);
  if (form.status !== 200) return;
  const fields = withValues(formFields(form.body, page), {
    ...values, 'so-van-ban': String(1 + Math.floor(rand() * 99999)), 'hanh-dong': 'tao-van-ban',
  });
  const made = await person.browser.post(page, fields);
  // The commune's other officer made its plan since this page was read: told so (409) and nothing saved over
  // theirs, as intended (web/save_conflict.h); counted apart, not as an error.
  if (record && made.status === 409) {
    record('conflict', made, 409, page);
    return;
  }
  if (!record) expect(made, 303, `${person.login} makes the plan`);
  record?.('generate', made, 303, page);
  if (made.status === 303) record?.('page', await person.browser.get(made.headers.location), 200, made.headers.location);
}

// ---- measuring -------------------------------------------------------------------------------------------------
function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number((new RegExp(`${name}:\\s+(\\d+) kB`).exec(status) || [0, 0])[1]);
    return { rss: kib('VmRSS'), hwm: kib('VmHWM'), threads: Number((/Threads:\s+(\d+)/.exec(status) || [0, 0])[1]) };
  } catch {
    return { rss: 0, hwm: 0, threads: 0 };
  }
}

// CPU seconds the whole machine spent busy so far (/proc/stat: every state but idle and iowait).
function machineBusy() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - cpu[3] - cpu[4]) / 100;
}

// CPU seconds of every process called `name` (PostgreSQL's backends), those that ended meanwhile aside.
function cpuOfNamed(name) {
  let seconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name) seconds += cpuOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

async function load(people, o, pid) {
  const latencies = { page: [], save: [], generate: [], conflict: [] };
  const errors = [];
  const sample = { rss: 0, threads: 0 };
  const sampler = setInterval(() => {
    const now = memoryOf(pid);
    sample.rss = Math.max(sample.rss, now.rss);
    sample.threads = Math.max(sample.threads, now.threads);
  }, 250);
  const record = (kind, answer, status, path) => {
    if (answer.status === status) latencies[kind].push(answer.ms);
    else errors.push({ kind, status: answer.status, path, reused: answer.reused, error: answer.error || answer.body.slice(0, 300) });
  };
  const serverCpu = cpuOf(pid), clientCpu = process.cpuUsage(), busy = machineBusy(), databaseCpu = cpuOfNamed('postgres');
  const started = Date.now(), deadline = started + o.seconds * 1000;
  const total = o.mix.page + o.mix.save + o.mix.generate;
  await Promise.all(people.map(async (person, i) => {
    const rand = random(o.seed * 100003 + i);
    // Officers do not all start at once: the first pause is spread over the think time.
    const pause = () => new Promise((resolve) => setTimeout(resolve, -Math.log(1 - rand()) * o.thinkMs));
    while (Date.now() < deadline) {
      await pause();
      if (Date.now() >= deadline) break;
      const pick = rand() * total;
      if (pick < o.mix.page) await viewPage(person, o.year, rand, record);
      else if (pick < o.mix.page + o.mix.save) await saveTable(person, o.year, rand, record);
      else await makePlan(person, o.year, rand, record);
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const client = process.cpuUsage(clientCpu);
  const machine = machineBusy() - busy;
  const database = cpuOfNamed('postgres') - databaseCpu;
  const end = memoryOf(pid);
  const kinds = {};
  let requests = 0;
  for (const [kind, values] of Object.entries(latencies)) {
    values.sort((a, b) => a - b);
    requests += values.length;
    kinds[kind] = { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99),
                    max: values.length ? values[values.length - 1] : null };
  }
  requests += errors.length;
  return {
    seconds, requests, requestsPerSecond: requests / seconds, kinds, errors: errors.length, errorSamples: errors.slice(0, 5),
    serverCpuSeconds: cpuOf(pid) - serverCpu, clientCpuSeconds: (client.user + client.system) / 1e6,
    // What other processes used of the machine meanwhile (another build skews the figures).
    databaseCpuSeconds: database,
    othersCpuSeconds: Math.max(0, machine - (cpuOf(pid) - serverCpu) - (client.user + client.system) / 1e6 - database),
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    rssMiB: { peak: sample.rss / 1024, end: end.rss / 1024, highWater: end.hwm / 1024 }, threadsPeak: sample.threads,
    retried: people.reduce((sum, person) => sum + (person.browser.retried || 0), 0),
  };
}

// ---- the server ------------------------------------------------------------------------------------------------
async function startServer(o, data) {
  const database = o.db ? ['--db', o.db] : [];
  const { stdout } = await run(o.kehoach, ['serve', '--init-admin', 'quantri', '--data', data, ...database]);
  const once = /mật khẩu dùng một lần: (\S+)\n/.exec(stdout)[1];
  // No LibreOffice on the server's PATH: Tạo văn bản makes Word and Excel only.
  const noOffice = mkdtempSync(join(o.work, 'path-'));
  const server = spawn(o.kehoach, ['serve', '--listen', '127.0.0.1:0', '--data', data, ...database],
                       { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: noOffice } });
  process.on('exit', () => server.kill('SIGKILL'));
  let log = '', printed = '';
  server.stderr.setEncoding('utf8');
  const logFile = createWriteStream(join(o.work, 'server.log'));
  server.stderr.on('data', (text) => { logFile.write(text); log += text; });
  server.stdout.setEncoding('utf8');
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${printed}${log}`)), 60_000);
    server.stdout.on('data', (text) => {
      printed += text;
      const found = /đang chạy tại (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the server stopped (${code}):\n${printed}${log}`)); });
  });
  return { server, origin, once, log: () => log };
}

async function main() {
  const o = options();
  mkdirSync(o.work, { recursive: true });
  const data = join(o.work, 'data');
  rmSync(data, { recursive: true, force: true });
  const { server, origin, once, log } = await startServer(o, data);
  try {
    const set = await setUp(origin, once, o.dataSet, o.users, o.year);
    process.stderr.write(`set up in ${set.seconds.toFixed(0)} s: ${set.communes.length} communes, ${set.people.length} officers signed in; ` +
                         `loading for ${o.seconds} s\n`);
    const result = await load(set.people, o, server.pid);
    for (const person of set.people) person.browser.close();
    const problems = log().split('\n').filter((line) => line.startsWith('lỗi')).slice(0, 5);
    process.stdout.write(JSON.stringify({ ...result, users: o.users, thinkMs: o.thinkMs, mix: o.mix, setupSeconds: set.seconds,
                                          serverProblems: problems }, null, 1) + '\n');
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
