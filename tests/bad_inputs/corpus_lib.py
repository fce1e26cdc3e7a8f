"""Building blocks of the bad-input corpus: an Ed25519 signer, archive and image
writers, the base pack text and the Corpus that records each input and what the
programs must do with it. make-corpus.py and hostile_cases.py use them."""

import argparse
import gzip
import hashlib
import io
import os
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
MIN_PNG = os.path.join(REPO, "tests/packs/minimal/media/photo.png")
MIN_JPG = os.path.join(REPO, "tests/packs/minimal/media/portrait.jpg")
BIG_PNG = os.path.join(REPO, "assets/ieng-sary/media/placeholder-railway-1977.png")

# The gzip header `vitrine-pack build` writes (platform/pack_file.cpp, kGzipHeader).
GZIP_HEADER = bytes([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03])

# --------------------------------------------------------------------------
# Ed25519 (RFC 8032, section 5.1), pure Python. Slow but fine for a few dozen
# signatures. Secret key files hold libsodium's 64-byte form: seed || public key.

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_GX = 15112221349535400772501151409588531511454012693041857206046113283949847762202
_GY = 46316835694926478169428394003475163141307993866256225615783033603165251855960
_G = (_GX, _GY, 1, _GX * _GY % _P)


def _add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    A = (y1 - x1) * (y2 - x2) % _P
    B = (y1 + x1) * (y2 + x2) % _P
    C = t1 * 2 * _D * t2 % _P
    D = z1 * 2 * z2 % _P
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F % _P, G * H % _P, F * G % _P, E * H % _P)


def _mul(s, pt):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, pt)
        pt = _add(pt, pt)
        s >>= 1
    return q


def _compress(pt):
    x, y, z, _ = pt
    zi = pow(z, _P - 2, _P)
    x, y = x * zi % _P, y * zi % _P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def _h(data):
    return int.from_bytes(hashlib.sha512(data).digest(), "little")


