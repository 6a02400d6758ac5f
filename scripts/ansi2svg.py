#!/usr/bin/env python3
"""Turns a terminal capture with colours (tmux capture-pane -e) into an SVG picture.

Usage: ansi2svg.py [--light] CAPTURE.txt OUT.svg

Understands the SGR sequences tmux emits: reset, bold, dim, underline, reverse, the 8/16 basic
colours, 256 indexed colours and 24-bit colours. Block elements and the box-drawing characters the
dashboard uses are drawn as shapes, so bars and frames join up whatever the font; everything else
is text in DejaVu Sans Mono. --light draws the terminal's default colours dark on white.
"""
import html
import re
import sys

CELL_W, CELL_H, FONT = 9, 18, 15
BASIC = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
         "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]


def indexed(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        levels = [0, 95, 135, 175, 215, 255]
        r, g, b = levels[n // 36], levels[n // 6 % 6], levels[n % 6]
        return "#%02x%02x%02x" % (r, g, b)
    v = 8 + 10 * (n - 232)
    return "#%02x%02x%02x" % (v, v, v)


def parse(text):
    """Yields rows of cells (char, fg, bg, bold, dim, underline, reverse)."""
    rows = []
    state = dict(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
    for line in text.split("\n"):
        row = []
        for token in re.split(r"(\x1b\[[0-9;:]*m)", line):
            if token.startswith("\x1b["):
                apply_sgr(state, token[2:-1])
            else:
                token = re.sub(r"\x1b[^a-zA-Z]*[a-zA-Z]", "", token)
                for ch in token:
                    row.append((ch, dict(state)))
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def apply_sgr(state, params):
    codes = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
        elif c == 1: state["bold"] = True
        elif c == 2: state["dim"] = True
        elif c == 22: state["bold"] = state["dim"] = False
        elif c == 4: state["underline"] = True
        elif c == 24: state["underline"] = False
        elif c == 7: state["reverse"] = True
        elif c == 27: state["reverse"] = False
        elif 30 <= c <= 37: state["fg"] = BASIC[c - 30]
        elif 90 <= c <= 97: state["fg"] = BASIC[c - 90 + 8]
        elif 40 <= c <= 47: state["bg"] = BASIC[c - 40]
        elif 100 <= c <= 107: state["bg"] = BASIC[c - 100 + 8]
        elif c == 39: state["fg"] = None
        elif c == 49: state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = indexed(codes[i + 2]); i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]); i += 4
        i += 1


def shape(ch, x, y, color):
    """SVG for block and box characters, or None to draw the character as text."""
    cx, cy, w, h = x + CELL_W / 2, y + CELL_H / 2, CELL_W, CELL_H
    o = ord(ch)
    if 0x2581 <= o <= 0x2588:
        part = h * (o - 0x2580) / 8
        top = y + h - part
        return f'<rect x="{x}" y="{top:.2f}" width="{w}" height="{part:.2f}" fill="{color}"/>'
    shades = {"░": 0.3, "▒": 0.5, "▓": 0.75}
    if ch in shades:
        return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{color}" '
                f'fill-opacity="{shades[ch]}"/>')
    line = f'stroke="{color}" stroke-width="1.2" fill="none"'
    paths = {
        "─": f"M{x} {cy}H{x + w}", "│": f"M{cx} {y}V{y + h}",
        "┤": f"M{cx} {y}V{y + h}M{x} {cy}H{cx}", "└": f"M{cx} {y}V{cy}H{x + w}",
        "╭": f"M{x + w} {cy}H{cx + 3}Q{cx} {cy} {cx} {cy + 3}V{y + h}",
        "╮": f"M{x} {cy}H{cx - 3}Q{cx} {cy} {cx} {cy + 3}V{y + h}",
        "╰": f"M{x + w} {cy}H{cx + 3}Q{cx} {cy} {cx} {cy - 3}V{y}",
        "╯": f"M{x} {cy}H{cx - 3}Q{cx} {cy} {cx} {cy - 3}V{y}",
    }
    if ch in paths:
        return f'<path d="{paths[ch]}" {line}/>'
    return None


def render(rows, light):
    default_fg, default_bg = ("#202020", "#ffffff") if light else ("#d4d4d4", "#1e1e1e")
    width = max(len(r) for r in rows) * CELL_W
    height = len(rows) * CELL_H
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 24}" height="{height + 24}">',
           f'<rect width="100%" height="100%" fill="{default_bg}"/>',
           '<g transform="translate(12,12)">',
           f'<g font-family="DejaVu Sans Mono" font-size="{FONT}">']
    for r, row in enumerate(rows):
        for c, (ch, st) in enumerate(row):
            fg, bg = st["fg"] or default_fg, st["bg"] or default_bg
            if st["reverse"]:
                fg, bg = bg, fg
            x, y = c * CELL_W, r * CELL_H
            if bg != default_bg:
                out.append(f'<rect x="{x}" y="{y}" width="{CELL_W + 0.5}" '
                           f'height="{CELL_H + 0.5}" fill="{bg}"/>')
            if ch == " ":
                continue
            drawn = shape(ch, x, y, fg)
            if drawn is None:
                attrs = ' font-weight="bold"' if st["bold"] else ""
                attrs += ' fill-opacity="0.6"' if st["dim"] else ""
                attrs += ' text-decoration="underline"' if st["underline"] else ""
                drawn = (f'<text x="{x}" y="{y + CELL_H - 5}" fill="{fg}"{attrs}>'
                         f'{html.escape(ch)}</text>')
            out.append(drawn)
    out += ["</g></g>", "</svg>"]
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    light = "--light" in args
    args = [a for a in args if a != "--light"]
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        rows = parse(f.read())
    with open(args[1], "w", encoding="utf-8") as f:
        f.write(render(rows, light))


if __name__ == "__main__":
    main()
