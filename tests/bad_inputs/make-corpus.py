#!/usr/bin/env python3
"""Writes a corpus of broken inputs for Vitrine.

    tests/bad_inputs/make-corpus.py OUT_DIR [--vitrine-pack PATH]

Python 3 standard library only. OUT_DIR (created; must not exist or be empty)
receives:

  keys/test.{key,pub}, keys/other.{key,pub}   from `vitrine-pack keygen`
  good/pack/, good/good.vpk                    the valid pack a kiosk has installed
                                               (id corpus-good 1.0.0), built and
                                               signed by `vitrine-pack build`
  outside/                                     files outside every pack, that
                                               symlinks point at
  packs/NAME/                                  broken pack folders (pack.toml +
                                               media), including packs whose
                                               photograph is a broken image
  vpk/NAME.vpk                                 broken pack files
  index.tsv                                    one line per input, read by
                                               run-corpus.sh:
      name  kind  path  expect  expect_install  names_re  problem_re  description
  kind: pack (vitrine-pack validate, vitrine --headless), pack-strict (a warning
  for validate, refused by validate --strict), vpk (verify, install), config
  (the kiosk started with --config) or replay (the kiosk started with --replay).
  The second pass's inputs (limits, invisible and control text, implausible
  dates, FIFOs and links, the photo memory budget, bytes outside the signature,
  downgrades) are in hostile_cases.py, the third's (keys too deep to parse,
  characters stacked too high to shape, configurations that read as nothing) in
  depth_cases.py; the shared building blocks in corpus_lib.py.
  expect: what validate (pack) or verify (vpk) must do: reject, or accept for
  the few controls that are valid on purpose (proving the harness can tell).
  expect_install (vpk only): always reject for a bad pack file.
  names_re / problem_re: extended regexes the rejecting command's stderr must
  match: the file named, and the problem named.

Pack files whose archive is malicious but whose MANIFEST must carry a valid
signature (so that the checks after the signature are reached) are signed here
with the test key, in pure Python: Ed25519 per RFC 8032 (hashlib.sha512), the
same scheme as libsodium's crypto_sign_detached over the exact MANIFEST bytes.
The script checks its signer against keys/test.pub and against `vitrine-pack
verify` of a re-signed copy of the good pack before writing anything malicious.
"""

import argparse
import gzip
import os
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import zlib

from corpus_lib import *  # noqa: F401,F403  (the corpus's building blocks)
import depth_cases
import hostile_cases

