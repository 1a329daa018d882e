"""What a device's screen would show for a response: the APL document drawn as standalone SVG.

``render_svg(response, device)`` finds the response's ``Alexa.Presentation.APL.RenderDocument``
directive and draws its document with its data sources, at the viewport the simulator sends for
``device`` (:data:`balto.simulator.envelopes.DEVICES`): text, frames, the touch buttons and the
vector graphics (AVG is a subset of SVG, so a map drawn in AVG becomes SVG almost path for path).

It is a preview, not an APL runtime. It reads the document itself (data binding, ``when``,
resources chosen by viewport, layouts with parameters, ``data`` arrays) and lays it out with a
simplified flexbox: columns and rows, fixed, percentage and viewport sizes, padding, spacing,
``grow``/``shrink``, ``alignItems``/``justifyContent`` (start, center, end). Text is wrapped by an
estimated glyph width, so line breaks can differ slightly from a device's. Touch buttons carry
their SendEvent arguments as ``data-send-event`` attributes, so a browser console can wire them.

Standard library only: no browser, no network. PNG is not produced here (see docs/screens.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from balto.apl_expressions import bind, text_of, truthy

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
#: Average glyph advance as a share of the font size (sans-serif), for wrapping text.
_GLYPH = 0.53
_LINE = 1.25
_SINGLE_CHILD = frozenset({"Frame", "TouchWrapper", "ScrollView", "Pager"})
_SKIP = frozenset({"type", "when", "data", "items", "item", "firstItem", "lastItem"})
_LAZY = frozenset({"onPress", "onMount", "handleKeyDown"})


def find_render_directive(response: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The response's RenderDocument directive, or None."""
    body = response.get("response") if isinstance(response, Mapping) else None
    for directive in (body or {}).get("directives") or []:
        if isinstance(directive, Mapping) and directive.get("type") == RENDER_DOCUMENT:
            return directive
    return None


def _viewport(device: str) -> dict[str, Any]:
    from balto.devices import DEVICES

    if device not in DEVICES:
        raise ValueError(f"unknown device {device!r}: one of {', '.join(DEVICES)}")
    screen = DEVICES[device]
    if screen is None:
        raise ValueError(f"device {device!r} has no screen")
    dpi = screen.get("dpi", 160)
    return {
        "width": screen["pixelWidth"] * 160 / dpi, "height": screen["pixelHeight"] * 160 / dpi,
        "pixelWidth": screen["pixelWidth"], "pixelHeight": screen["pixelHeight"], "dpi": dpi,
        "shape": str(screen.get("shape", "RECTANGLE")).lower(),
        "mode": str(screen.get("mode", "HUB")).lower(),
    }


def _name(parameter: Any) -> str:
    """A parameter's name (parameters are names, or objects with a ``name``)."""
    name = parameter.get("name") if isinstance(parameter, Mapping) else parameter
    return str(name)


def _resources(document: Mapping[str, Any], scope: Mapping[str, Any]) -> dict[str, Any]:
    chosen: dict[str, Any] = {}
    for block in document.get("resources") or []:
        if "when" in block and not truthy(bind(block["when"], scope, chosen)):
            continue
        for kind, values in block.items():
            if kind != "when" and isinstance(values, Mapping):
                chosen.update(values)
    return chosen


class _Node:
    __slots__ = ("kind", "props", "children", "x", "y", "w", "h", "scope")

    def __init__(self, kind: str, props: dict[str, Any], children: list[_Node],
                 scope: Mapping[str, Any]) -> None:
        self.kind, self.props, self.children, self.scope = kind, props, children, scope
        self.x = self.y = self.w = self.h = 0.0


