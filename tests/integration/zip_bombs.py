"""Zip packages built by hand, for the tests of hostile files: an entry that is a chunk repeated many times
(a 2 MB file inflating to 2 GB) is deflated in milliseconds, whatever its size, by compressing the chunk
once after a full flush and repeating its bytes; an entry's declared size may lie; a name may leave the
package ("../x"), which Python's zipfile would write too but kehoach's own zip library refuses to."""
import struct
import zlib


class Repeated:
    """head + chunk * count + tail, deflated without ever holding it whole."""

    def __init__(self, head, chunk, count, tail):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
        block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
        self.data = first + block * count + c.compress(tail) + c.flush(zlib.Z_FINISH)
        self.size = len(head) + len(chunk) * count + len(tail)
        crc = zlib.crc32(head)
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        self.crc = zlib.crc32(tail, crc)


def write_zip(path, entries, declared=None):
    """entries: [(name, bytes or Repeated)]; declared: {name: the uncompressed size to claim}."""
    declared = declared or {}
    central, offset = [], 0
    with open(path, "wb") as out:
        for name, content in entries:
            if isinstance(content, Repeated):
                data, size, crc = content.data, content.size, content.crc
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                data, size, crc = c.compress(content) + c.flush(), len(content), zlib.crc32(content)
            size = declared.get(name, size)
            encoded = name.encode("utf-8")
            header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, crc, len(data), size,
                                 len(encoded), 0)
            out.write(header + encoded + data)
            central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0x800, 8, 0, 0x21, crc,
                                       len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
            offset += len(header) + len(encoded) + len(data)
        directory = b"".join(central)
        out.write(directory)
        out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory),
                              offset, 0))


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_entries(sheet, shared_strings=None):
    """An .xlsx of one sheet "Thôn" whose part is `sheet` (bytes or Repeated), with shared strings if given."""
    rels = ('<Relationship Id="rId1" Type="' + REL + '/worksheet" Target="worksheets/sheet1.xml"/>')
    if shared_strings is not None:
        rels += '<Relationship Id="rId2" Type="' + REL + '/sharedStrings" Target="sharedStrings.xml"/>'
    entries = [
        ("xl/workbook.xml", ('<workbook ' + NS + ' xmlns:r="' + REL + '"><sheets><sheet name="Thôn" sheetId="1" '
                             'r:id="rId1"/></sheets></workbook>').encode()),
        ("xl/_rels/workbook.xml.rels", ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                        'relationships">' + rels + '</Relationships>').encode()),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    if shared_strings is not None:
        entries.append(("xl/sharedStrings.xml", shared_strings))
    return entries
