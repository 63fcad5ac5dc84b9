"""How a user sees an Excel table on paper: the workbook printed to PDF by LibreOffice (each sheet with
its own page setup), then the pages' sizes and the printed size of the text read from the PDF with
pdftotext -bbox."""
import os
import pathlib
import re
import signal
import statistics
import subprocess

from harness import LIBREOFFICE_TIMEOUT, soffice

# Liberation Serif (Times New Roman's metric twin) draws a word's box from its ascent (0.891 em) to its
# descent (0.216 em): a box 1.107 times the font size high.
BOX_PER_POINT = 1.107
A4_LANDSCAPE = (841.9, 595.3)
NUMBER = re.compile(r"^-?\d[\d.,]*$")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def print_to_pdf(files, outdir, profile, workdir):
    """Prints xlsx (or docx) files to PDF with a fresh LibreOffice profile; returns {file: pdf path}."""
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    os.makedirs(outdir, exist_ok=True)
    command = [soffice(), "-env:UserInstallation=" + pathlib.Path(profile).as_uri(), "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", outdir, *files]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=workdir,
                               start_new_session=True,
                               env={**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
                                    "LC_ALL": "C.UTF-8"})
    try:
        out, err = process.communicate(timeout=LIBREOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"LibreOffice did not finish printing within {LIBREOFFICE_TIMEOUT} s: {command}")
    printed = {}
    for path in files:
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        if process.returncode != 0 or not os.path.isfile(pdf):
            raise AssertionError(f"LibreOffice did not print {path} (exit {process.returncode}):\n{out}\n{err}")
        printed[path] = pdf
    return printed


class Page:
    def __init__(self, width, height, words):
        self.width, self.height, self.words = width, height, words  # words: (x0, y0, x1, y1, text)

    @property
    def landscape_a4(self):
        return abs(self.width - A4_LANDSCAPE[0]) < 1 and abs(self.height - A4_LANDSCAPE[1]) < 1

    def text(self):
        return " ".join(w[4] for w in self.words)

    def number_size(self):
        """The printed size (pt) of the figures in the table's cells: the median height of the words that
        are numbers, as a font size."""
        heights = [w[3] - w[1] for w in self.words if NUMBER.match(w[4])]
        return statistics.median(heights) / BOX_PER_POINT if heights else 0.0

    def inside(self):
        """Every word lies on the page: nothing of the table is cut off at its edges."""
        return all(0 <= w[0] and w[2] <= self.width and 0 <= w[1] and w[3] <= self.height for w in self.words)


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for chunk in out.split("<page ")[1:]:
        width, height = (float(v) for v in PAGE.match("<page " + chunk).groups())
        words = [(float(a), float(b), float(c), float(d), t.replace("&amp;", "&")) for a, b, c, d, t in WORD.findall(chunk)]
        found.append(Page(width, height, words))
    return found