class _Renderer:
    def __init__(self, document: Mapping[str, Any], datasources: Mapping[str, Any],
                 viewport: dict[str, Any]) -> None:
        self.document = document
        self.viewport = viewport
        self.globals: dict[str, Any] = {"viewport": viewport}
        template = document.get("mainTemplate") or {}
        for parameter in template.get("parameters") or []:
            name = _name(parameter)
            self.globals[name] = datasources.get(name)
        self.resources = _resources(document, self.globals)
        self.layouts = document.get("layouts") or {}
        self.graphics = document.get("graphics") or {}
        self.clip_ids = 0

    def bind(self, value: Any, scope: Mapping[str, Any]) -> Any:
        if isinstance(value, list):
            return [self.bind(v, scope) for v in value]
        if isinstance(value, Mapping):
            return {k: self.bind(v, scope) for k, v in value.items()}
        return bind(value, scope, self.resources)

    # -- inflation --------------------------------------------------------------------------
    def inflate(self, item: Any, scope: Mapping[str, Any]) -> list[_Node]:
        if not isinstance(item, Mapping):
            return []
        if "when" in item and not truthy(self.bind(item["when"], scope)):
            return []
        if "data" in item and item.get("type") not in (None,):
            data = self.bind(item["data"], scope)
            if isinstance(data, list):
                rest = {k: v for k, v in item.items() if k != "data"}
                return [n for i, d in enumerate(data)
                        for n in self.inflate(rest, {**scope, "data": d, "index": i})]
        kind = str(item.get("type", ""))
        if kind in self.layouts:
            return self._layout(kind, item, scope)
        props = {k: (v if k in _LAZY else self.bind(v, scope))
                 for k, v in item.items() if k not in _SKIP}
        children = self._children(item, scope, single=kind in _SINGLE_CHILD)
        return [_Node(kind, props, children, scope)]

    def _children(self, item: Mapping[str, Any], scope: Mapping[str, Any],
                  single: bool) -> list[_Node]:
        raw = item.get("items", item.get("item"))
        listed = raw if isinstance(raw, list) else [raw] if raw is not None else []
        nodes: list[_Node] = []
        for child in listed:
            inflated = self.inflate(child, scope)
            if single and inflated:
                return inflated[:1]
            nodes.extend(inflated)
        return nodes

    def _layout(self, name: str, item: Mapping[str, Any], scope: Mapping[str, Any]
                ) -> list[_Node]:
        layout = self.layouts[name]
        params: dict[str, Any] = {}
        names = set()
        for parameter in layout.get("parameters") or []:
            pname = _name(parameter)
            names.add(pname)
            default = parameter.get("default") if isinstance(parameter, Mapping) else None
            params[pname] = self.bind(item[pname], scope) if pname in item else default
        inner = {**scope, **params}
        body = layout.get("items", layout.get("item"))
        candidates = body if isinstance(body, list) else [body]
        for candidate in candidates:
            nodes = self.inflate(candidate, inner)
            if nodes:
                extra = {k: self.bind(v, scope) for k, v in item.items()
                         if k not in names and k not in _SKIP}
                nodes[0].props.update(extra)
                return nodes[:1]
        return []

    # -- layout -----------------------------------------------------------------------------
    def size(self, value: Any, whole: float) -> float | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, str):
            return None
        text = value.strip()
        try:
            if text.endswith("vw"):
                return float(text[:-2]) * self.viewport["width"] / 100
            if text.endswith("vh"):
                return float(text[:-2]) * self.viewport["height"] / 100
            if text.endswith("%"):
                return float(text[:-1]) * whole / 100
            if text.endswith("dp"):
                return float(text[:-2])
            return float(text)
        except ValueError:
            return None

    @staticmethod
    def _pad(node: _Node, side: str) -> float:
        value = node.props.get(f"padding{side}", node.props.get("padding", 0))
        return float(value) if isinstance(value, (int, float)) else 0.0

    def _lines(self, node: _Node, width: float) -> list[str]:
        text = text_of(node.props.get("text"))
        size = float(node.props.get("fontSize") or 40)
        per_line = max(1, int(width / (size * _GLYPH))) if width > 0 else 10_000
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                trial = f"{line} {word}".strip()
                if len(trial) > per_line and line:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            lines.append(line)
        limit = node.props.get("maxLines")
        if isinstance(limit, int) and 0 < limit < len(lines):
            lines = lines[:limit]
            lines[-1] = lines[-1][: max(0, per_line - 1)].rstrip() + "\u2026"
        return lines

    def natural(self, node: _Node, avail_w: float, avail_h: float) -> tuple[float, float]:
        """Content size of a node given the space offered."""
        p = node.props
        w = self.size(p.get("width"), avail_w)
        h = self.size(p.get("height"), avail_h)
        if node.kind == "Text":
            size = float(p.get("fontSize") or 40)
            width = w if w is not None else min(avail_w, len(text_of(p.get("text"))) * size
                                                * _GLYPH)
            lines = self._lines(node, width)
            return width, h if h is not None else len(lines) * size * _LINE
        if node.kind == "VectorGraphic":
            graphic = self.graphics.get(p.get("source"), {})
            gw, gh = float(graphic.get("width", 100)), float(graphic.get("height", 100))
            if w is not None and h is None:
                return w, w * gh / gw
            return w if w is not None else gw, h if h is not None else gh
        if node.kind == "Container":
            return self._container(node, avail_w, avail_h, measure_only=True)
        pad_w = self._pad(node, "Left") + self._pad(node, "Right")
        pad_h = self._pad(node, "Top") + self._pad(node, "Bottom")
        if node.children:
            cw, ch = self.natural(node.children[0], (w or avail_w) - pad_w, (h or avail_h) - pad_h)
        else:
            cw = ch = 0.0
        return (w if w is not None else cw + pad_w), (h if h is not None else ch + pad_h)

    def place(self, node: _Node, x: float, y: float, w: float, h: float) -> None:
        node.x, node.y, node.w, node.h = x, y, w, h
        if node.kind == "Container":
            self._container(node, w, h, measure_only=False)
            return
        left, top = self._pad(node, "Left"), self._pad(node, "Top")
        inner_w = w - left - self._pad(node, "Right")
        inner_h = h - top - self._pad(node, "Bottom")
        for child in node.children:
            cw, ch = self.natural(child, inner_w, inner_h)
            if self.size(child.props.get("width"), inner_w) is None and child.kind != "Text":
                cw = inner_w
            if node.kind == "ScrollView":
                ch = max(ch, 0)
            elif self.size(child.props.get("height"), inner_h) is None and child.kind != "Text":
                ch = inner_h
            self.place(child, x + left, y + top, min(cw, inner_w), ch)

    def _container(self, node: _Node, w: float, h: float, *, measure_only: bool
                   ) -> tuple[float, float]:
        p = node.props
        row = p.get("direction") in ("row", "rowReverse")
        own_w, own_h = self.size(p.get("width"), w), self.size(p.get("height"), h)
        pads = (self._pad(node, "Left"), self._pad(node, "Top"),
                self._pad(node, "Right"), self._pad(node, "Bottom"))
        inner_w = (own_w if own_w is not None else w) - pads[0] - pads[2]
        inner_h = (own_h if own_h is not None else h) - pads[1] - pads[3]
        sizes, gaps = self._child_sizes(node, inner_w, inner_h, row)
        axis = 0 if row else 1
        used = sum(s[axis] for s in sizes) + sum(gaps)
        if measure_only:
            cross = max((s[1 - axis] for s in sizes), default=0.0)
            width = own_w if own_w is not None else (used if row else cross) + pads[0] + pads[2]
            height = own_h if own_h is not None else (cross if row else used) + pads[1] + pads[3]
            return width, height
        free = _flex(node.children, sizes, (inner_w if row else inner_h) - used, axis)
        self._place_children(node, sizes, gaps, free, (inner_w, inner_h), pads, row)
        return w, h

    def _child_sizes(self, node: _Node, inner_w: float, inner_h: float, row: bool
                     ) -> tuple[list[list[float]], list[float]]:
        stretch = node.props.get("alignItems", "stretch") == "stretch"
        sizes: list[list[float]] = []
        gaps: list[float] = []
        for index, child in enumerate(node.children):
            cw, ch = self.natural(child, inner_w, inner_h)
            if not row and stretch and self.size(child.props.get("width"), inner_w) is None:
                cw = inner_w
            spacing = self.size(child.props.get("spacing"), inner_w if row else inner_h)
            gaps.append((spacing or 0.0) if index else 0.0)
            sizes.append([cw, ch])
        return sizes, gaps

    def _place_children(self, node: _Node, sizes: list[list[float]], gaps: list[float],
                        free: float, inner: tuple[float, float],
                        pads: tuple[float, float, float, float], row: bool) -> None:
        justify = node.props.get("justifyContent", "start")
        cursor = {"center": max(free, 0) / 2, "end": max(free, 0)}.get(justify, 0.0)
        align = node.props.get("alignItems", "stretch")
        for child, (cw, ch), gap in zip(node.children, sizes, gaps, strict=True):
            cursor += gap
            cross_avail, cross_size = (inner[1], ch) if row else (inner[0], cw)
            offset = {"center": (cross_avail - cross_size) / 2,
                      "end": cross_avail - cross_size}.get(align, 0.0)
            if row:
                self.place(child, node.x + pads[0] + cursor, node.y + pads[1] + offset, cw, ch)
                cursor += cw
            else:
                self.place(child, node.x + pads[0] + offset, node.y + pads[1] + cursor, cw, ch)
                cursor += ch

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, node: _Node, out: list[str]) -> None:
        p = node.props
        opacity = p.get("opacity")
        wrap = isinstance(opacity, (int, float)) and opacity < 1
        if wrap:
            out.append(f'<g opacity="{_num(opacity)}">')
        if node.kind == "Frame":
            self._frame(node, out)
        elif node.kind == "Text":
            self._text(node, out)
        elif node.kind == "VectorGraphic":
            self._vector(node, out)
        if node.kind == "TouchWrapper":
            arguments = [self.bind(a, node.scope) for command in p.get("onPress") or []
                         if isinstance(command, Mapping) and command.get("type") == "SendEvent"
                         for a in command.get("arguments") or []]
            out.append(f"<g class=\"touch\" data-send-event='{escape(json.dumps(arguments))}'>")
        clip = node.kind == "ScrollView"
        if clip:
            self.clip_ids += 1
            out.append(f'<clipPath id="scroll{self.clip_ids}"><rect x="{node.x:.1f}" '
                       f'y="{node.y:.1f}" width="{node.w:.1f}" height="{node.h:.1f}"/></clipPath>'
                       f'<g clip-path="url(#scroll{self.clip_ids})">')
        for child in node.children:
            self.draw(child, out)
        if clip or node.kind == "TouchWrapper":
            out.append("</g>")
        if wrap:
            out.append("</g>")

    def _frame(self, node: _Node, out: list[str]) -> None:
        p = node.props
        fill = p.get("backgroundColor") or "none"
        radius = _num(p.get("borderRadius"))
        stroke = ""
        if isinstance(p.get("borderWidth"), (int, float)) and p.get("borderColor"):
            stroke = f' stroke="{escape(str(p["borderColor"]))}" stroke-width="{p["borderWidth"]}"'
        out.append(f'<rect x="{node.x:.1f}" y="{node.y:.1f}" width="{node.w:.1f}" '
                   f'height="{node.h:.1f}" rx="{radius}" fill="{escape(str(fill))}"'
                   f'{stroke}/>')

    def _text(self, node: _Node, out: list[str]) -> None:
        p = node.props
        size = float(p.get("fontSize") or 40)
        lines = self._lines(node, node.w)
        align = p.get("textAlign", "left")
        anchor, x = {"center": ("middle", node.x + node.w / 2),
                     "right": ("end", node.x + node.w)}.get(align, ("start", node.x))
        top = node.y
        if p.get("textAlignVertical") == "center":
            top += (node.h - len(lines) * size * _LINE) / 2
        weight = ' font-weight="bold"' if p.get("fontWeight") in ("bold", 700, "700") else ""
        color = escape(str(p.get("color") or "#fafafa"))
        for index, line in enumerate(lines):
            y = top + size * (0.95 + index * _LINE)
            out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{color}" '
                       f'text-anchor="{anchor}"{weight}>{escape(line)}</text>')

    def _vector(self, node: _Node, out: list[str]) -> None:
        graphic = self.graphics.get(node.props.get("source"))
        if not isinstance(graphic, Mapping):
            return
        vw = float(graphic.get("viewportWidth", graphic.get("width", 100)))
        vh = float(graphic.get("viewportHeight", graphic.get("height", 100)))
        scale = min(node.w / vw, node.h / vh) if vw and vh else 1.0
        dx = node.x + (node.w - vw * scale) / 2
        dy = node.y + (node.h - vh * scale) / 2
        scope: dict[str, Any] = {"viewport": self.viewport}
        for parameter in graphic.get("parameters") or []:
            name = _name(parameter)
            default = parameter.get("default") if isinstance(parameter, Mapping) else None
            scope[name] = node.props.get(name, default)
        out.append(f'<g class="avg" transform="translate({dx:.1f} {dy:.1f}) scale({scale:.4f})">')
        items = graphic.get("items", graphic.get("item"))
        self._avg(items, scope, out)
        out.append("</g>")

    def _avg(self, items: Any, scope: Mapping[str, Any], out: list[str]) -> None:
        for item in items if isinstance(items, list) else [items]:
            if not isinstance(item, Mapping):
                continue
            if "when" in item and not truthy(self.bind(item["when"], scope)):
                continue
            data = self.bind(item["data"], scope) if "data" in item else None
            if isinstance(data, list):
                rest = {k: v for k, v in item.items() if k != "data"}
                for index, element in enumerate(data):
                    self._avg(rest, {**scope, "data": element, "index": index}, out)
                continue
            props = {k: self.bind(v, scope) for k, v in item.items()
                     if k not in ("items", "item", "when", "data")}
            kind = props.get("type")
            if kind == "group":
                out.append(f"<g{_group_attrs(props)}>")
                self._avg(item.get("items", item.get("item")), scope, out)
                out.append("</g>")
            elif kind == "path" and props.get("pathData"):
                out.append(f'<path d="{escape(str(props["pathData"]))}"{_paint(props)}/>')
            elif kind == "text":
                anchor = props.get("textAnchor", "start")
                out.append(f'<text x="{_num(props.get("x"))}" y="{_num(props.get("y"))}" '
                           f'font-size="{_num(props.get("fontSize", 40))}" text-anchor="{anchor}"'
                           f'{_paint(props, text=True)}>{escape(text_of(props.get("text")))}'
                           "</text>")