def ed25519_public(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return _compress(_mul(a, _G))


def ed25519_sign(seed, msg):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    A = _compress(_mul(a, _G))
    r = _h(h[32:] + msg) % _L
    R = _compress(_mul(r, _G))
    k = _h(R + A + msg) % _L
    S = (r + k * a) % _L
    return R + S.to_bytes(32, "little")


class Key:
    def __init__(self, key_file):
        lines = [l for l in open(key_file).read().splitlines() if l and not l.startswith("#")]
        assert lines[0] == "vitrine-secret-key 1", key_file
        fields = dict(l.split(" ", 1) for l in lines[1:])
        raw = bytes.fromhex(fields["ed25519"])
        self.seed, self.public, self.id = raw[:32], raw[32:], fields["key-id"]
        if ed25519_public(self.seed) != self.public:
            raise SystemExit(key_file + ": the pure-Python Ed25519 does not give this key's public key")
        if hashlib.sha256(self.public).hexdigest()[:16] != self.id:
            raise SystemExit(key_file + ": key id mismatch")

    def signature_entry(self, manifest):
        sig = ed25519_sign(self.seed, manifest)
        return ("vitrine-signature 1\nkey-id %s\ned25519 %s\n" % (self.id, sig.hex())).encode()


# --------------------------------------------------------------------------
# Archives

def manifest_of(files):
    """files: {archive path: bytes}. The MANIFEST text build would write."""
    out = "vitrine-manifest 1\n"
    for path in sorted(files):
        out += "%s %d %s\n" % (hashlib.sha256(files[path]).hexdigest(), len(files[path]), path)
    return out.encode()


def tar_entry(name, data=b"", kind=tarfile.REGTYPE, linkname="", size=None, pax=None):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = 0o644
    info.uid = info.gid = 0
    info.mtime = 0
    info.linkname = linkname
    info.size = len(data) if size is None else size
    if pax:
        info.pax_headers = pax
    return info, data


def build_header(name, size):
    """The ustar header `vitrine-pack build` writes (libarchive's pax_restricted
    writer) for a plain file: the verifier compares every tar byte with it."""
    def octal(value, digits, end):
        return ("%0*o" % (digits, value)).encode() + end
    h = bytearray(512)
    h[0:len(name)] = name.encode()
    h[100:108] = octal(0o644, 6, b" \0")
    h[108:116] = octal(0, 6, b" \0")
    h[116:124] = octal(0, 6, b" \0")
    h[124:136] = octal(size, 11, b" ")
    h[136:148] = octal(0, 11, b" ")
    h[148:156] = b" " * 8
    h[156:157] = b"0"
    h[257:265] = b"ustar\x0000"
    h[329:337] = octal(0, 6, b" \0")
    h[337:345] = octal(0, 6, b" \0")
    h[148:156] = octal(sum(h), 6, b"\0 ")
    return bytes(h)


def plain_entry(info):
    return (info.type == tarfile.REGTYPE and not info.pax_headers and len(info.name.encode()) <= 100 and not info.linkname
            and info.mode == 0o644 and info.uid == 0 and info.gid == 0 and info.mtime == 0)


def tar_bytes(entries, fmt=tarfile.PAX_FORMAT, raw_data=False):
    """entries: list of (TarInfo, data). With raw_data the data is written as is
    (it may differ from the header's size). Plain files in the default format get
    the exact header build writes; anything else is written by Python's tarfile."""
    if fmt != tarfile.PAX_FORMAT or raw_data:
        return tar_bytes_python(entries, fmt, raw_data)
    out = []
    for info, data in entries:
        if plain_entry(info) and info.size == len(data):
            out += [build_header(info.name, len(data)), data, b"\0" * ((-len(data)) % 512)]
        else:
            out.append(tar_bytes_python([(info, data)], fmt, cut_at_end=True))
    return b"".join(out) + b"\0" * 1024


def tar_bytes_python(entries, fmt=tarfile.PAX_FORMAT, raw_data=False, cut_at_end=False):
    """Python's tarfile writing ENTRIES; with cut_at_end, the entries only, without
    the end-of-archive blocks and record padding."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for info, data in entries:
            if raw_data:
                t.addfile(info)
                t.fileobj.write(data)
                pad = (-len(data)) % 512
                t.fileobj.write(b"\0" * pad)
                t.offset += len(data) + pad
            elif info.type in (tarfile.REGTYPE, tarfile.AREGTYPE) and info.size:
                t.addfile(info, io.BytesIO(data))
            else:
                info.size = 0 if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) else info.size
                t.addfile(info)
    return buf.getvalue()


def gzip_like_build(raw, header=GZIP_HEADER, trailing_zeros=0):
    """A gzip stream with build's header; trailing_zeros more zero bytes are
    deflated after `raw` (and counted in the CRC and length)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [header, c.compress(raw)]
    crc = zlib.crc32(raw)
    size = len(raw)
    chunk = b"\0" * (1 << 20)
    left = trailing_zeros
    while left > 0:
        part = chunk if left >= len(chunk) else chunk[:left]
        out.append(c.compress(part))
        crc = zlib.crc32(part, crc)
        size += len(part)
        left -= len(part)
    out.append(c.flush())
    out.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(out)


def read_vpk(path):
    """[(name, bytes)] of a pack file, in archive order."""
    with gzip.open(path, "rb") as g:
        raw = g.read()
    out = []
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:") as t:
        for m in t.getmembers():
            out.append((m.name, t.extractfile(m).read()))
    return out


# --------------------------------------------------------------------------
# Images

def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    i, out = 8, []
    while i < len(data):
        n = struct.unpack(">I", data[i:i + 4])[0]
        out.append((data[i + 4:i + 8], data[i + 8:i + 8 + n]))
        i += 12 + n
    return out


def png_build(chunks, fix_crc=True, crcs=None):
    out = [b"\x89PNG\r\n\x1a\n"]
    for idx, (kind, body) in enumerate(chunks):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        if crcs and idx in crcs:
            crc = crcs[idx]
        out.append(struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc))
    return b"".join(out)


def png_with_ihdr(base, width=None, height=None, depth=None, colour=None, interlace=None, fix_crc=True):
    chunks = png_chunks(base)
    kind, body = chunks[0]
    assert kind == b"IHDR"
    w, h, d, c, comp, filt, il = struct.unpack(">IIBBBBB", body)
    body2 = struct.pack(">IIBBBBB", w if width is None else width, h if height is None else height,
                        d if depth is None else depth, c if colour is None else colour, comp, filt,
                        il if interlace is None else interlace)
    chunks[0] = (kind, body2)
    crcs = None if fix_crc else {0: zlib.crc32(kind + body) & 0xFFFFFFFF}
    return png_build(chunks, crcs=crcs)


def jpeg_segments(data):
    assert data[:2] == b"\xff\xd8"
    i, out = 2, []
    while i < len(data):
        m = data[i + 1]
        n = struct.unpack(">H", data[i + 2:i + 4])[0]
        out.append((i, m, n))
        if m == 0xDA:
            break
        i += 2 + n
    return out


def jpeg_with_size(data, width, height):
    for off, m, n in jpeg_segments(data):
        if m in (0xC0, 0xC1, 0xC2):
            b = bytearray(data)
            b[off + 5:off + 7] = struct.pack(">H", height)
            b[off + 7:off + 9] = struct.pack(">H", width)
            return bytes(b)
    raise AssertionError("no SOF")


def jpeg_offset(data, marker):
    for off, m, n in jpeg_segments(data):
        if m == marker:
            return off, n
    raise AssertionError(hex(marker))


# --------------------------------------------------------------------------
# Pack text

