"""`kehoach serve` killed outright (SIGKILL: the OOM killer, a kill -9) while a commune officer saves typed village
tables, uploads table files and makes plans (Tạo văn bản), 50 times, each time started again on the same data folder:
half the kills at a random moment, half as soon as a file is seen being written into the file store (its temporary
there), the moment a kill would cut a save between a file's bytes and its name. After every restart:
  - every version whose POST was answered (303: the officer was told it is saved) is there: an uploaded table
    downloads byte for byte as it was sent, a typed table holds the figure typed, a plan made has its plan file
    with the number typed and its .docx and .xlsx, whole (they open as zip packages);
  - every file a version names is in the file store and its SHA-256 is its name; the file store holds nothing
    else (no temporary file a page could serve) and the upload folder is empty;
  - the SQLite database passes PRAGMA integrity_check and foreign_key_check.
The moments are drawn from a seed, printed first; KEHOACH_FAULT_SEED=N replays a run (KEHOACH_FAULT_KILLS=N
for fewer or more kills).

Run as: python3 test_serve_faults.py /path/to/kehoach /path/to/repo-root"""
import hashlib
import html
import http.client
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import zipfile

from harness import EXAMPLES, KEHOACH, environment, run

SEED = int(os.environ.get("KEHOACH_FAULT_SEED") or random.SystemRandom().randrange(1, 1_000_000))
KILLS = int(os.environ.get("KEHOACH_FAULT_KILLS") or 50)
YEAR = 2022
STARTED = re.compile(r"đang chạy tại http://127\.0\.0\.1:(\d+)/")
HASH_NAME = re.compile(r"^[0-9a-f]{64}$")
TABLE = os.path.join(EXAMPLES, "an-hoa-thinh-2022", "thon.csv")


class Client:
    """A browser's side of HTTP: its cookies, a new connection for each request, redirects not followed."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, content_type=None, timeout=60):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";")[0]
                    key, _, val = pair.partition("=")
                    if val and "Max-Age=0" not in value:
                        self.cookies[key] = val
                    else:
                        self.cookies.pop(key, None)
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data
        finally:
            connection.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def post_file(self, path, fields, field, name, data):
        boundary = "----kehoach-faults-" + hashlib.sha256(data).hexdigest()[:16]
        body = b""
        for key, value in fields:
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                 "Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        return self.request("POST", path, body, "multipart/form-data; boundary=" + boundary)


def token(page, action=""):
    text = page.decode("utf-8")
    at = text.find(f'action="{html.escape(action)}"') if action else 0
    found = re.search(r'name="csrf" value="([^"]*)"', text[at:]) if at >= 0 else None
    return found.group(1) if found else ""


def form_fields(page, action):
    """The fields of the form posting to `action`, as a browser sends them untouched."""
    text = page.decode("utf-8")
    begin = text.find(f'action="{html.escape(action)}"')
    form = text[begin:text.find("</form>", begin)]
    fields = []
    for m in re.finditer(r"<(input|textarea|select)\b[^>]*>", form):
        tag = m.group(0)
        name = re.search(r' name="([^"]*)"', tag)
        if not name:
            continue
        value = re.search(r' value="([^"]*)"', tag)
        if m.group(1) == "input":
            kind = re.search(r' type="([^"]*)"', tag)
            kind = kind.group(1) if kind else "text"
            if kind in ("file", "submit") or (kind == "checkbox" and " checked" not in tag):
                continue
            fields.append((html.unescape(name.group(1)), html.unescape(value.group(1)) if value else ""))
        elif m.group(1) == "textarea":
            start = m.end()
            fields.append((html.unescape(name.group(1)), html.unescape(form[start:form.find("</textarea>", start)])))
        else:
            options = form[m.start():form.find("</select>", m.start())]
            chosen = re.search(r'<option value="([^"]*)" selected>', options) or re.search(r'<option value="([^"]*)"', options)
            fields.append((html.unescape(name.group(1)), html.unescape(chosen.group(1)) if chosen else ""))
    return fields


def with_values(fields, values):
    out = [(name, values.get(name, value)) for name, value in fields]
    out += [(name, value) for name, value in values.items() if name not in dict(fields)]
    return out


class Server:
    """`kehoach serve` on the data folder, with no LibreOffice on its PATH (Tạo văn bản makes Word and Excel)."""

    def __init__(self, folder, data):
        self.log = open(os.path.join(folder, "server.log"), "ab")
        self.process = subprocess.Popen([KEHOACH, "serve", "--listen", "127.0.0.1:0", "--data", data],
                                        stdout=subprocess.PIPE, stderr=self.log, cwd=folder,
                                        env=environment(PATH=os.path.join(folder, "no-office")))
        printed = ""
        while True:
            line = self.process.stdout.readline().decode("utf-8")
            if not line:
                raise AssertionError("the server did not start: " + printed)
            printed += line
            found = STARTED.search(line)
            if found:
                self.port = int(found.group(1))
                return

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process.stdout.close()
        self.log.close()


class Officer:
    """What the commune officer does, each a request whose answer 303 says "saved"; every request done is noted
    with what it sent, so that the test can look for it afterwards."""

    def __init__(self, client, unit, csrf):
        self.client, self.unit, self.csrf = client, unit, csrf
        self.villages = [row.split(",") for row in open(TABLE, encoding="utf-8").read().splitlines()[1:]]

    def typed(self, marker):
        """The table typed on the page, the first village's households set to `marker`."""
        fields = [("csrf", self.csrf), ("hanh-dong", "luu"), ("so-dong", str(len(self.villages)))]
        for n, (_, name, households, poor, near) in enumerate(self.villages, 1):
            fields += [(f"thon-{n}-ten", name), (f"thon-{n}-so-ho", str(marker) if n == 1 else households),
                       (f"thon-{n}-ngheo", poor), (f"thon-{n}-can-ngheo", near)]
        return self.client.post(f"/don-vi/{self.unit}/thon?nam={YEAR}", fields)[0]

    def upload(self, data):
        return self.client.post_file(f"/don-vi/{self.unit}/thon/tai-len?nam={YEAR}", [("csrf", self.csrf)], "tep-thon",
                                     "thon.csv", data)[0]

    def plan(self, fields, number):
        # The form read once is posted again and again: without the version it was opened on (tu-phien-ban), as a
        # script that means to save over what it finds, or every save after the first would be refused (409).
        fields = [(name, value) for name, value in fields if name != "tu-phien-ban"]
        return self.client.post(f"/don-vi/{self.unit}/ke-hoach?nam={YEAR}",
                                with_values(fields, {"so-van-ban": str(number), "hanh-dong": "tao-van-ban", "csrf": self.csrf}))[0]