def _flex(children: list[_Node], sizes: list[list[float]], free: float, axis: int) -> float:
    """Share out free space by ``grow``, or take back missing space by ``shrink`` (weighted by
    size, as flexbox does); the space left over."""
    if free > 0:
        weights = [float(c.props.get("grow") or 0) for c in children]
    elif free < 0:
        weights = [float(c.props.get("shrink") or 0) * s[axis]
                   for c, s in zip(children, sizes, strict=True)]
    else:
        return 0.0
    total = sum(weights)
    if total <= 0:
        return free
    for size, weight in zip(sizes, weights, strict=True):
        size[axis] = max(0.0, size[axis] + free * weight / total)
    return 0.0


def _num(value: Any) -> str:
    return f"{float(value):g}" if isinstance(value, (int, float)) else "0"


def _paint(props: Mapping[str, Any], text: bool = False) -> str:
    attrs = [f' fill="{escape(str(props.get("fill") or ("#fafafa" if text else "none")))}"']
    names = {"stroke": "stroke", "strokeWidth": "stroke-width", "fillOpacity": "fill-opacity",
             "strokeOpacity": "stroke-opacity", "strokeLineCap": "stroke-linecap",
             "strokeLineJoin": "stroke-linejoin", "opacity": "opacity"}
    for key, attr in names.items():
        value = props.get(key)
        if value not in (None, ""):
            attrs.append(f' {attr}="{escape(text_of(value))}"')
    dashes = props.get("strokeDashArray")
    if isinstance(dashes, list) and dashes:
        attrs.append(f' stroke-dasharray="{" ".join(_num(d) for d in dashes)}"')
    return "".join(attrs)


