"""The corpus's second pass: inputs a hostile tester brings with the README and
the source in hand. Valid-looking packs at and beyond what the screens can hold,
text that hides controls or nothing at all, dates from another millennium,
photographs that fit every per-file limit but not memory, pack files with bytes
outside what the signature covers or that are FIFOs, links or folders, and
signed packs a kiosk must not switch to unasked (older, another exhibit).

Each function adds rows to the Corpus; run-corpus.sh judges them. Kinds beyond
make-corpus.py's `pack` and `vpk`:
  pack-strict  valid for `validate` (a warning), refused by `validate --strict`
"""

import gzip
import os
import struct
import zlib

from corpus_lib import BAD_TOML, GOOD_TOML, gzip_like_build, png_build, sub

LIMIT_TITLE = 120          # kiosk/pack/pack_limits.h
LIMIT_QUOTE = 1500
LIMIT_ABOUT = 20000
LIMIT_QUOTES = 300
LIMIT_EVENTS_PER_YEAR = 100
LIMIT_EVENTS = 1000
LIMIT_SOURCES = 1000


def solid_png(width, height, rgb=(120, 90, 60)):
    """An RGB PNG of one colour, compressed fast: big in pixels, small on disk."""
    row = b"\0" + bytes(rgb) * width
    raw = zlib.compress(row * height, 1)
    return png_build([(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)), (b"IDAT", raw), (b"IEND", b"")])


def events_toml(count, year, source="src", prefix="e"):
    return "".join('\n[[events]]\nid = "%s%d"\ndate = "%d"\nheadline.en = "Event %d"\ntext.en = "Something happened."\n'
                   'sources = ["%s"]\n' % (prefix, i, year, i, source) for i in range(count))


def quotes_toml(count):
    return "".join('\n[[quotes]]\nid = "q%d"\ntext.en = "Words number %d."\nspeaker = "Test Person"\nsources = ["src"]\n'
                   % (i, i) for i in range(count))


def sources_toml(count):
    return "".join('\n[[sources]]\nid = "source-%04d"\ntitle.en = "Source %d"\n' % (i, i) for i in range(count))


def photos_toml(count, filename):
    return "".join('\n[[photographs]]\nid = "p%d"\nfile = "media/%s"\ncaption.en = "Photograph %d"\ncredit.en = "Test"\n'
                   'alt.en = "A brown rectangle"\n' % (i, filename, i) for i in range(count))


def make_limit_packs(c):
    """Valid TOML whose counts and lengths no screen can show well."""
    P, B = c.pack, BAD_TOML
    limit = r"at most"

    def n(value):  # a number as messages write it: 20000 or 20 000
        digits = str(value)
        return digits if len(digits) <= 3 else digits[:-3] + r"[ ,]?" + digits[-3:]
    P("limit-quotes-700", B + quotes_toml(700), limit + r".*" + n(LIMIT_QUOTES),
      description="700 quotes (Voices' page dots ran off both edges)")
    P("limit-quote-1mb", sub(B, 'text.en = "Some words."', 'text.en = "%s"' % ("word " * 200000)), limit + r".*" + n(LIMIT_QUOTE),
      description="a quote of 1 MB")
    P("limit-credits-100kb", sub(B, 'photo = "portrait"', 'photo = "portrait"\ncredits.en = """%s"""' % ("Thanks. " * 12800)),
      limit + r".*" + n(LIMIT_ABOUT), description="About with 100 kB of credits")
    P("limit-title-1mb", sub(B, 'title.en = "Test Person"', 'title.en = "%s"' % ("T" * (1 << 20))), limit + r".*" + n(LIMIT_TITLE),
      description="a title of 1 MB")
    P("limit-title-121", sub(B, 'title.en = "Test Person"', 'title.en = "%s"' % ("Title " * 21)[:LIMIT_TITLE + 1]),
      limit + r".*" + n(LIMIT_TITLE), description="a title one character over the limit")
    P("limit-events-in-one-year-240", B + events_toml(240, 1975), limit + r".*" + n(LIMIT_EVENTS_PER_YEAR),
      description="240 events in 1975 (their cluster's list overflowed the screen)")
    P("limit-events-in-one-year-1000", B + events_toml(1000, 1960), limit + r".*" + n(LIMIT_EVENTS_PER_YEAR),
      description="1000 events in 1960")
    P("limit-events-1001", B + "".join(events_toml(10, 1926 + y, prefix="y%d-" % y) for y in range(101)),
      limit + r".*" + n(LIMIT_EVENTS), description="1012 events over 101 years")
    P("limit-sources-2000-one-misspelt", sub(B, 'sources = ["src"]\nphoto = "photo"', 'sources = ["source-O042"]\nphoto = "photo"')
      + sources_toml(2000), limit + r".*" + n(LIMIT_SOURCES),
      description="2000 sources and one misspelt id (its message listed every id)")
    # Every reference dangling among as many sources as a pack may hold: the
    # output must stay short (run-corpus.sh bounds every message).
    dangling = "".join('\n[[events]]\nid = "d%d"\ndate = "1950"\nheadline.en = "Event"\ntext.en = "Text."\nsources = ["nowhere-%d"]\n'
                       % (i, i) for i in range(LIMIT_EVENTS_PER_YEAR))
    P("dangling-100-among-1000-sources", B + sources_toml(LIMIT_SOURCES - 1) + dangling, r"refers to source 'nowhere-",
      description="100 dangling source references among 1000 sources")


