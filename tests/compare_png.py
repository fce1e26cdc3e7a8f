#!/usr/bin/env python3
"""Compares a rendered PNG with a golden one, as the golden tests do: the same size,
and no more than 0.2% of pixels with a channel differing by more than 24 (the
tolerance of tests/render/golden_test.cpp). Used by deploy/ scripts that render outside
the test binaries. Reads the 8-bit RGB/RGBA, non-interlaced PNGs the kiosk writes.

    compare_png.py RENDERED.png GOLDEN.png [MAX_DIFFERENT_FRACTION]

The optional fraction is for screens drawn by another renderer than the golden
tests' software one (OpenGL under Xvfb anti-aliases edges differently).
"""
import struct
import sys
import zlib

CHANNEL_TOLERANCE = 24
MAX_DIFFERENT_FRACTION = 0.002


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    global MAX_DIFFERENT_FRACTION
    if len(sys.argv) == 4:
        MAX_DIFFERENT_FRACTION = float(sys.argv.pop())
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rendered, golden = read_png(sys.argv[1]), read_png(sys.argv[2])
    if rendered[:2] != golden[:2]:
        print(f"size {rendered[0]}x{rendered[1]} differs from the golden {golden[0]}x{golden[1]}")
        return 1
    width, height = golden[0], golden[1]
    different, largest = 0, 0
    for y in range(height):
        r_row, g_row = rendered[3][y], golden[3][y]
        if r_row == g_row and rendered[2] == golden[2]:
            continue
        for x in range(width):
            r = r_row[x * rendered[2]:x * rendered[2] + 3]
            g = g_row[x * golden[2]:x * golden[2] + 3]
            diff = max(abs(p - q) for p, q in zip(r, g))
            largest = max(largest, diff)
            different += diff > CHANNEL_TOLERANCE
    allowed = int(width * height * MAX_DIFFERENT_FRACTION)
    verdict = "matches" if different <= allowed else "DIFFERS from"
    print(f"{sys.argv[1]} {verdict} {sys.argv[2]}: {different} pixels beyond tolerance "
          f"(allowed {allowed}), largest channel difference {largest}")
    return 0 if different <= allowed else 1


if __name__ == "__main__":
    sys.exit(main())