def _group_attrs(props: Mapping[str, Any]) -> str:
    parts = []
    if props.get("translateX") or props.get("translateY"):
        parts.append(f"translate({_num(props.get('translateX'))} {_num(props.get('translateY'))})")
    if props.get("rotation"):
        parts.append(f"rotate({_num(props.get('rotation'))} {_num(props.get('pivotX'))} "
                     f"{_num(props.get('pivotY'))})")
    if props.get("scaleX") not in (None, 1) or props.get("scaleY") not in (None, 1):
        parts.append(f"scale({_num(props.get('scaleX', 1))} {_num(props.get('scaleY', 1))})")
    attrs = f' transform="{" ".join(parts)}"' if parts else ""
    if isinstance(props.get("opacity"), (int, float)):
        attrs += f' opacity="{_num(props["opacity"])}"'
    return attrs


def render_directive_svg(directive: Mapping[str, Any], device: str = "echo-show") -> str:
    """SVG of one RenderDocument directive on ``device``'s screen."""
    viewport = _viewport(device)
    document = directive.get("document") or {}
    renderer = _Renderer(document, directive.get("datasources") or {}, viewport)
    template = document.get("mainTemplate") or {}
    roots = renderer._children(template, renderer.globals, single=True)
    width, height = viewport["width"], viewport["height"]
    body: list[str] = []
    for root in roots:
        rw, rh = renderer.natural(root, width, height)
        renderer.place(root, 0.0, 0.0, rw, rh)
        renderer.draw(root, body)
    round_screen = viewport["shape"] == "round"
    clip = ""
    if round_screen:
        r = min(width, height) / 2
        clip = (f'<clipPath id="screen"><circle cx="{width / 2:g}" cy="{height / 2:g}" '
                f'r="{r:g}"/></clipPath>')
    token = escape(str(directive.get("token", "")))
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{viewport["pixelWidth"]}" '
            f'height="{viewport["pixelHeight"]}" viewBox="0 0 {width:g} {height:g}" '
            f'font-family="Bookerly, Amazon Ember, Helvetica, Arial, sans-serif" '
            f'data-device="{escape(device)}" data-token="{token}">'
            f"<title>{escape(device)}: {token}</title>{clip}"
            f'<rect width="{width:g}" height="{height:g}" fill="#000"/>')
    content = "".join(body)
    if round_screen:
        content = f'<g clip-path="url(#screen)">{content}</g>'
    return f"{head}{content}</svg>\n"


def render_svg(response: dict[str, Any], device: str = "echo-show") -> str | None:
    """Standalone SVG of what ``device``'s screen shows for ``response`` (the full envelope the
    skill returned), or None when the response carries no RenderDocument directive."""
    directive = find_render_directive(response)
    if directive is None:
        return None
    return render_directive_svg(directive, device)