def make_hygiene_packs(c):
    """Text a visitor would see as nothing, or a terminal would run."""
    P, B = c.pack, BAD_TOML
    H = 'headline.en = "School"'
    visible = r"visible|empty|blank"
    P("text-empty-headline", sub(B, H, 'headline.en = ""'), visible, description="an empty headline")
    P("text-spaces-headline", sub(B, H, 'headline.en = "   \\t  "'), visible, description="a headline of spaces and a tab")
    P("text-invisible-headline", sub(B, H, 'headline.en = "\\u200B\\u2060\\uFEFF"'), visible,
      description="a headline of zero-width characters only")
    P("text-invisible-speaker", sub(B, 'speaker = "Test Person"', 'speaker = "\\u00A0\\u3000"'), visible,
      description="a speaker of no-break and ideographic spaces")
    P("text-empty-alt", sub(B, 'alt.en = "A grey rectangle"', 'alt.en = ""'), visible, description="empty alt text")
    control = r"control"
    P("text-terminal-escape", sub(B, H, 'headline.en = "\\u001B[2J\\u001B]0;owned\\u0007School"'), control,
      description="a headline that clears the curator's terminal and retitles it")
    P("text-c1-escape", sub(B, H, 'headline.en = "School\\u009B31m"'), control, description="a C1 escape introducer in a headline")
    P("text-bell", sub(B, 'text.en = "Went to school."', 'text.en = "Went to\\u0007school."'), control,
      description="a BEL inside an event's text")
    P("text-bidi-override", sub(B, H, 'headline.en = "Sch\\u202Eloo"'), control + r"|bidi|direction",
      description="a right-to-left override inside a headline")
    P("text-nul-escape", sub(B, 'caption.en = "A portrait"', 'caption.en = "A\\u0000portrait"'), control,
      description="an escaped NUL in a caption")
    P("id-escape", sub(B, 'id = "school"', 'id = "sch\\u001B[31mool"'), r"id",
      description="an event id holding a terminal escape")
    P("id-nfc-twins", sub(sub(B, 'id = "school"', 'id = "caf\\u00E9"'), 'id = "born"', 'id = "cafe\\u0301"'),
      r"duplicate|id", description="two event ids equal after Unicode normalisation (NFC)")
    thin = r"at least|aspect|narrow|thin|too small"
    c.image_pack("photo-8192x1", solid_png(8192, 1), "line.png", thin, "a photograph 8192x1 pixels")
    c.image_pack("photo-1x8192", solid_png(1, 8192), "column.png", thin, "a photograph 1x8192 pixels")
    c.image_pack("photo-16x16", solid_png(16, 16), "icon.png", thin, "a photograph 16x16 pixels")


def make_plausibility_packs(c):
    """Dates that are valid but surely mistyped: warnings, fatal under --strict."""
    B = GOOD_TOML.replace("corpus-good", "corpus-strict")
    S = c.strict_pack
    S("date-year-2925", sub(B, 'date = "1940"\nend = "1945"', 'date = "2925"'), r"2925",
      "an event in 2925 for a man who died in 2013 (stretched the axis to 2900)")
    S("date-year-1025", sub(B, 'date = "1925-10-24"', 'date = "1025-10-24"'), r"1025", "a birth event typed 1025")
    S("era-0001-9999", sub(sub(B, 'start = "1925"', 'start = "0001"'), 'end = "1950"', 'end = "9999"'), r"era|0001|9999",
      "an era from 0001 to 9999 (smeared the year labels)")