def make_images(c):
    png, jpg, big = c.png, c.jpg, c.big_png
    IMG = c.image_pack
    corrupt = r"is corrupt|not a PNG or JPEG"
    # -- zero bytes and wrong magic numbers
    IMG("zero-bytes-png", b"", "empty.png", corrupt + r"|empty", "a zero-byte .png")
    IMG("zero-bytes-jpg", b"", "empty.jpg", corrupt + r"|empty", "a zero-byte .jpg")
    IMG("text-named-png", b"This is not an image, just text.\n", "text.png", r"not a PNG or JPEG", "text named .png")
    IMG("text-named-jpg", b"<html><body>nope</body></html>\n", "page.jpg", r"not a PNG or JPEG", "HTML named .jpg")
    IMG("gif-named-png", b"GIF89a\x04\x00\x03\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
        b"\x00\x00\x00\x00\x04\x00\x03\x00\x00\x02\x03\x84\x8f\x05\x00;", "anim.png", r"not a PNG or JPEG", "a GIF named .png")
    IMG("bmp-named-jpg", b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 2, 1, 24, 0, 16, 0, 0, 0, 0)
        + b"\0" * 16, "bitmap.jpg", r"not a PNG or JPEG", "a BMP named .jpg")
    IMG("webp-named-jpg", b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00",
        "photo.jpg", r"not a PNG or JPEG", "a WebP named .jpg")
    IMG("pdf-named-png", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "scan.png", r"not a PNG or JPEG",
        "a PDF named .png")
    IMG("elf-named-jpg", open("/bin/true", "rb").read()[:4096], "true.jpg", r"not a PNG or JPEG", "an executable named .jpg")
    IMG("png-magic-only", png[:8], "sig.png", corrupt, "a PNG signature and nothing else")
    IMG("jpeg-soi-only", b"\xff\xd8", "soi.jpg", corrupt, "a JPEG start-of-image marker and nothing else")
    IMG("jpeg-soi-eoi", b"\xff\xd8\xff\xd9", "soieoi.jpg", corrupt, "a JPEG with SOI then EOI, no frame")
    # Controls: the format recognises media by content, so these are valid.
    IMG("control-png-named-jpg", png, "really-png.jpg", "-", "CONTROL: a valid PNG named .jpg (valid by PACK-FORMAT.md: by content)",
        expect="accept")
    IMG("control-jpeg-named-png", jpg, "really-jpeg.png", "-", "CONTROL: a valid JPEG named .png (valid by content)", expect="accept")

    # -- truncated JPEGs (portrait.jpg is 613 bytes: APP0, DQT, SOF0 @154, DHT @173, SOS @593, EOI @611)
    sof, _ = jpeg_offset(jpg, 0xC0)
    dht, _ = jpeg_offset(jpg, 0xC4)
    sos, _ = jpeg_offset(jpg, 0xDA)
    for label, cut in [("4", 4), ("20-in-app0", 20), ("before-sof", sof), ("mid-sof", sof + 8), ("mid-dht", dht + 100),
                       ("before-sos", sos), ("mid-sos-header", sos + 6), ("mid-scan", sos + 15), ("no-eoi", len(jpg) - 2)]:
        IMG("jpeg-truncated-" + label, jpg[:cut], "trunc-%s.jpg" % label, corrupt, "portrait.jpg cut to %d of %d bytes" % (cut, len(jpg)))
    # -- corrupt JPEGs
    IMG("jpeg-60000x60000", jpeg_with_size(jpg, 60000, 60000), "huge.jpg", r"60000.60000 pixels|at most 8192",
        "a JPEG whose SOF claims 60000x60000")
    IMG("jpeg-65535x1", jpeg_with_size(jpg, 65535, 1), "wide.jpg", r"65535.1 pixels|at most 8192", "a JPEG 65535 pixels wide")
    IMG("jpeg-8000x8000", jpeg_with_size(jpg, 8000, 8000), "64mp.jpg", r"8000.8000 pixels|40 megapixels",
        "a JPEG of 64 megapixels (under 8192 a side, over 40 MP)")
    IMG("jpeg-0x0", jpeg_with_size(jpg, 0, 0), "zero.jpg", corrupt + r"|0.0 pixels", "a JPEG whose SOF says 0x0")
    b = bytearray(jpg); b[sof + 2:sof + 4] = b"\x00\x01"
    IMG("jpeg-sof-length-1", bytes(b), "soflen.jpg", corrupt, "a JPEG whose SOF segment length is 1")
    b = bytearray(jpg); b[sof + 2:sof + 4] = b"\xff\xff"
    IMG("jpeg-sof-length-past-end", bytes(b), "sofpast.jpg", corrupt, "a JPEG whose SOF length runs past the end")
    b = bytearray(jpg); b[sof + 9] = 0
    IMG("jpeg-zero-components", bytes(b), "nocomp.jpg", corrupt, "a JPEG frame with 0 components")
    b = bytearray(jpg); b[sof + 4] = 13
    IMG("jpeg-precision-13", bytes(b), "prec.jpg", corrupt, "a baseline JPEG with 13-bit precision")
    IMG("jpeg-no-sof", jpg[:sof] + jpg[dht:], "nosof.jpg", corrupt, "a JPEG without a frame header")
    IMG("jpeg-no-dht", jpg[:dht] + jpg[sos:], "nodht.jpg", corrupt, "a JPEG without Huffman tables")
    b = bytearray(jpg); b[2] = 0x00
    IMG("jpeg-bad-marker", bytes(b), "marker.jpg", corrupt, "a JPEG whose second marker is not a marker")
    b = bytearray(jpg); b[sof + 1] = 0xCF  # SOF15: lossless arithmetic, unsupported
    IMG("jpeg-arithmetic-lossless", bytes(b), "sof15.jpg", corrupt, "a JPEG frame type stb cannot decode (SOF15)")

    # -- truncated PNGs
    for label, data, cut in [("12", png, 12), ("mid-ihdr", png, 24), ("after-ihdr", png, 33), ("no-iend", png, len(png) - 12),
                             ("big-half", big, len(big) // 2), ("big-no-iend", big, len(big) - 12)]:
        IMG("png-truncated-" + label, data[:cut], "trunc-%s.png" % label, corrupt,
            "a PNG cut to %d of %d bytes" % (cut, len(data)))
    # -- corrupt PNGs
    IMG("png-60000x60000", png_with_ihdr(png, 60000, 60000), "huge.png", r"60000.60000 pixels|at most 8192",
        "a PNG whose IHDR claims 60000x60000 (CRC fixed)")
    IMG("png-60000x60000-stale-crc", png_with_ihdr(png, 60000, 60000, fix_crc=False), "huge-crc.png",
        r"60000.60000 pixels|at most 8192|corrupt", "a PNG claiming 60000x60000 with its old IHDR CRC")
    IMG("png-big-60000x60000", png_with_ihdr(big, 60000, 60000), "bighuge.png", r"60000.60000 pixels|at most 8192",
        "the 1.3 MB placeholder with its IHDR set to 60000x60000")
    IMG("png-2147483647-wide", png_with_ihdr(png, 0x7FFFFFFF, 1), "wide.png", r"pixels|at most 8192|corrupt",
        "a PNG 2^31-1 pixels wide")
    IMG("png-4294967295-wide", png_with_ihdr(png, 0xFFFFFFFF, 0xFFFFFFFF), "neg.png", r"pixels|at most 8192|corrupt",
        "a PNG whose width and height are 0xFFFFFFFF (negative as int32)")
    IMG("png-0x0", png_with_ihdr(png, 0, 0), "zero.png", corrupt + r"|0.0 pixels", "a PNG whose IHDR says 0x0")
    IMG("png-bit-depth-3", png_with_ihdr(png, depth=3), "depth3.png", corrupt, "a PNG with bit depth 3")
    IMG("png-colour-type-5", png_with_ihdr(png, colour=5), "colour5.png", corrupt, "a PNG with colour type 5")
    IMG("png-interlace-7", png_with_ihdr(png, interlace=7), "interlace7.png", corrupt, "a PNG with interlace method 7")
    IMG("png-bigger-than-data", png_with_ihdr(png, 4000, 3000), "short.png", corrupt,
        "a 4x3 PNG whose IHDR claims 4000x3000: too little image data")
    ch = png_chunks(png)
    idat = [i for i, (k, _) in enumerate(ch) if k == b"IDAT"][0]
    bad = list(ch); bad[idat] = (b"IDAT", b"\x00garbage-not-zlib" * 3)
    IMG("png-idat-garbage", png_build(bad), "garbage.png", corrupt, "a PNG whose IDAT is not zlib (CRC valid)")
    bad = list(ch); bad[idat] = (b"IDAT", ch[idat][1][:len(ch[idat][1]) // 2])
    IMG("png-idat-half", png_build(bad), "halfidat.png", corrupt, "a PNG whose zlib stream stops half-way (CRC valid)")
    bad = list(ch); bad[idat] = (b"IDAT", zlib.compress(b"\x05" * 100))
    IMG("png-bad-filter", png_build(bad), "filter.png", corrupt, "a PNG whose rows use filter type 5")
    IMG("png-no-idat", png_build([x for x in ch if x[0] != b"IDAT"]), "noidat.png", corrupt, "a PNG without IDAT")
    IMG("png-palette-no-plte", png_with_ihdr(png, depth=8, colour=3), "noplte.png", corrupt,
        "a palette PNG without a PLTE chunk")
    b = bytearray(png); b[33:37] = struct.pack(">I", 0x7FFFFFF0)
    IMG("png-chunk-length-huge", bytes(b), "chunklen.png", corrupt, "a PNG whose second chunk claims 2 GiB")
    IMG("png-ihdr-not-first", png_build([ch[1]] + [ch[0]] + ch[2:]), "order.png", corrupt, "a PNG whose first chunk is not IHDR")
    # PNG bomb: a 8192x4880 (40 MP, at the limit) image whose IDAT is a tiny zlib stream
    # of 16 MB only (so it is also truncated): header check passes, decoding must fail
    # cleanly without running out of memory.
    raw = zlib.compress(b"\0" * (16 << 20), 9)
    bomb = png_build([(b"IHDR", struct.pack(">IIBBBBB", 8192, 4880, 8, 6, 0, 0, 0)), (b"IDAT", raw), (b"IEND", b"")])
    IMG("png-bomb-40mp-short", bomb, "bomb.png", corrupt, "a 40 MP RGBA PNG whose %d-byte zlib stream inflates to 16 MiB of "
        "the 160 MiB it needs" % len(raw))


def make_toml_packs(c):
    P = c.pack
    B = BAD_TOML
    # -- syntax
    P("toml-syntax-unclosed-string", sub(B, 'title.en = "Test Person"', 'title.en = "Test Person'), r"pars|string|unterminated|expected|no closing",
      description="unterminated string")
    P("toml-syntax-missing-equals", sub(B, 'version = "6.6.6"', 'version "6.6.6"'), r"pars|expected|missing '='", description="key without '='")
    P("toml-syntax-bad-table-header", sub(B, "[settings]", "[settings"), r"pars|expected|\]", description="table header without ']'")
    P("toml-syntax-duplicate-key", sub(B, 'version = "6.6.6"', 'version = "6.6.6"\nversion = "6.6.7"'), r"redefin|duplicate|already|set twice",
      description="the same key twice in a table")
    P("toml-syntax-bad-escape", sub(B, 'text.en = "Went to school."', r'text.en = "Went to \q school."'), r"escape|pars",
      description="unknown escape \\q")
    P("toml-syntax-unterminated-multiline", B + 'extra = """never closed\n', r"pars|unterminated|string|expected|EOF|end of|never ends",
      description="multi-line string never closed")
    P("toml-syntax-nul-byte", toml_bytes=B.encode().replace(b"Went to school.", b"Went to\x00school."),
      problem=r"control|pars|null|NUL|U\+0000|unexpected|invalid", description="a NUL byte inside a string")
    P("toml-syntax-deep-arrays", B + "deep = " + "[" * 100000 + "]" * 100000 + "\n", r"nest|depth|pars|exceed",
      description="arrays nested 100 000 deep (stack exhaustion)")
    P("toml-syntax-deep-inline-tables", B + "deep = " + "{a=" * 50000 + "1" + "}" * 50000 + "\n", r"nest|depth|pars|exceed",
      description="inline tables nested 50 000 deep")
    P("toml-syntax-garbage", toml_bytes=bytes(range(256)) * 4, problem=r"pars|UTF-8|unexpected|invalid|error",
      description="every byte value, four times")
    P("toml-syntax-only-equals", "=\n", r"pars|expected|key", description="a lone '='")
    P("toml-syntax-bad-number", sub(B, "idle_timeout_s = 45", "idle_timeout_s = 4_5_"), r"pars|number|underscore|integer",
      description="malformed integer")
    P("toml-syntax-huge-integer", sub(B, "schema = 1", "schema = 99999999999999999999999999"), r"pars|range|overflow|large|schema",
      description="integer beyond 64 bits")
    P("toml-syntax-array-of-tables-clash", sub(B, "[settings]", "[events]\nx = 1\n\n[settings]"), r"redefin|already|events|array|table",
      description="[events] defined as a table and then as [[events]]")
    P("toml-empty-file", "", r"schema|missing|no events", description="a zero-byte pack.toml")
    P("toml-only-comment", "# nothing\n", r"schema|missing", description="a pack.toml with only a comment")
    # -- invalid UTF-8
    for label, raw in [("in-string", b'text.en = "Went to \xff school."'), ("overlong", b'text.en = "Went to \xc0\xaf school."'),
                       ("surrogate", b'text.en = "Went to \xed\xa0\x80 school."'),
                       ("truncated-sequence", b'text.en = "Went to \xe2\x82 school."')]:
        P("utf8-" + label, toml_bytes=B.encode().replace(b'text.en = "Went to school."', raw),
          problem=r"UTF-8|utf-8|encoding|pars", description="invalid UTF-8 (%s) in pack.toml" % label)
    P("utf8-in-comment", toml_bytes=B.encode().replace(b"# Corpus pack", b"# \xfe\xfe Corpus pack"), problem=r"UTF-8|utf-8|encoding|pars",
      description="invalid UTF-8 in a comment")
    P("utf8-in-key", toml_bytes=B.encode().replace(b'speaker = "Test Person"', b'spe\xe9ker = "Test Person"'),
      problem=r"UTF-8|utf-8|encoding|pars|key", description="Latin-1 byte in a bare key")
    P("utf8-at-eof", toml_bytes=B.encode() + b'note = "\xe2\x82', problem=r"UTF-8|utf-8|encoding|pars|string",
      description="file ends inside a multi-byte sequence")
    P("utf16-file", toml_bytes=B.encode("utf-16"), problem=r"UTF-8|utf-8|encoding|pars|unexpected|invalid|schema",
      description="pack.toml saved as UTF-16")
    # -- unknown keys
    P("unknown-key-top", sub(B, "schema = 1", "schema = 1\nshema = 1"), r"unknown key 'shema'", description="unknown top-level key")
    P("unknown-key-exhibit", sub(B, 'born = "1925-10-24"', 'born = "1925-10-24"\nbirthplace = "x"'), r"unknown key 'birthplace'",
      description="unknown key in [exhibit]")
    P("unknown-key-misspelt-caption", sub(B, 'caption.en = "A portrait"', 'captoin.en = "A portrait"'),
      r"unknown key 'captoin'|missing required key 'caption'", description="'captoin' for 'caption'")
    P("unknown-section", B + '\n[[eventz]]\nid = "x"\n', r"unknown (key|section|table).*eventz", description="[[eventz]]")
    P("unknown-key-event", sub(B, 'headline.en = "Born"', 'headline.en = "Born"\nlocation = "Phnom Penh"'),
      r"unknown key 'location'", description="unknown key in an event")
    P("bad-language-code", sub(B, 'headline.en = "Born"', 'headline.ENGLISH = "Born"'), r"language code|headline",
      description="'ENGLISH' as a language code")
    # -- missing fields
    for label, line, key in [("schema", "schema = 1", "schema"), ("exhibit-id", 'id = "corpus-bad"', "id"),
                             ("version", 'version = "6.6.6"', "version"), ("title", 'title.en = "Test Person"', "title"),
                             ("exhibit-photo", 'photo = "portrait"', "photo"),
                             ("event-date", 'date = "1940"', "date"), ("event-text", 'text.en = "Went to school."', "text"),
                             ("photo-file", 'file = "media/photo.png"', "file"), ("quote-speaker", 'speaker = "Test Person"', "speaker"),
                             ("source-title", 'title.en = "A source"', "title"), ("era-end", 'end = "1950"', "end")]:
        P("missing-" + label, drop_line(B, line), r"missing required key '%s'" % key, description="no %s" % line.split(" ")[0])
    # An event with a photograph may leave its text out (the photograph speaks).
    P("control-pictured-event-without-text", drop_line(B, 'text.en = "Was born."'), "-", names="-",
      description="CONTROL: an event with a photograph and no text (valid)", expect="accept")
    # An exhibit need not be a person's life: neither born nor died is required.
    P("control-no-life", drop_line(drop_line(B, 'born = "1925-10-24"'), 'died = "2013-03-14"'), "-", names="-",
      description="CONTROL: an exhibit without born and died (valid)", expect="accept")
    # A year before 1 AD is written as a negative year alone ("-500" is 500 BC).
    P("control-bc-year", sub(B, 'date = "1940"', 'date = "-500"'), "-", names="-",
      description="CONTROL: an event in 500 BC (valid; warned as outside the exhibit's years)", expect="accept")
    # -- wrong types
    for label, old, new, what in [("schema-string", "schema = 1", 'schema = "1"', "schema"),
                                  ("id-integer", 'id = "corpus-bad"', "id = 5", "id"),
                                  ("born-date-literal", 'born = "1925-10-24"', "born = 1925-10-24", "born"),
                                  ("born-integer", 'born = "1925-10-24"', "born = 1925", "born"),
                                  ("title-string", 'title.en = "Test Person"', 'title = "Test Person"', "title"),
                                  ("languages-string", 'languages = ["en"]', 'languages = "en"', "languages"),
                                  ("idle-float", "idle_timeout_s = 45", "idle_timeout_s = 45.5", "idle_timeout_s"),
                                  ("circa-string", "circa = true", 'circa = "yes"', "circa"),
                                  ("sources-string", 'sources = ["src"]\nphoto = "photo"', 'sources = "src"\nphoto = "photo"', "sources"),
                                  ("reduced-motion-int", "idle_timeout_s = 45", "idle_timeout_s = 45\nreduced_motion = 1", "reduced_motion"),
                                  ("exhibit-array", "[exhibit]", "[[exhibit]]", "exhibit"),
                                  ("events-table", "[[quotes]]", "[[quotes]]", "quotes")]:
        text = sub(B, old, new) if old != new else B.replace("[[quotes]]", "[quotes]")
        P("wrong-type-" + label, text, r"'%s'.*must|must be|not a|expected|type" % what, description="%s -> %s" % (old, new))
    P("schema-2", sub(B, "schema = 1", "schema = 2"), r"schema 2 is not supported", description="schema 2")
    P("schema-negative", sub(B, "schema = 1", "schema = -1"), r"schema .*not supported|schema", description="schema -1")
    P("bad-id-chars", sub(B, 'id = "corpus-bad"', 'id = "Corpus Bad!"'), r"id|\[a-z0-9-\]", description="exhibit id with spaces and '!'")
    P("id-path-traversal", sub(B, 'id = "corpus-bad"', 'id = "../../etc"'), r"id|\[a-z0-9-\]", description="exhibit id '../../etc'")
    P("version-empty", sub(B, 'version = "6.6.6"', 'version = ""'), r"version", description="empty version")
    # PACK-FORMAT.md: a version is one plain word (it goes into status lines and folder names).
    P("version-with-slash", sub(B, 'version = "6.6.6"', 'version = "1/../../x"'), r"version",
      description="version '1/../../x'")
    P("version-with-space", sub(B, 'version = "6.6.6"', 'version = "1.0 beta"'), r"version",
      description="version '1.0 beta'")
    P("idle-too-short", sub(B, "idle_timeout_s = 45", "idle_timeout_s = 5"), r"between 20 and 3600", description="idle 5 s")
    P("idle-negative-huge", sub(B, "idle_timeout_s = 45", "idle_timeout_s = -9223372036854775808"), r"between 20 and 3600",
      description="idle INT64_MIN")
    P("languages-empty", sub(B, 'languages = ["en"]', "languages = []"), r"languages", description="no languages")
    P("default-language-missing", sub(B, 'languages = ["en"]', 'languages = ["km"]'), r"default language 'km'",
      description="texts lack the default language")
    P("era-colour-bad", sub(B, 'color = "#8a3a2c"', 'color = "red"'), r"colou?r|#RRGGBB", description="colour 'red'")
    # -- impossible dates
    for label, old, new in [("feb-30", 'date = "1925-10-24"', 'date = "1975-02-30"'), ("month-13", 'date = "1940"', 'date = "1975-13"'),
                            ("month-0", 'date = "1940"', 'date = "1975-00"'), ("day-0", 'born = "1925-10-24"', 'born = "1925-10-00"'),
                            ("not-padded", 'date = "1975-08"', 'date = "1975-8-3"'), ("letters", 'died = "2013-03-14"', 'died = "last year"'),
                            ("empty", 'date = "1940"', 'date = ""'), ("feb-29-1900", 'date = "1925-10-24"', 'date = "1900-02-29"'),
                            ("five-digit-year", 'date = "1940"', 'date = "19400"'), ("bc-with-month", 'date = "1940"', 'date = "-500-03"'),
                            ("year-zero", 'date = "1940"', 'date = "0"'), ("minus-zero", 'date = "1940"', 'date = "-0"')]:
        P("date-" + label, sub(B, old, new), r"invalid date|date", description=new)
    # -- reversed ranges
    P("range-event-reversed", sub(B, 'end = "1945"', 'end = "1935"'), r"range ends .* before it starts", description="event 1940..1935")
    P("range-era-reversed", sub(B, 'end = "1950"', 'end = "1900"'), r"range ends .* before it starts", description="era 1925..1900")
    P("range-died-before-born", sub(B, 'died = "2013-03-14"', 'died = "1920"'), r"'died' .* before 'born'", description="died 1920")
    P("range-same-year-reversed-day", sub(B, 'date = "1940"\nend = "1945"', 'date = "1940-05-02"\nend = "1940-05-01"'),
      r"range ends .* before it starts", description="1940-05-02..1940-05-01")
    P("range-quote-reversed", sub(B, 'date = "1975-08"', 'date = "1975-08"\nend = "1975-07"'), r"range ends .* before it starts",
      description="quote 1975-08..1975-07")
    # -- duplicate ids
    P("duplicate-event-id", sub(B, 'id = "born"', 'id = "school"'), r"duplicate id 'school'", description="two events 'school'")
    P("duplicate-photo-id", sub(B, 'id = "portrait"', 'id = "photo"'), r"duplicate id 'photo'", description="two photographs 'photo'")
    P("duplicate-source-id", sub(B, "[[eras]]", '[[sources]]\nid = "src"\ntitle.en = "Again"\n\n[[eras]]'), r"duplicate id 'src'",
      description="two sources 'src'")
    P("duplicate-quote-id", B + '\n[[quotes]]\nid = "words"\ntext.en = "More."\nspeaker = "X"\n', r"duplicate id 'words'",
      description="two quotes 'words'")
    P("duplicate-era-id", sub(B, "[[events]]\nid = \"school\"",
                              '[[eras]]\nid = "early"\nname.en = "Again"\nstart = "1950"\nend = "1960"\n\n[[events]]\nid = "school"'),
      r"duplicate id 'early'", description="two eras 'early'")
    # -- dangling references
    P("dangling-exhibit-photo", sub(B, 'photo = "portrait"', 'photo = "nobody"'), r"refers to photograph 'nobody'",
      description="exhibit photo names nothing")
    P("dangling-event-era", sub(B, 'era = "early"', 'era = "late"'), r"refers to era 'late'", description="era names nothing")
    P("dangling-event-source", sub(B, 'sources = ["src"]\nphoto = "photo"', 'sources = ["gone"]\nphoto = "photo"'),
      r"refers to source 'gone'", description="source names nothing")
    P("dangling-event-photo", sub(B, 'photo = "photo"', 'photo = "missing"'), r"refers to photograph 'missing'",
      description="event photo names nothing")
    # -- no events
    no_events = B.split("[[events]]")[0] + "[[photographs]]" + B.split("[[photographs]]", 1)[1]
    P("no-events", no_events, r"no events", description="no [[events]]")
    P("no-events-empty-array", sub(no_events, "schema = 1\n", "schema = 1\nevents = []\n"), r"no events",
      description="events = [] at the top level")


def make_recording_packs(c, outside):
    """[[recordings]] gone wrong: validate refuses each (an error), the kiosk
    shows the pack and leaves the recording out with a warning."""
    P = c.pack
    ogg = open(os.path.join(REPO, "tests/packs/exhibit-recordings/audio/en/born-headline.ogg"), "rb").read()
    vtt = b"WEBVTT\n\n00:00.000 --> 00:01.900\nBorn in a village by the river.\n"
    shutil.copy(os.path.join(REPO, "tests/packs/exhibit-recordings/audio/en/born-headline.ogg"),
                os.path.join(outside, "secret.ogg"))
    REC = ('\n[[recordings]]\nitem = "events.born"\nfield = "headline"\nlanguage = "en"\n'
           'file = "audio/born.ogg"\ncaptions = "audio/born.vtt"\n')
    R = BAD_TOML + REC
    media = {"audio/born.ogg": ogg, "audio/born.vtt": vtt}

    def rec(name, toml, problem, description, files=None, names=None, after=None):
        P("rec-" + name, toml, problem, names=names, media=dict(media, **(files or {})), description=description,
          after=after)

    P("control-recording", R, "-", names="-", media=media, description="CONTROL: a valid recording with captions",
      expect="accept")
    rec("missing-file", R, r"'audio/born\.ogg' does not exist", "the recording's file is not there",
        files={"audio/born.ogg": None})
    rec("wav-named-ogg", R, r"is a WAV file, not Ogg Vorbis", "a WAV file named .ogg",
        files={"audio/born.ogg": b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\0" * 64})
    rec("text-named-ogg", R, r"is not an Ogg file", "text named .ogg", files={"audio/born.ogg": b"not audio\n"})
    rec("ogg-opus", R, r"is Ogg Opus", "Ogg Opus instead of Vorbis",
        files={"audio/born.ogg": b"OggS\x00\x02" + b"\0" * 20 + b"\x01\x13OpusHead" + b"\0" * 11})
    rec("vtt-bad-timestamp", R, r"'00:01,900' is not a WebVTT time",
        "captions with an SRT-style comma in a time",
        files={"audio/born.vtt": vtt.replace(b"00:01.900", b"00:01,900")},
        names=r"packs/rec-vtt-bad-timestamp/audio/born\.vtt:3:1: error")
    rec("vtt-backwards", R, r"put the cues in time order", "captions whose second cue starts before the first",
        files={"audio/born.vtt": vtt.replace(b"00:00.000 -->", b"00:01.000 -->") + b"\n00:00.500 --> 00:01.000\nagain\n"},
        names=r"packs/rec-vtt-backwards/audio/born\.vtt:6:1: error")
    rec("vtt-not-webvtt", R, r"starts with the line WEBVTT", "an SRT file as captions",
        files={"audio/born.vtt": b"1\n00:00:00,000 --> 00:00:01,900\nBorn\n"},
        names=r"packs/rec-vtt-not-webvtt/audio/born\.vtt:1:1: error")
    rec("path-dotdot", sub(R, 'file = "audio/born.ogg"', 'file = "../../outside/secret.ogg"'), r"uses '\.\.'",
        "recording file '../../outside/secret.ogg'")
    rec("path-absolute", sub(R, 'captions = "audio/born.vtt"', 'captions = "/etc/passwd"'), r"not an absolute path",
        "captions '/etc/passwd'")

    def link_out(d):
        os.remove(os.path.join(d, "audio/born.ogg"))
        os.symlink(os.path.join(outside, "secret.ogg"), os.path.join(d, "audio/born.ogg"))

    rec("symlink-outside", R, r"leads outside the pack folder", "audio/born.ogg -> an Ogg file outside the pack",
        after=link_out)
    rec("unknown-item", sub(R, 'item = "events.born"', 'item = "events.bron"'), r"there is no events with id 'bron'",
        "a recording of an event that does not exist")
    rec("no-such-text", sub(R, 'field = "headline"', 'field = "headlin"'), r"'headlin' is not a text of events\.born",
        "a recording of a text the event does not have")
    rec("duplicate", R + REC,
        r"is given already at line", "the same text recorded twice")


def make_path_packs(c, outside):
    P = c.pack
    B = BAD_TOML
    F = 'file = "media/portrait.jpg"'

    def with_file(name, value, problem, description, after=None, media=None):
        P(name, sub(B, F, 'file = "%s"' % value), problem, description=description, after=after, media=media)

    with_file("path-dotdot", "../../outside/secret.png", r"uses '\.\.'", "file '../../outside/secret.png'")
    with_file("path-dotdot-inside-media", "media/../../x.png", r"uses '\.\.'", "file 'media/../../x.png'")
    with_file("path-dotdot-deep", "media/" + "../" * 40 + "etc/passwd", r"uses '\.\.'", "file with 40 '..'")
    with_file("path-absolute", os.path.join(outside, "secret.png"), r"not an absolute path", "absolute path to a real image")
    with_file("path-absolute-etc-passwd", "/etc/passwd", r"not an absolute path", "file '/etc/passwd'")
    with_file("path-absolute-dev-zero", "/dev/zero", r"not an absolute path", "file '/dev/zero'")
    with_file("path-empty", "", r"must not be empty", "file ''")
    with_file("path-backslashes", r"media\\\\portrait.jpg", r"does not exist|not", "Windows separators")
    with_file("path-missing", "media/nothing-here.jpg", r"does not exist", "file does not exist")
    with_file("path-is-directory", "media", r"is a folder, not a regular file", "file names a folder")
    with_file("path-newline", r"media/port\nrait.jpg", r"does not exist|not", "file name with a newline")

    def link(rel, target):
        def f(d):
            p = os.path.join(d, rel)
            if os.path.lexists(p):
                os.remove(p)
            os.symlink(target, p)
        return f

    with_file("symlink-to-outside-image", "media/portrait.jpg", r"leads outside the pack folder",
              "media/portrait.jpg -> a real image outside the pack (absolute link)",
              after=link("media/portrait.jpg", os.path.join(outside, "secret.png")))
    with_file("symlink-relative-escape", "media/portrait.jpg", r"leads outside the pack folder",
              "media/portrait.jpg -> ../../../outside/secret.png",
              after=link("media/portrait.jpg", "../../../outside/secret.png"))
    with_file("symlink-to-etc-passwd", "media/portrait.jpg", r"leads outside the pack folder", "media/portrait.jpg -> /etc/passwd",
              after=link("media/portrait.jpg", "/etc/passwd"))
    with_file("symlink-to-dev-zero", "media/portrait.jpg", r"leads outside the pack folder", "media/portrait.jpg -> /dev/zero",
              after=link("media/portrait.jpg", "/dev/zero"))
    with_file("symlink-media-folder-outside", "media/portrait.jpg", r"leads outside the pack folder",
              "the media folder itself is a link to a folder outside",
              after=lambda d: (shutil.rmtree(os.path.join(d, "media")), os.symlink(outside, os.path.join(d, "media"))))
    with_file("symlink-loop", "media/loop.jpg", r"cannot be resolved|symbolic link|too many|does not exist|not",
              "media/loop.jpg -> loop2.jpg -> loop.jpg",
              after=lambda d: (os.symlink("loop2.jpg", os.path.join(d, "media/loop.jpg")),
                               os.symlink("loop.jpg", os.path.join(d, "media/loop2.jpg"))))
    with_file("symlink-dangling", "media/dangling.jpg", r"does not exist|cannot be resolved|is a symbolic link", "media/dangling.jpg -> nowhere",
              after=link("media/dangling.jpg", "nowhere.jpg"))
    with_file("fifo-as-photo", "media/pipe.jpg", r"is a FIFO, not a regular file", "media/pipe.jpg is a FIFO",
              after=lambda d: os.mkfifo(os.path.join(d, "media/pipe.jpg")))

    # pack.toml itself
    def toml_link(target):
        def f(d):
            os.remove(os.path.join(d, "pack.toml"))
            os.symlink(target, os.path.join(d, "pack.toml"))
        return f
    names_any = r"pack\.toml"
    # PACK-FORMAT.md: no symlinks that lead outside; a special file is not a pack.toml.
    outside_re = r"outside|symbolic link"
    P("pack-toml-symlink-etc-passwd", B, outside_re, names=names_any,
      description="pack.toml -> /etc/passwd", after=toml_link("/etc/passwd"))
    P("pack-toml-symlink-outside-valid", B, outside_re, names=names_any,
      description="pack.toml -> a valid pack.toml outside the pack folder", after=toml_link(os.path.join(outside, "pack.toml")))
    P("pack-toml-symlink-dev-zero", B, outside_re + r"|not a (regular )?file|device", names=names_any,
      description="pack.toml -> /dev/zero (endless)", after=toml_link("/dev/zero"))
    P("pack-toml-is-fifo", B, r"not a (regular |plain )?file|FIFO|special", names=names_any,
      description="pack.toml is a FIFO (opening it would block)",
      after=lambda d: (os.remove(os.path.join(d, "pack.toml")), os.mkfifo(os.path.join(d, "pack.toml"))))
    P("pack-toml-is-dir", B, r"not a (regular )?file|is a directory|is a folder", names=names_any,
      description="pack.toml is a folder",
      after=lambda d: (os.remove(os.path.join(d, "pack.toml")), os.mkdir(os.path.join(d, "pack.toml"))))
    P("pack-toml-missing", None, r"no pack\.toml|does not exist|cannot|not found|missing", names=names_any,
      description="no pack.toml at all")
    # Valid TOML, but pack.toml may be at most 64 MiB (PACK-FORMAT.md, Limits).
    P("pack-toml-70mb-comment", None, r"at most 64 MiB", names=names_any,
      description="a valid pack.toml padded to 70 MB with one comment line",
      after=lambda d: open(os.path.join(d, "pack.toml"), "wb").write(BAD_TOML.encode() + b"# " + b"x" * (70 << 20) + b"\n"))
    P("media-file-70mib", sub(B, F, 'file = "media/big.jpg"'), r"MiB; a media file may be at most 64 MiB",
      description="a 70 MiB file (JPEG header, then zeros) as the photograph",
      after=lambda d: open(os.path.join(d, "media/big.jpg"), "wb").write(c.jpg + b"\0" * (70 << 20)))


def make_vpks(c, keys_dir, good_vpk, test_key, other_key):
    V = c.vpk
    good = open(good_vpk, "rb").read()
    entries = read_vpk(good_vpk)
    names = [n for n, _ in entries]
    assert names[0] == "MANIFEST" and names[1] == "SIGNATURE", names
    manifest, signature = entries[0][1], entries[1][1]
    files = dict(entries[2:])
    raw_tar = gzip.decompress(good)
    sk = test_key

    def signed(files_in_manifest, archive_files=None, extra_before=(), extra_after=(), key=sk, manifest_override=None,
               trailing=0, fmt=tarfile.PAX_FORMAT):
        """A pack file whose MANIFEST (of files_in_manifest) is signed by `key`;
        archive_files: [(TarInfo, data)] written after MANIFEST and SIGNATURE."""
        m = manifest_override if manifest_override is not None else manifest_of(files_in_manifest)
        s = key.signature_entry(m)
        if archive_files is None:
            archive_files = [tar_entry(p, files_in_manifest[p]) for p in sorted(files_in_manifest)]
        ents = list(extra_before) + [tar_entry("MANIFEST", m), tar_entry("SIGNATURE", s)] + list(archive_files) + list(extra_after)
        return gzip_like_build(tar_bytes(ents, fmt=fmt), trailing_zeros=trailing)

    # Self-check: the Python signer and archive writer make a pack file vitrine-pack accepts.
    probe = os.path.join(c.out, "probe-resigned.vpk")
    open(probe, "wb").write(signed(files))
    r = subprocess.run([c.vp, "verify", probe, "--pubkey", os.path.join(keys_dir, "test.pub")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("self-check failed: a pack file re-signed in Python does not verify:\n" + r.stderr.decode())
    os.remove(probe)

    refused = r"refused"
    # -- not a pack file at all
    V("zero-bytes", b"", refused + r".*(too short|not a pack)", "a zero-byte file")
    V("text-file", b"This is a README, not a pack.\n" * 4, refused + r".*not gzip", "a text file")
    V("zip-file", b"PK\x03\x04" + b"\0" * 60, refused + r".*not gzip", "a zip header")
    V("plain-tar", raw_tar, refused + r".*not gzip", "the good pack's tar, uncompressed")
    V("xz-file", b"\xfd7zXZ\x00" + b"\0" * 64, refused + r".*not gzip", "an xz header")
    V("bzip2-file", b"BZh91AY&SY" + b"\0" * 64, refused + r".*not gzip", "a bzip2 header")
    V("png-named-vpk", c.png, refused + r".*not gzip", "a PNG named .vpk")
    V("gzip-other-header", gzip.compress(raw_tar, mtime=1234567890), refused + r".*(gzip header|damaged)",
      "the good tar gzip'd by Python with a timestamp (not build's header)")
    V("gzip-header-only", GZIP_HEADER, refused + r".*(too short|not a pack)", "build's 10-byte gzip header alone")
    # -- truncated
    for label, n in [("11", 11), ("30", 30), ("quarter", len(good) // 4), ("half", len(good) // 2), ("minus-9", len(good) - 9),
                     ("minus-4", len(good) - 4), ("minus-1", len(good) - 1)]:
        V("truncated-" + label, good[:n], refused + r".*(damaged|truncated|CRC|too short|not a pack)",
          "good.vpk cut to %d of %d bytes" % (n, len(good)))
    # -- damaged
    for label, off in [("header-flag", 3), ("deflate-start", 12), ("deflate-middle", len(good) // 2), ("crc", len(good) - 6),
                       ("isize", len(good) - 2)]:
        b = bytearray(good); b[off] ^= 0x55
        V("flipped-" + label, bytes(b), refused + r".*(damaged|CRC|gzip|signature|hash|tampered|manifest|MANIFEST|truncated)",
          "good.vpk with byte %d flipped" % off)
    V("concatenated-twice", good + good, refused + r".*(CRC|damaged|after the end)", "good.vpk twice in one file (two gzip members)")
    V("appended-garbage", good + b"garbage after the trailer\n", refused + r".*(CRC|damaged|after the end|gzip)",
      "text appended after the gzip trailer")
    # -- empty archive
    V("empty-tar", gzip_like_build(b"\0" * 10240), refused + r".*empty", "a gzip'd tar with no entries")
    V("empty-gzip", gzip_like_build(b""), refused + r".*(empty|damaged)", "a gzip stream of zero bytes")
    # -- signatures
    sig_lines = signature.decode().split("\n")
    wrong = bytes(64).hex()
    V("signature-zeroed", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest),
                                                      tar_entry("SIGNATURE", ("%s\n%s\ned25519 %s\n" % (sig_lines[0], sig_lines[1], wrong)).encode())]
                                                     + [tar_entry(p, d) for p, d in sorted(files.items())])),
      refused + r".*signature does not match", "the good pack with an all-zero signature")
    V("signature-malformed", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest), tar_entry("SIGNATURE", b"vitrine-signature 1\nkey-id x\n")]
                                                       + [tar_entry(p, d) for p, d in sorted(files.items())])),
      refused + r".*SIGNATURE is malformed", "a SIGNATURE of two lines")
    V("signature-missing", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest)] + [tar_entry(p, d) for p, d in sorted(files.items())])),
      refused + r".*no signature", "no SIGNATURE entry")
    V("signature-first", gzip_like_build(tar_bytes([tar_entry("SIGNATURE", signature), tar_entry("MANIFEST", manifest)]
                                                   + [tar_entry(p, d) for p, d in sorted(files.items())])),
      refused + r".*no MANIFEST", "SIGNATURE before MANIFEST")
    V("signed-by-other-key", signed(files, key=other_key), refused + r".*not signed by the key", "signed with keys/other.key")
    b = signed(files, key=other_key)
    forged = signature.decode().split("\n")[1]  # claims the test key's id, but the other key signed
    m = manifest_of(files)
    s2 = ("vitrine-signature 1\n%s\ned25519 %s\n" % (forged, ed25519_sign(other_key.seed, m).hex())).encode()
    V("other-key-claiming-test-id", gzip_like_build(tar_bytes([tar_entry("MANIFEST", m), tar_entry("SIGNATURE", s2)]
                                                              + [tar_entry(p, d) for p, d in sorted(files.items())])),
      refused + r".*signature does not match", "signed with other.key, SIGNATURE naming test.pub's key id")
    # -- tampered after signing (signature left as it was)
    toml = files["pack/pack.toml"]
    t2 = toml.replace(b"Test Person", b"Evil Person", 1)
    assert len(t2) == len(toml)
    tampered = dict(files); tampered["pack/pack.toml"] = t2
    V("tampered-file-same-size", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest), tar_entry("SIGNATURE", signature)]
                                                           + [tar_entry(p, d) for p, d in sorted(tampered.items())])),
      refused + r".*does not match its hash", "pack.toml edited after signing (same size)")
    t3 = dict(files); t3["pack/pack.toml"] = toml + b"# more\n"
    V("tampered-file-longer", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest), tar_entry("SIGNATURE", signature)]
                                                        + [tar_entry(p, d) for p, d in sorted(t3.items())])),
      refused + r".*bytes but the manifest says", "pack.toml grown after signing")
    V("tampered-manifest", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest_of(tampered)), tar_entry("SIGNATURE", signature)]
                                                     + [tar_entry(p, d) for p, d in sorted(tampered.items())])),
      refused + r".*signature does not match", "file and MANIFEST edited, old SIGNATURE")
    V("added-file-after-signing", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest), tar_entry("SIGNATURE", signature)]
                                                            + [tar_entry(p, d) for p, d in sorted(files.items())]
                                                            + [tar_entry("pack/media/extra.png", c.png)])),
      refused + r".*not in the manifest", "an extra file added after signing")
    dropped = dict(files); del dropped[sorted(p for p in files if p.startswith("pack/media/"))[0]]
    V("removed-file-after-signing", gzip_like_build(tar_bytes([tar_entry("MANIFEST", manifest), tar_entry("SIGNATURE", signature)]
                                                              + [tar_entry(p, d) for p, d in sorted(dropped.items())])),
      refused + r".*in the manifest but not in the file", "a photograph removed after signing")
    # -- malicious archives, correctly signed (the checks after the signature)
    V("entry-dotdot-etc", signed(files, extra_after=[tar_entry("../../etc/x", b"owned\n")]), refused + r".*'\.\./\.\./etc/x'",
      "signed pack plus an entry '../../etc/x'")
    V("entry-dotdot-in-manifest", signed(dict(files, **{"pack/../../etc/x": b"owned\n"})), refused + r".*(MANIFEST is malformed|uses '\.\.')",
      "'pack/../../etc/x' listed in the signed MANIFEST and present")
    V("entry-absolute", signed(files, extra_after=[tar_entry("/etc/x", b"owned\n")]), refused + r".*(absolute|'/etc/x')",
      "signed pack plus an entry '/etc/x'")
    V("entry-absolute-in-manifest", signed(dict(files, **{"/etc/x": b"owned\n"})),
      refused + r".*(MANIFEST is malformed|absolute)", "'/etc/x' listed in the signed MANIFEST and present")
    V("entry-pax-path-dotdot", signed(files, extra_after=[tar_entry("pack/media/harmless.png", c.png, pax={"path": "../../etc/x"})]),
      refused + r".*'\.\./\.\./etc/x'", "an entry whose ustar name is harmless but whose pax path is '../../etc/x'")
    dup = [tar_entry(p, files[p]) for p in sorted(files)] + [tar_entry("pack/pack.toml", files["pack/pack.toml"])]
    V("entry-duplicate", signed(files, archive_files=dup), refused + r".*appears twice", "pack/pack.toml twice (same bytes both times)")
    V("entry-duplicate-manifest", signed(files, extra_after=[tar_entry("MANIFEST", manifest)]), refused + r".*second MANIFEST",
      "a second MANIFEST after the files")
    V("entry-symlink", signed(files, extra_after=[tar_entry("pack/media/link.png", kind=tarfile.SYMTYPE, linkname="/etc/passwd")]),
      refused + r".*symbolic link", "a symlink entry pack/media/link.png -> /etc/passwd")
    V("entry-hardlink", signed(files, extra_after=[tar_entry("pack/media/hard.png", kind=tarfile.LNKTYPE, linkname="/etc/passwd")]),
      refused + r".*hard link", "a hard link entry to /etc/passwd")
    V("entry-directory", signed(files, extra_before=[], extra_after=[tar_entry("pack/media/sub", kind=tarfile.DIRTYPE)]),
      refused + r".*folder entry", "a directory entry")
    V("entry-device", signed(files, extra_after=[tar_entry("pack/media/dev", kind=tarfile.CHRTYPE)]), refused + r".*character device",
      "a character device entry")
    V("entry-fifo", signed(files, extra_after=[tar_entry("pack/media/fifo", kind=tarfile.FIFOTYPE)]), refused + r".*FIFO",
      "a FIFO entry")
    V("entry-reserved-vitrine", signed(files, extra_after=[tar_entry("pack/.vitrine/MANIFEST", b"x\n")]), refused + r".*reserved",
      "an entry under pack/.vitrine/")
    V("entry-outside-pack", signed(files, extra_after=[tar_entry("etc/x", b"x\n")]), refused + r".*outside pack/", "an entry 'etc/x'")
    V("entry-non-ascii", signed(files, extra_after=[tar_entry("pack/media/caf\u00e9.png", c.png)]), refused + r".*(printable ASCII|Pathname can't be converted)",
      "an entry with a non-ASCII (UTF-8, pax) name")
    V("entry-non-ascii-ustar", signed(files, fmt=tarfile.USTAR_FORMAT,
                                      extra_after=[tar_entry("pack/media/caf\u00e9.png", c.png)]),
      refused + r".*(printable ASCII|Pathname can't be converted)", "an entry with a Latin-1 byte in its ustar name")
    V("manifest-no-pack-toml", signed({p: d for p, d in files.items() if p != "pack/pack.toml"}),
      refused + r".*(MANIFEST is malformed|no pack/pack\.toml)", "a signed MANIFEST without pack/pack.toml")
    V("manifest-file-and-folder", signed(dict(files, **{"pack/media": b"x"})), refused + r".*(both a file and a folder|malformed)",
      "'pack/media' both a file and a folder")
    lines = manifest_of(files).split(b"\n")[1:-1]
    V("manifest-unsorted", signed(files, manifest_override=b"vitrine-manifest 1\n" + b"\n".join(reversed(lines)) + b"\n"),
      refused + r".*(not sorted|malformed)", "a signed MANIFEST in reverse order")
    many = {"pack/pack.toml": toml}
    many.update({"pack/f%05d" % i: b"" for i in range(10001)})
    V("manifest-10002-files", signed(many), refused + r".*(more than|malformed|entries)", "a signed MANIFEST of 10 002 files")
    # -- bombs
    V("bomb-trailing-zeros-1gib", signed(files, trailing=1 << 30), refused + r".*(after the end|damaged)",
      "the signed pack followed, inside the gzip stream, by 1 GiB of zeros (about 1 MB compressed)")
    V("bomb-zeros-only-1gib", gzip_like_build(b"", trailing_zeros=1 << 30), refused + r".*(empty|damaged)",
      "a gzip stream of 1 GiB of zeros and nothing else")
    big_info, _ = tar_entry("pack/media/bomb.png", size=1 << 30)
    bomb_tar = tar_bytes([tar_entry("MANIFEST", manifest_of(files)), tar_entry("SIGNATURE", sk.signature_entry(manifest_of(files)))]
                         + [tar_entry(p, d) for p, d in sorted(files.items())] + [(big_info, b"")], raw_data=True)
    V("bomb-1gib-entry", gzip_like_build(bomb_tar, trailing_zeros=(1 << 30) + 1024), refused + r".*(1024 MiB|at most 64 MiB|bomb\.png)",
      "an entry of 1 GiB of zeros (signed pack plus the entry; 1 MB compressed)")
    big = {"pack/pack.toml": toml, "pack/media/zeros.bin": b"\0" * (63 << 20)}
    V("bomb-63mib-signed-unreferenced", signed(big), refused + r".*(does not load|not referenced|zeros\.bin|pack\.toml)",
      "a signed, whole pack holding a 63 MiB file of zeros (tiny compressed) and a pack.toml naming missing media",
      expect="accept")
    # -- signed, whole, but the pack inside does not load: verify accepts by design
    #    (it checks integrity and signer), install must refuse.
    bad_toml = BAD_TOML.replace('date = "1940"', 'date = "1975-02-30"').encode()
    V("signed-invalid-pack-toml", signed(dict(files, **{"pack/pack.toml": bad_toml})), refused + r".*does not load",
      "signed by the test key, pack.toml has an impossible date", expect="accept")
    huge = jpeg_with_size(c.jpg, 60000, 60000)
    media_jpg = [p for p in files if p.endswith(".jpg")]
    target = media_jpg[0] if media_jpg else "pack/media/portrait.jpg"
    V("signed-60000x60000-photo", signed(dict(files, **{target: huge})), refused + r".*does not load",
      "signed, whole, its photograph claims 60000x60000", expect="accept")
    V("signed-truncated-photo", signed(dict(files, **{target: c.jpg[:300]})), refused + r".*does not load",
      "signed, whole, its photograph is a truncated JPEG", expect="accept")
    V("signed-no-events", signed(dict(files, **{"pack/pack.toml": (BAD_TOML.split("[[events]]")[0] + "[[photographs]]"
                                                                    + BAD_TOML.split("[[photographs]]", 1)[1]).encode()})),
      refused + r".*does not load", "signed, whole, no events", expect="accept")
    # Control: the good pack re-signed in Python, valid: verify and install must accept it.
    V("control-good-resigned", signed(files), "-", "CONTROL: the good pack re-signed by this script (valid)",
      expect="accept", expect_install="accept")
    hostile_cases.make_integrity_vpks(c, good_vpk, signed, files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--vitrine-pack", default=os.path.join(REPO, "build/debug/vitrine-pack"))
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    if os.path.exists(out) and os.listdir(out):
        sys.exit(out + " exists and is not empty")
    os.makedirs(out, exist_ok=True)
    for sub_dir in ("keys", "good", "outside", "packs", "vpk"):
        os.makedirs(os.path.join(out, sub_dir))
    c = Corpus(out, os.path.abspath(a.vitrine_pack))

    keys = os.path.join(out, "keys")
    run([c.vp, "keygen", "--out", os.path.join(keys, "test")])
    run([c.vp, "keygen", "--out", os.path.join(keys, "other")])
    test_key, other_key = Key(os.path.join(keys, "test.key")), Key(os.path.join(keys, "other.key"))

    good_dir = os.path.join(out, "good", "pack")
    os.makedirs(os.path.join(good_dir, "media"))
    open(os.path.join(good_dir, "pack.toml"), "w").write(GOOD_TOML)
    shutil.copy(MIN_PNG, os.path.join(good_dir, "media/photo.png"))
    shutil.copy(MIN_JPG, os.path.join(good_dir, "media/portrait.jpg"))
    good_vpk = os.path.join(out, "good", "good.vpk")
    run([c.vp, "build", good_dir, "--key", os.path.join(keys, "test.key"), "--out", good_vpk])

    outside = os.path.join(out, "outside")
    shutil.copy(MIN_PNG, os.path.join(outside, "secret.png"))
    open(os.path.join(outside, "x"), "w").write("a file outside every pack\n")
    open(os.path.join(outside, "pack.toml"), "w").write(BAD_TOML)  # valid, for a symlink from inside a pack

    # A control pack folder: the valid base, to prove validate/kiosk accept what is valid.
    c.pack("control-valid-pack", toml=BAD_TOML, problem="-", names="-", description="CONTROL: the valid base pack", expect="accept")
    make_images(c)
    make_toml_packs(c)
    make_path_packs(c, outside)
    make_recording_packs(c, outside)
    make_vpks(c, keys, good_vpk, test_key, other_key)
    hostile_cases.make_limit_packs(c)
    hostile_cases.make_hygiene_packs(c)
    hostile_cases.make_plausibility_packs(c)
    hostile_cases.make_memory_packs(c)
    hostile_cases.make_configs(c)
    hostile_cases.make_replays(c)
    depth_cases.make_deep_key_packs(c)
    depth_cases.make_stacked_packs(c)
    depth_cases.make_configs(c)
    c.write_index()
    bad = sum(1 for r in c.rows if "control-" not in r[0])
    print("%s: %d inputs (%d packs, %d pack files), %d bad, %d controls" % (
        out, len(c.rows), sum(r[1].startswith("pack") for r in c.rows), sum(r[1] == "vpk" for r in c.rows), bad,
        sum(1 for r in c.rows if "control-" in r[0])))


if __name__ == "__main__":
    main()
