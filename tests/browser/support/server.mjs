// `kehoach serve` as the province's IT officer runs it, for the browser tests: a data folder of its own
// in a temporary folder, the first administrator made with --init-admin (its one-time password read
// from what it prints), the server on a free loopback port (--listen 127.0.0.1:0: the server picks one
// and prints its address), stopped with SIGTERM as a service manager would.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

export class Server {
  constructor(dataFolder) {
    this.dataFolder = dataFolder;
    this.printed = '';
    this.log = '';  // what the server logs on stderr: method, path template, status
  }

  // A new data folder in the temporary folder; nothing started yet.
  static inNewFolder() {
    return new Server(mkdtempSync(join(tmpdir(), 'kehoach-browser-')));
  }

  // `kehoach serve --init-admin LOGIN`: the one-time password it prints.
  async initAdmin(login) {
    const { stdout } = await run(kehoachProgram(), ['serve', '--init-admin', login, '--data', this.dataFolder]);
    const found = /mật khẩu dùng một lần: (\S+)\n/.exec(stdout);
    if (!found) throw new Error(`kehoach serve --init-admin printed no password:\n${stdout}`);
    return found[1];
  }

  // Starts the server and waits for the line that says where it runs ("đang chạy tại http://…/").
  async start() {
    this.process = spawn(kehoachProgram(), ['serve', '--listen', '127.0.0.1:0', '--data', this.dataFolder],
                         { stdio: ['ignore', 'pipe', 'pipe'] });
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

  removeData() {
    rmSync(this.dataFolder, { recursive: true, force: true });
  }
}