BASE_TOML = '''# Corpus pack: a copy of tests/packs/minimal with one thing wrong.
schema = 1

[exhibit]
id = "@ID@"
version = "@VERSION@"
title.en = "Test Person"
subject.en = "Test Person"
born = "1925-10-24"
died = "2013-03-14"
photo = "portrait"

[settings]
idle_timeout_s = 45
languages = ["en"]

[[sources]]
id = "src"
title.en = "A source"

[[eras]]
id = "early"
name.en = "Early life"
start = "1925"
end = "1950"
color = "#8a3a2c"

[[events]]
id = "school"
date = "1940"
end = "1945"
era = "early"
headline.en = "School"
text.en = "Went to school."
sources = ["src"]

[[events]]
id = "born"
date = "1925-10-24"
headline.en = "Born"
text.en = "Was born."
sources = ["src"]
photo = "photo"

[[photographs]]
id = "photo"
file = "media/photo.png"
caption.en = "A photograph"
credit.en = "Test"
alt.en = "Four by three coloured squares"

[[photographs]]
id = "portrait"
file = "media/portrait.jpg"
caption.en = "A portrait"
credit.en = "Test"
alt.en = "A grey rectangle"

[[quotes]]
id = "words"
text.en = "Some words."
speaker = "Test Person"
date = "1975-08"
circa = true
sources = ["src"]
'''

BAD_TOML = BASE_TOML.replace("@ID@", "corpus-bad").replace("@VERSION@", "6.6.6")
GOOD_TOML = BASE_TOML.replace("@ID@", "corpus-good").replace("@VERSION@", "1.0.0")


def sub(text, old, new, count=1):
    if text.count(old) != count:
        raise AssertionError("%r occurs %d times, expected %d" % (old, text.count(old), count))
    return text.replace(old, new)


def drop_line(text, line):
    return sub(text, line + "\n", "")


# --------------------------------------------------------------------------

class Corpus:
    def __init__(self, out, vitrine_pack):
        self.out = out
        self.vp = vitrine_pack
        self.rows = []
        self.names = set()
        self.png = open(MIN_PNG, "rb").read()
        self.jpg = open(MIN_JPG, "rb").read()
        self.big_png = open(BIG_PNG, "rb").read()

    def row(self, name, kind, path, expect, expect_install, names_re, problem_re, description):
        assert name not in self.names, name
        assert "\t" not in names_re + problem_re + description
        description = description.replace("\n", "\\n")
        self.names.add(name)
        self.rows.append((name, kind, path, expect, expect_install, names_re, problem_re, description))

    # ---- pack folders ----
    def pack(self, name, toml=BAD_TOML, problem="error", names=None, media=None, description="",
             toml_bytes=None, after=None, expect="reject"):
        """A pack folder; media: {relative path: bytes} replacing the default
        media/photo.png and media/portrait.jpg."""
        d = os.path.join(self.out, "packs", name)
        os.makedirs(os.path.join(d, "media"))
        files = {"media/photo.png": self.png, "media/portrait.jpg": self.jpg}
        if media is not None:
            files.update(media)
        for rel, data in files.items():
            if data is None:
                continue
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        if toml_bytes is None and toml is not None:
            toml_bytes = toml.encode("utf-8")
        if toml_bytes is not None:
            with open(os.path.join(d, "pack.toml"), "wb") as f:
                f.write(toml_bytes)
        if after:
            after(d)
        names_re = names if names is not None else r"packs/%s/pack\.toml:[0-9]+:[0-9]+: error" % name
        self.row(name, "pack", "packs/" + name, expect, "-", names_re, problem, description)

    def strict_pack(self, name, toml, problem, description):
        """A pack valid for `validate` but for a warning that `validate --strict`
        makes fatal: the kiosk shows it, the strict check refuses it."""
        self.pack(name, toml=toml, problem=problem, description=description)
        self.rows[-1] = self.rows[-1][:1] + ("pack-strict",) + self.rows[-1][2:]

    def image_pack(self, name, data, filename, problem, description, expect="reject"):
        """A pack whose exhibit photograph (shown on Explore) is `data`."""
        toml = sub(BAD_TOML, 'file = "media/portrait.jpg"', 'file = "media/%s"' % filename)
        names = r"pack\.toml:[0-9]+:[0-9]+: error: 'media/%s'" % filename.replace(".", r"\.")
        self.pack("img-" + name, toml=toml, media={"media/portrait.jpg": None, "media/" + filename: data},
                  problem=problem, names=names, description=description, expect=expect)

    # ---- pack files ----
    def vpk(self, name, data, problem, description, expect="reject", expect_install="reject"):
        p = os.path.join(self.out, "vpk", name + ".vpk")
        with open(p, "wb") as f:
            f.write(data)
        self.row(name, "vpk", "vpk/%s.vpk" % name, expect, expect_install,
                 r"vpk/%s\.vpk" % name.replace(".", r"\."), problem, description)

    def write_index(self):
        with open(os.path.join(self.out, "index.tsv"), "w") as f:
            f.write("# name\tkind\tpath\texpect\texpect_install\tnames_re\tproblem_re\tdescription\n")
            for r in self.rows:
                f.write("\t".join(r) + "\n")


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(cmd), r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")))
    return r