def make_memory_packs(c):
    """Photographs within every per-file limit whose decoded total is not."""
    B = sub(BAD_TOML, 'photo = "portrait"', 'photo = "p0"')
    big = solid_png(2400, 1800)
    many = 50  # fitted in 1920x1080: 1440x1080 RGBA = 6 MiB each, 297 MiB together
    c.pack("memory-50-photos-over-budget", B + photos_toml(many, "big.png"), r"take 297 MiB.*at most 256 MiB",
           names=r"packs/memory-50-photos-over-budget/pack\.toml: error",
           media={"media/big.png": big}, description="50 photographs of 2400x1800 (4.3 MP): 297 MiB once decoded for 1080p")
    # A control: three photographs of 40 megapixels each fit, decoded one at a time.
    huge = solid_png(7300, 5470)
    c.pack("control-three-40mp-photos", B + photos_toml(3, "huge.png"), "-", names="-", media={"media/huge.png": huge},
           description="CONTROL: three photographs of 39.9 MP: within every limit and the budget", expect="accept")


def make_integrity_vpks(c, good_vpk, signed, files):
    """signed(files): a pack file of FILES ({archive path: bytes}) signed by the test key."""
    # Bytes the signature does not cover, and pack files that are not files.
    good = open(good_vpk, "rb").read()
    junk = os.urandom(700 * 1024)
    covered = r"trailing|after the end|outside|not covered|extra|second gzip|more data"
    c.vpk("append-700kib-after-gzip", good + junk, covered, "700 KiB appended after the gzip stream")
    c.vpk("append-second-gzip-member", good + gzip.compress(junk, mtime=0), covered,
          "a second gzip member of 700 KiB after the signed one")
    raw = gzip.decompress(good)
    c.vpk("append-700kib-after-tar-end", gzip_like_build(raw + junk), covered,
          "700 KiB of random bytes after the tar's end, the gzip CRC recomputed")
    c.vpk("append-16-bytes-after-gzip", good + b"\x1f\x8b" + b"\0" * 14, covered, "16 bytes that look like a gzip header after the stream")

    def special(name, make, problem, description):
        path = os.path.join(c.out, "vpk", name + ".vpk")
        make(path)
        c.row(name, "vpk", "vpk/%s.vpk" % name, "reject", "reject", r"vpk/%s\.vpk" % name, problem, description)
    special("fifo", os.mkfifo, r"FIFO|not a regular file", "a FIFO named .vpk (blocked the USB update for 10 minutes)")
    special("symlink-to-good", lambda p: os.symlink(good_vpk, p), r"symbolic link|not a regular file",
            "a .vpk that is a link to a pack file elsewhere on the disk")
    special("folder", os.mkdir, r"folder|not a regular file", "a folder named .vpk")

    # Signed and whole, but not what this kiosk should switch to without being told.
    toml = files["pack/pack.toml"].decode()
    older = dict(files)
    older["pack/pack.toml"] = sub(toml, 'version = "1.0.0"', 'version = "0.9.0"').encode()
    c.vpk("downgrade-0.9.0", signed(older), r"older|downgrade|lower",
          "a validly signed corpus-good 0.9.0 over the installed 1.0.0", expect="accept")
    other = dict(files)
    other["pack/pack.toml"] = sub(toml, 'id = "corpus-good"', 'id = "corpus-other"').encode()
    c.vpk("other-exhibit", signed(other), r"another exhibit|other exhibit|corpus-other",
          "a validly signed pack of another exhibit (corpus-other) over corpus-good", expect="accept")


# --------------------------------------------------------------------------
# Configurations and touch scripts: run-corpus.sh starts the kiosk on the good
# pack with each (kind `config`: --config FILE; kind `replay`: --replay FILE),
# which must exit 1 naming the file and the problem, without hanging.

