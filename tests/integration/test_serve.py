"""`kehoach serve` as the province's IT officer runs it: --init-admin prints a one-time password and stops,
the server starts on the address asked (port 0: any free one, printed), answers, and stops cleanly on
SIGTERM or Ctrl-C (status 0, "đã dừng"); its data folder is made on the first start and kept; --demo loads
the example units and prints their accounts; wrong words are refused with status 64 and a database that
cannot be used with status 3.

Run as: python3 test_serve.py /path/to/kehoach /path/to/repo-root"""
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from harness import KEHOACH, FolderTest, environment, run

STARTED = re.compile(r"đang chạy tại (http://127\.0\.0\.1:(\d+)/)")


class Server:
    """`kehoach serve ARGS…` in the background, its address read from what it prints."""

    def __init__(self, folder, *args):
        self.process = subprocess.Popen([KEHOACH, "serve", "--listen", "127.0.0.1:0", *args], cwd=folder,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment())
        self.printed = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.printed += line
            found = STARTED.search(line)
            if found:
                self.url = found.group(1)
                return
        self.process.kill()
        raise AssertionError("the server did not start: " + self.printed + self.process.stderr.read())

    def get(self, path):
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def kill(self):
        """Whatever happened in the test, no server is left running."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()

    def stop(self, signal_number=signal.SIGTERM):
        self.process.send_signal(signal_number)
        out, err = self.process.communicate(timeout=60)
        return self.process.returncode, self.printed + out, err


class Serve(FolderTest):
    def server(self, *args):
        started = Server(self.dir, *args)
        self.addCleanup(started.kill)
        return started

    def test_init_admin_prints_a_one_time_password_and_stops(self):
        result = self.run_kehoach("serve", "--init-admin", "quantri", "--data", "du-lieu")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"Tài khoản quản trị quantri, mật khẩu dùng một lần: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\n")
        self.assertTrue(os.path.isfile(self.path("du-lieu/kehoach.db")))
        self.assertTrue(os.path.isdir(self.path("du-lieu/files")))
        again = self.run_kehoach("serve", "--init-admin", "quantri", "--data", "du-lieu")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertNotEqual(result.stdout, again.stdout)  # a new password for the same account

    def test_the_server_answers_and_stops_on_sigterm_and_ctrl_c(self):
        for stop in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=stop):
                server = self.server()  # the default data folder, in the current folder
                status, page = server.get("/dang-nhap")
                self.assertEqual(status, 200)
                self.assertIn("<h1>Đăng nhập</h1>", page)
                status, _ = server.get("/static/kehoach.css")
                self.assertEqual(status, 200)
                code, out, err = server.stop(stop)
                self.assertEqual(code, 0, err)
                self.assertIn("kehoach serve: đã dừng.", out)
                self.assertIn("GET /dang-nhap 200", err)
                self.assertTrue(os.path.isfile(self.path("kehoach-data/kehoach.db")))

    def test_demo_prints_its_accounts_and_they_sign_in(self):
        server = self.server("--demo", "--data", "mau")
        code, out, err = server.stop()
        self.assertEqual(code, 0, err)
        for login, words in [("quantri", "Quản trị"), ("tinh.hatinh", "Cán bộ tỉnh, Tỉnh Hà Tĩnh"),
                             ("xa.anhoathinh", "Cán bộ xã, Xã An Hòa Thịnh"), ("xa.kyanh", "Cán bộ xã, Xã Kỳ Anh"),
                             ("xa.sontay", "Cán bộ xã, Xã Sơn Tây")]:
            self.assertRegex(out, re.escape(f"  {login}  ({words})  mật khẩu dùng một lần: ") + r"[a-z2-9-]{14}\n")

    def test_wrong_words_and_unusable_databases_are_refused(self):
        for args, status, message in [
            (["--listen", "8080"], 64, "kehoach serve: --listen \"8080\": hãy ghi ĐỊA_CHỈ:CỔNG"),
            (["--demo", "--init-admin", "a"], 64, "--demo và --init-admin không dùng cùng nhau."),
            (["tep.yaml"], 64, "kehoach serve: không nhận \"tep.yaml\""),
            (["--init-admin", "Quản Trị"], 64, "Tên đăng nhập chỉ gồm"),
            (["--db", "mysql://localhost/k", "--init-admin", "a1b"], 3, "chỉ dùng được PostgreSQL"),
            (["--data", "/proc/khong-tao-duoc", "--init-admin", "abc"], 3, "không tạo được thư mục dữ liệu"),
        ]:
            with self.subTest(args=args):
                result = self.run_kehoach("serve", *args)
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertIn(message, result.stderr)

    def test_an_address_in_use_is_said(self):
        server = self.server("--data", "mot")
        port = server.url.rsplit(":", 1)[1].strip("/")
        result = self.run_kehoach("serve", "--data", "hai", "--listen", "127.0.0.1:" + port, timeout=60)
        server.stop()
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("kehoach serve: không chạy được máy chủ web", result.stderr)


if __name__ == "__main__":
    sys.exit(run(Serve))
