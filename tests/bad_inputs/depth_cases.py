"""The corpus's third pass: inputs that are valid in form but cost too much to
read or draw. Keys and table headers of tens of thousands of dotted parts (they
overflowed toml++'s stack, in a pack and in the kiosk's configuration), a
character with hundreds of marks stacked on it (HarfBuzz shaped one Khmer stack
for minutes; combining marks were drawn over the header), and configuration
files that read as nothing (a /proc file) or name a key that is no file.
"""

import os

from corpus_lib import BAD_TOML, sub
from hostile_cases import config_row

LIMIT_KEY_DEPTH = 64   # kiosk/base/toml_key_depth.h
LIMIT_MARKS = 16       # kiosk/pack/pack_limits.h
LIMIT_HEADLINE = 160
LIMIT_TEXT = 4000

KHMER_KA, COENG = "\u1780", "\u17d2"


def dotted(parts, name="a"):
    return ".".join([name] * parts)


def khmer_stack(chars):
    """One Khmer consonant with subscript consonants stacked under it, cut at `chars` code points."""
    return (KHMER_KA + (COENG + KHMER_KA) * chars)[:chars]


def make_deep_key_packs(c):
    P, B = c.pack, BAD_TOML
    parts = r"names joined by '\.'; at most %d" % LIMIT_KEY_DEPTH
    P("toml-dotted-key-50000", B + "\n" + dotted(50000) + " = 1\n", parts,
      description="a dotted key of 50 000 parts (overflowed toml++'s stack: exit 139)")
    P("toml-table-header-100000", B + "\n[" + dotted(100000) + "]\n", parts,
      description="a table header of 100 000 parts (overflowed toml++'s stack)")
    P("toml-array-header-100000", B + "\n[[" + dotted(100000) + "]]\n", parts,
      description="an array-of-tables header of 100 000 parts")
    P("toml-quoted-parts-20000", B + "\n" + ".".join(['"a.b"'] * 20000) + " = 1\n", parts,
      description="a dotted key of 20 000 quoted parts, each with a dot inside its quotes")
    half = dotted(LIMIT_KEY_DEPTH // 2 + 1)
    P("toml-inline-tables-deep", B + "\n[" + half + "]\n" + half + " = { " + half + " = 1 }\n",
      r"levels deep.*at most %d" % LIMIT_KEY_DEPTH,
      description="a key under a header and inside an inline table, 99 levels deep in all")


def make_stacked_packs(c):
    P, B = c.pack, BAD_TOML
    stacked = r"marks stacked on it; at most %d" % LIMIT_MARKS
    P("text-khmer-stack-title", sub(B, 'title.en = "Test Person"', 'title.en = "%s"' % khmer_stack(120)), stacked,
      description="a title of one Khmer consonant with 60 subscripts (the kiosk blamed the display)")
    events = "".join('\n[[events]]\nid = "k%d"\ndate = "%d"\nheadline.en = "%s"\ntext.en = "%s"\nsources = ["src"]\n'
                     % (i, 1926 + i, khmer_stack(LIMIT_HEADLINE), khmer_stack(LIMIT_TEXT)) for i in range(50))
    P("text-khmer-stacks-50-events", B + events, stacked,
      description="50 events whose texts are each one Khmer stack at the length limit (validate ran for minutes)")
    P("text-strike-stack-title", sub(B, 'title.en = "Test Person"', 'title.en = "o%s"' % ("\\u0336" * 119)), stacked,
      description="a title of 'o' and 119 combining long strokes (drawn over the header)")
    P("text-diaeresis-stack-caption", sub(B, 'caption.en = "A portrait"', 'caption.en = "e%s"' % ("\\u0308" * 599)),
      stacked, description="a caption of 'e' and 599 combining diaereses")


def make_configs(c):
    C = lambda name, text, problem, description: config_row(c, name, text, problem, description)
    parts = r"names joined by '\.'; at most %d" % LIMIT_KEY_DEPTH
    C("dotted-key-60000", dotted(60000) + " = 1\n", parts,
      "a dotted key of 60 000 parts, 120 KB (overflowed toml++'s stack: exit 139)")
    C("table-header-100000", "[" + dotted(100000) + ".]\n", parts, "a table header of 100 000 parts")
    C("public-key-dev-zero", '[pack]\npublic_key = "/dev/zero"\n', r"public_key.*not a regular file",
      "[pack] public_key = \"/dev/zero\" (accepted without a word)")
    config_row(c, "proc-self-environ", None, r"TOML|pars", "/proc/self/environ as the configuration (read as empty)",
               make=lambda p: os.symlink("/proc/self/environ", p))
