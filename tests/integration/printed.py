"""How a user sees an Excel table on paper: the workbook printed to PDF by LibreOffice (each sheet with
its own page setup), then the pages' sizes and the printed size of the text read from the PDF with
pdftotext -bbox."""
import os
import re
import statistics
import subprocess

from harness import libreoffice_convert

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
    return libreoffice_convert(files, "pdf", "pdf", outdir, profile, workdir)


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