def config_row(c, name, text, problem, description, make=None):
    path = os.path.join(c.out, "configs", name + ".toml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if make:
        make(path)
    else:
        with open(path, "wb") as f:
            f.write(text.encode() if isinstance(text, str) else text)
    c.row("config-" + name, "config", "configs/%s.toml" % name, "reject", "-", r"configs/%s\.toml" % name, problem, description)


def make_configs(c):
    C = lambda name, text, problem, description: config_row(c, name, text, problem, description)
    C("panel-inches-nan", "[display]\npanel_inches = nan\n", r"panel_inches", "panel_inches = nan")
    C("panel-inches-inf", "[display]\npanel_inches = -inf\n", r"panel_inches", "panel_inches = -inf")
    C("rotation-wraps-to-90", "[display]\nrotation = 4294967386\n", r"rotation.*0, 90, 180 or 270",
      "rotation = 4294967386 (2^32 + 90, once read as 90)")
    C("rotation-float", "[display]\nrotation = 90.0\n", r"rotation", "rotation = 90.0")
    C("pin-integer", "[staff]\npin = 97531\n", r"pin", "the staff PIN as an integer")
    C("pin-fullwidth-digits", '[staff]\npin = "\uff12\uff14\uff16\uff18"\n', r"pin", "the staff PIN in full-width digits")
    C("pack-dir-empty", '[pack]\ndir = ""\n', r"dir", "[pack] dir = \"\"")
    C("pack-dir-control", '[pack]\ndir = "/srv/a\\u001b[2Jb"\n', r"control", "a pack folder whose path holds a terminal escape")
    C("hours-open-without-close", '[hours]\nopen = "09:00"\n', r"close", "opening hours with no closing time")
    C("misspelt-section", "[dispaly]\nrotation = 90\n", r"dispaly", "[dispaly] for [display]")
    C("not-toml", b"\x7fELF\x02\x01\x01" + bytes(range(256)), r"TOML|pars", "a binary file as the configuration")
    C("huge", "# " + "x" * (300 * 1024) + "\n", r"at most", "a 300 KiB configuration")
    config_row(c, "fifo", None, r"FIFO|not a regular file", "a FIFO as the configuration (hung the kiosk before its first frame)",
               make=os.mkfifo)
    config_row(c, "folder", None, r"folder|not a regular file", "a folder as the configuration (ignored without a word)",
               make=os.mkdir)
    config_row(c, "dev-zero", None, r"device|not a regular file", "/dev/zero as the configuration",
               make=lambda p: os.symlink("/dev/zero", p))


def replay_row(c, name, data, problem, description, make=None):
    path = os.path.join(c.out, "replays", name + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if make:
        make(path)
    else:
        with open(path, "wb") as f:
            f.write(data)
    c.row("replay-" + name, "replay", "replays/%s.txt" % name, "reject", "-", r"replays/%s\.txt" % name, problem, description)


def make_replays(c):
    R = lambda name, data, problem, description: replay_row(c, name, data, problem, description)
    R("line-10mb", b"0 down 0 10 10\n" + b"60 up 0 10 10 " + b"x" * (10 << 20) + b"\n", r"at most 4096",
      "a malformed line of 10 MB (was echoed whole)")
    R("escape-in-line", b"0 down 0 10 10\n60 \x1b[2J\x1b]0;owned\x07 0 10 10\n", r"line|action|\\x1b",
      "a line holding terminal escapes")
    R("time-int64-max", b"9223372036854775807 down 0 10 10\n", r"time", "a time of 2^63-1 ms")
    R("position-nan", b"0 down 0 nan 10\n", r"position", "a touch at x = nan")
    R("position-1e300", b"0 down 0 1e300 10\n", r"position", "a touch at x = 1e300")
    R("backwards", b"100 down 0 10 10\n50 up 0 10 10\n", r"back", "time going backwards")
    R("unknown-key", b"0 key down\n100 key escape\n", r":2: unknown key 'escape'", "a key no keypad has")
    R("key-escape-sequence", b"0 key \x1b[2J\n", r"unknown key '\\x1b", "a key name holding a terminal escape")
    replay_row(c, "fifo", None, r"FIFO|not a regular file", "a FIFO as the touch script", make=os.mkfifo)
    replay_row(c, "dev-zero", None, r"device|not a regular file|symbolic link", "/dev/zero as the touch script",
               make=lambda p: os.symlink("/dev/zero", p))