def uploaded_table(marker):
    """The example table with the first village's households set to `marker`: bytes no other upload has."""
    lines = open(TABLE, encoding="utf-8").read().splitlines()
    cells = lines[1].split(",")
    cells[2] = str(marker)
    lines[1] = ",".join(cells)
    return ("\n".join(lines) + "\n").encode("utf-8")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class ServeFaults(unittest.TestCase):
    def setUp(self):
        print(f"\nseed {SEED} (KEHOACH_FAULT_SEED={SEED} replays it), {KILLS} kills", flush=True)
        self.rng = random.Random(SEED)
        self.folder = tempfile.TemporaryDirectory()
        self.dir = self.folder.name
        os.makedirs(os.path.join(self.dir, "no-office"))
        self.data = os.path.join(self.dir, "du-lieu")
        self.server = None
        self.acked = {"typed": [], "upload": [], "plan": []}  # the markers of the answered POSTs
        self.caught_writing = 0  # kills that fell while a file was being written into the store

    def tearDown(self):
        if self.server:
            self.server.kill()
        self.folder.cleanup()

    def start(self):
        self.server = Server(self.dir, self.data)
        return self.server.port

    def sign_in_first_time(self, client, login, once, password):
        status, _, _ = client.post("/dang-nhap", [("ten-dang-nhap", login), ("mat-khau", once),
                                                  ("csrf", token(client.get("/dang-nhap")[2]))])
        self.assertEqual(status, 303)
        page = client.get("/doi-mat-khau")[2]
        status, _, _ = client.post("/doi-mat-khau", [("mat-khau-hien-tai", once), ("mat-khau-moi", password),
                                                     ("nhap-lai-mat-khau", password), ("csrf", token(page))])
        self.assertEqual(status, 303)

    def set_up_commune(self):
        """The administrator's first sign-in, the commune and its villages from a units file, its officer's
        account and first sign-in, and a first plan made: the officer's session and its form's fields."""
        made = subprocess.run([KEHOACH, "serve", "--init-admin", "quantri", "--data", self.data], capture_output=True,
                              text=True, env=environment())
        self.assertEqual(made.returncode, 0, made.stderr)
        once = re.search(r"mật khẩu dùng một lần: (\S+)", made.stdout).group(1)
        port = self.start()
        admin = Client(port)
        self.sign_in_first_time(admin, "quantri", once, "mat khau quan tri 1")
        units = "Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + "".join(
            "Tỉnh Hà Tĩnh,Xã An Hòa Thịnh,Thôn " + ",".join(row.split(",")[1:]) + "\n"
            for row in open(TABLE, encoding="utf-8").read().splitlines()[1:])
        page = admin.get("/quan-tri/don-vi")[2]
        status, _, _ = admin.post_file("/quan-tri/don-vi/tai-len", [("csrf", token(page, "/quan-tri/don-vi/tai-len")),
                                                                   ("dat-duoi", "")], "tep-don-vi", "don-vi.csv",
                                       units.encode("utf-8"))
        self.assertEqual(status, 303)
        page = admin.get("/quan-tri/tai-khoan")[2]
        unit = re.search(r'<option value="(\d+)">Xã An Hòa Thịnh', page.decode("utf-8")).group(1)
        status, _, page = admin.post("/quan-tri/tai-khoan", [("ten-dang-nhap", "xa.anhoathinh"), ("ho-ten", "Cán bộ xã"),
                                                             ("vai-tro", "commune"), ("don-vi", unit),
                                                             ("csrf", token(page, "/quan-tri/tai-khoan"))])
        self.assertEqual(status, 200)
        officer_once = re.search(r'class="secret">([^<]+)<', page.decode("utf-8")).group(1)
        client = Client(port)
        self.sign_in_first_time(client, "xa.anhoathinh", officer_once, "mat khau cua xa 1")
        csrf = token(client.get(f"/don-vi/{unit}")[2])
        officer = Officer(client, unit, csrf)
        self.assertEqual(officer.upload(open(TABLE, "rb").read()), 303)
        plan_page = f"/don-vi/{unit}/ke-hoach?nam={YEAR}"
        fields = with_values(form_fields(client.get(plan_page)[2], plan_page),
                             {"mau": "xa", "chi-tieu-ngheo": "ty-le", "gia-tri-ngheo": "4,93", "chi-tieu-can-ngheo": "so-ho",
                              "gia-tri-can-ngheo": "20"})
        self.assertEqual(officer.plan(fields, 1), 303)
        return officer, form_fields(client.get(plan_page)[2], plan_page)

    def busy_until_killed(self, officer, plan_fields, counters):
        """Three officers' hands at once (a typed save, an upload, a plan made, each again and again) until the
        server is killed at a moment drawn from the seed; the answered POSTs' markers are kept."""
        stop = threading.Event()
        lock = threading.Lock()

        def keep_doing(kind, act):
            while not stop.is_set():
                with lock:
                    counters[kind] += 1
                    marker = counters[kind]
                try:
                    status = act(marker)
                except (OSError, http.client.HTTPException):
                    return  # the server is gone
                if status == 303:
                    with lock:
                        self.acked[kind].append(marker)
                elif status:
                    raise AssertionError(f"{kind} {marker}: status {status}")

        errors = []

        def guarded(kind, act):
            try:
                keep_doing(kind, act)
            except AssertionError as error:
                errors.append(error)

        workers = [threading.Thread(target=guarded, args=("typed", lambda m: officer.typed(100_000 + m))),
                   threading.Thread(target=guarded, args=("upload", lambda m: officer.upload(uploaded_table(1000 + m)))),
                   threading.Thread(target=guarded, args=("plan", lambda m: officer.plan(plan_fields, 100 + m)))]
        for worker in workers:
            worker.start()
        if self.rng.random() < 0.5:
            time.sleep(self.rng.uniform(0.02, 1.0))
        elif self.temporary_seen(deadline=time.monotonic() + self.rng.uniform(0.3, 1.5)):
            self.caught_writing += 1
        self.server.kill()
        stop.set()
        for worker in workers:
            worker.join(timeout=120)
        self.assertEqual(errors, [])

    def temporary_seen(self, deadline):
        """Watches the file store until a file is being written into it (its temporary is there: a kill now
        cuts a save between its bytes and its name) or the deadline passes; whether one was seen."""
        store = os.path.join(self.data, "files")
        while time.monotonic() < deadline:
            for folder in os.scandir(store):
                if folder.is_dir() and any(entry.name.startswith(".") for entry in os.scandir(folder.path)):
                    return True
        return False

    def check_database(self):
        """Integrity of the database as the killed server left it; returns what the checks need of it."""
        connection = sqlite3.connect(os.path.join(self.data, "kehoach.db"))
        try:
            self.assertEqual(connection.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
            self.assertEqual(connection.execute("PRAGMA foreign_key_check").fetchall(), [])
            versions = connection.execute("SELECT id, kind, state FROM versions").fetchall()
            files = connection.execute("SELECT version_id, file_role, file_name, sha256 FROM version_files").fetchall()
        finally:
            connection.close()
        return versions, files

    def check_file_store(self, files):
        """Every file a version names is there whole; the store holds nothing but files named by their hash."""
        store = os.path.join(self.data, "files")
        for _, _, name, digest in files:
            path = os.path.join(store, digest[:2], digest)
            self.assertTrue(os.path.isfile(path), f"{name}: {digest} is not in the file store")
        for folder, _, names in os.walk(store):
            for name in names:
                path = os.path.join(folder, name)
                self.assertRegex(name, HASH_NAME, f"a file in the store that is not a stored file: {path}")
                self.assertEqual(os.path.basename(folder), name[:2], path)
                self.assertEqual(sha256(path), name, f"{path}: its bytes are not its name's")
        self.assertEqual(os.listdir(os.path.join(self.data, "tmp")), [], "the upload folder is not empty after a start")

    def check_acknowledged(self, officer, versions, files):
        """Every answered save is a version, with the bytes sent or the figures typed."""
        store = os.path.join(self.data, "files")
        kinds = {version: (kind, state) for version, kind, state in versions}
        by_version = {}
        for version, role, name, digest in files:
            by_version.setdefault(version, []).append((role, name, digest))
        read = lambda digest: open(os.path.join(store, digest[:2], digest), "rb").read()
        uploads, typed, plans = {}, set(), set()
        for version, entries in by_version.items():
            kind, state = kinds[version]
            if kind == "village_table":
                for role, name, digest in entries:
                    uploads[digest] = (version, name)
                    first = read(digest).decode("utf-8").splitlines()[1].split(",")
                    typed.add(first[-3])
            elif kind == "plan" and state == "done":
                names = {name for role, name, _ in entries if role == "output"}
                self.assertEqual(names, {"ke-hoach.docx", "ke-hoach-phu-luc.xlsx"}, f"version {version}")
                for role, name, digest in entries:
                    if name.endswith((".docx", ".xlsx")):
                        with zipfile.ZipFile(os.path.join(store, digest[:2], digest)) as package:
                            self.assertIsNone(package.testzip(), f"version {version}: {name}")
                    if name == "ke-hoach.yaml":
                        found = re.search(r"^  number: \"?(\d+)\"?$", read(digest).decode("utf-8"), re.M)
                        if found:
                            plans.add(int(found.group(1)))
        for marker in self.acked["upload"]:
            sent = uploaded_table(1000 + marker)
            digest = hashlib.sha256(sent).hexdigest()
            self.assertIn(digest, uploads, f"upload {marker} was answered 303 but is not a version")
            version, name = uploads[digest]
            status, _, body = officer.client.get(f"/don-vi/{officer.unit}/phien-ban/{version}/{urllib.parse.quote(name)}")
            self.assertEqual((status, body), (200, sent), f"upload {marker}")
        for marker in self.acked["typed"]:
            self.assertIn(str(100_000 + marker), typed, f"typed table {marker} was answered 303 but is not a version")
        for marker in self.acked["plan"]:
            self.assertIn(100 + marker, plans, f"plan {marker} was answered 303 but is not a version")

    def test_every_answered_save_survives_a_kill(self):
        officer, plan_fields = self.set_up_commune()
        counters = {"typed": 0, "upload": 0, "plan": 0}
        started = time.monotonic()
        for kill in range(KILLS):
            with self.subTest(kill=kill, seed=SEED):
                self.busy_until_killed(officer, plan_fields, counters)
                versions, files = self.check_database()
                officer.client.port = self.start()
                self.check_file_store(files)
                self.check_acknowledged(officer, versions, files)
        acked = {kind: len(markers) for kind, markers in self.acked.items()}
        sent = dict(counters)
        print(f"{KILLS} kills in {time.monotonic() - started:.0f} s, {self.caught_writing} while a file was being "
              "written into the store; answered 303 / sent: "
              + ", ".join(f"{kind} {acked[kind]}/{sent[kind]}" for kind in acked), flush=True)
        # The kills fell while each kind of save was under way, not only between them.
        for kind in acked:
            self.assertGreater(acked[kind], 0, kind)
            self.assertGreater(sent[kind], acked[kind], f"no {kind} was cut short by a kill")


if __name__ == "__main__":
    sys.exit(run(ServeFaults))
