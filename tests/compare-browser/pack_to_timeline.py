#!/usr/bin/env python3
"""Turn a Vitrine exhibit pack (pack.toml, schema 1) into a TimelineJS page.

Writes OUT/index.html (the timeline data inline, so nothing but TimelineJS's own
locale file is fetched), OUT/media/* (the pack's photographs) and a symlink
OUT/tl -> the dist/ folder of a local @knight-lab/timelinejs install. The page
sends one request to /ready on its own (loopback) server when TimelineJS has
fired `loaded`, the title slide's image is decoded and two frames have passed:
the harness takes that as "first rendered exhibit".

usage: pack_to_timeline.py PACK_DIR TIMELINEJS_DIST OUT_DIR
"""
import html
import json
import os
import shutil
import sys
import tomllib


def en(table, key):
    """The English text of key.en (toml dotted keys give a nested table)."""
    v = table.get(key)
    if isinstance(v, dict):
        return v.get("en", "")
    return v or ""


def tl_date(text):
    parts = text.split("-")
    d = {"year": parts[0]}
    if len(parts) > 1:
        d["month"] = str(int(parts[1]))
    if len(parts) > 2:
        d["day"] = str(int(parts[2]))
    return d


def para(text):
    return "<p>" + html.escape(text) + "</p>" if text else ""


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    pack_dir, dist, out = sys.argv[1:]
    with open(os.path.join(pack_dir, "pack.toml"), "rb") as f:
        pack = tomllib.load(f)
    ex = pack["exhibit"]
    photos = {p["id"]: p for p in pack.get("photographs", [])}
    sources = {s["id"]: en(s, "title") for s in pack.get("sources", [])}

    os.makedirs(os.path.join(out, "media"), exist_ok=True)

    def media(photo_id):
        p = photos.get(photo_id)
        if not p:
            return None
        name = os.path.basename(p["file"])
        shutil.copyfile(os.path.join(pack_dir, p["file"]), os.path.join(out, "media", name))
        return {"url": "media/" + name, "caption": en(p, "caption"), "credit": en(p, "credit"),
                "alt": en(p, "alt")}

    title_text = para(en(ex, "subtitle")) + para(f"{ex.get('born', '')} – {ex.get('died', '')}")
    title_text += para(en(ex, "content_note"))
    title = {"text": {"headline": html.escape(en(ex, "title")), "text": title_text}}
    if ex.get("photo"):
        title["media"] = media(ex["photo"])

    events = []
    for e in pack.get("events", []):
        ev = {
            "unique_id": e["id"],
            "start_date": tl_date(e["date"]),
            "text": {
                "headline": html.escape(en(e, "headline")),
                "text": para(en(e, "text")) + para(en(e, "disputed"))
                + para("Sources: " + "; ".join(sources.get(s, s) for s in e.get("sources", []))),
            },
        }
        if e.get("end"):
            ev["end_date"] = tl_date(e["end"])
        if en(e, "date_display"):
            ev["display_date"] = en(e, "date_display")
        if e.get("era"):
            ev["group"] = e["era"]
        if e.get("photo"):
            ev["media"] = media(e["photo"])
        events.append(ev)

    eras = [{"start_date": tl_date(r["start"]), "end_date": tl_date(r["end"]),
             "text": {"headline": html.escape(en(r, "name"))}} for r in pack.get("eras", [])]

    data = {"title": title, "events": events, "eras": eras}

    link = os.path.join(out, "tl")
    if os.path.islink(link) or os.path.exists(link):
        os.remove(link)
    os.symlink(os.path.abspath(dist), link)

    page = PAGE.replace("@TITLE@", html.escape(en(ex, "title"))).replace(
        "@DATA@", json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)
    print(f"pack_to_timeline: {len(events)} events, {len(eras)} eras -> {out}/index.html")


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>@TITLE@</title>
<link rel="stylesheet" href="tl/css/timeline.css">
<style>html,body{margin:0;height:100%;}#timeline-embed{width:100%;height:100%;}</style>
</head><body>
<div id="timeline-embed"></div>
<script src="tl/js/timeline.js"></script>
<script>
(function () {
  var data = @DATA@;
  // Everything from this server: script_path makes TimelineJS load its locale
  // (and font CSS) from the local install instead of its CDN.
  var timeline = new TL.Timeline('timeline-embed', data, {
    script_path: new URL('tl/js/', location.href).toString(),
    language: 'en', hash_bookmark: false, font: 'default'
  });
  var sent = false;
  function ready() {
    if (sent) return;
    sent = true;
    var t = performance.now();
    document.title = 'vitrine-ready';
    fetch('/ready?t=' + t.toFixed(1), {cache: 'no-store'}).catch(function () {});
  }
  timeline.on('loaded', function () {
    // Then the title slide's photograph loaded and decoded (TimelineJS adds it
    // after `loaded`), then two frames. Gives up waiting for the photo after 10 s.
    var since = performance.now();
    (function poll() {
      var img = document.querySelector('.tl-slide img');
      if (img && img.complete && img.naturalWidth > 0) {
        (img.decode ? img.decode().catch(function () {}) : Promise.resolve()).then(function () {
          requestAnimationFrame(function () { requestAnimationFrame(ready); });
        });
      } else if (performance.now() - since > 10000) {
        ready();
      } else {
        requestAnimationFrame(poll);
      }
    })();
  });
})();
</script>
</body></html>
"""

if __name__ == "__main__":
    main()
