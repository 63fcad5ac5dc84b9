// `kehoach serve` as the province's IT officer runs it, for the browser tests: a data folder of its own
// in a temporary folder, the first administrator made with --init-admin (its one-time password read
// from what it prints), the server on a free loopback port (--listen 127.0.0.1:0: the server picks one
// and prints its address), stopped with SIGTERM as a service manager would. With KEHOACH_TEST_POSTGRESQL
// (set by tests/with_postgresql.py, browser.postgresql) each server keeps its data in a PostgreSQL
// database of its own, made here with psql and dropped afterwards, instead of the SQLite file. A walk that
// needs days to pass (a deadline) gives the server a clock of its own (setClock): KEHOACH_TEST_CLOCK_FILE names
// a file holding the seconds the server adds to the system's clock, which the walk rewrites to move it.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The built program: ctest passes it (tests/CMakeLists.txt, browser.web) through run.mjs.
export function kehoachProgram() {
  const program = process.env.KEHOACH;
  if (!program) throw new Error('KEHOACH is not set: run the browser tests through ctest (browser.web) or run.mjs');
  return program;
}

// The cluster's URL (…/postgres) with another database's name in place of the last part.
function databaseUrl(clusterUrl, name) {
  return clusterUrl.slice(0, clusterUrl.lastIndexOf('/') + 1) + name;
}

export class Server {
  constructor(dataFolder) {
    this.dataFolder = dataFolder;
    this.printed = '';
    this.log = '';  // what the server logs on stderr: method, path template, status
    this.cluster = process.env.KEHOACH_TEST_POSTGRESQL || '';
    this.database = '';  // the PostgreSQL database made for this server, if any
    this.clockFile = '';  // set by setClock: the server's clock is the system's plus the seconds in it
  }

  // From now on the server's clock shows `moment` (a Date) and goes on from there; before start() (and
  // initAdmin) for the whole run, or while it runs to move it. Written whole, then renamed over the old
  // file, so that the server never reads half of it.
  setClock(moment) {
    if (!this.clockFile) this.clockFile = `${this.dataFolder}-dong-ho`;
    const offset = Math.round((moment.getTime() - Date.now()) / 1000);
    writeFileSync(`${this.clockFile}.moi`, `${offset}\n`);
    renameSync(`${this.clockFile}.moi`, this.clockFile);
  }

  // The environment of a `kehoach serve` run: the clock file, when there is one.
  environment() {
    return this.clockFile ? { ...process.env, KEHOACH_TEST_CLOCK_FILE: this.clockFile } : process.env;
  }

  // A new data folder in the temporary folder; nothing started yet.
  static inNewFolder() {
    return new Server(mkdtempSync(join(tmpdir(), 'kehoach-browser-')));
  }

  // The options that say where the data is: the folder, and on PostgreSQL the database (made at the
  // first call).
  async dataOptions() {
    const options = ['--data', this.dataFolder];
    if (!this.cluster) return options;
    if (!this.database) {
      const name = `kehoach_browser_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      await run('psql', [this.cluster, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`]);
      this.database = name;
    }
    return [...options, '--db', databaseUrl(this.cluster, this.database)];
  }

  // `kehoach serve --init-admin LOGIN`: the one-time password it prints.
  async initAdmin(login) {
    const { stdout } = await run(kehoachProgram(), ['serve', '--init-admin', login, ...(await this.dataOptions())],
                                 { env: this.environment() });
    const found = /mật khẩu dùng một lần: (\S+)\n/.exec(stdout);
    if (!found) throw new Error(`kehoach serve --init-admin printed no password:\n${stdout}`);
    return found[1];
  }

  // Starts the server and waits for the line that says where it runs ("đang chạy tại http://…/").
  async start() {
    this.process = spawn(kehoachProgram(), ['serve', '--listen', '127.0.0.1:0', ...(await this.dataOptions())],
                         { stdio: ['ignore', 'pipe', 'pipe'], env: this.environment() });
    // Whatever happens to the test process, no server is left running.
    this.killOnExit = () => this.process.kill('SIGKILL');
    process.on('exit', this.killOnExit);
    this.process.stdout.setEncoding('utf8');
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (text) => { this.log += text; });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${this.printed}${this.log}`)), 60_000);
      this.process.stdout.on('data', (text) => {
        this.printed += text;
        const found = /đang chạy tại (http:\/\/127\.0\.0\.1:\d+)\//.exec(this.printed);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      this.exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`the server stopped (status ${code}) before it ran:\n${this.printed}${this.log}`));
      });
    });
    // The database the server says it uses is the one this run is about.
    const said = /cơ sở dữ liệu (PostgreSQL|SQLite)/.exec(this.printed)?.[1];
    if (said !== (this.cluster ? 'PostgreSQL' : 'SQLite'))
      throw new Error(`the server uses the wrong database (${said}):\n${this.printed}`);
    return this.url;
  }

  // SIGTERM, then the exit: { code, signal, printed, log }. The caller checks a clean stop (status 0).
  async stop() {
    if (!this.process) return null;
    this.process.kill('SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), 60_000); });
    let ended = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (!ended) {
      this.process.kill('SIGKILL');
      ended = { ...(await this.exited), timedOut: true };
    }
    process.off('exit', this.killOnExit);
    this.process = null;
    return { ...ended, printed: this.printed, log: this.log };
  }

  async removeData() {
    rmSync(this.dataFolder, { recursive: true, force: true });
    if (this.clockFile) rmSync(this.clockFile, { force: true });
    if (this.database)
      await run('psql', [this.cluster, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `DROP DATABASE ${this.database} WITH (FORCE)`]);
    this.database = '';
  }
}
