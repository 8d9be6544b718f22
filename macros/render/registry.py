"""The one registry of page macros. Plain Python, no MkDocs.

A macro is a function ``name(page, *args)`` marked ``@macro``: ``page`` is the
:class:`~macros.render.page.Page` being rendered, the other parameters are what a page
writes in ``{{ name(...) }}``. Its docstring is its documentation: the editor's guide
prints it (``macro_reference()``), so the guide and the code cannot drift apart, and a
test fails for a macro without a summary or an example. Docstrings have one shape::

    One-line summary.

    Longer description (optional).

    Args:
        name: what it is.

    Example:
        {{ name('id') }}
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..evidence.suggest import did_you_mean

F = TypeVar("F", bound=Callable[..., Any])


class MacroError(ValueError):
    """A macro was called with something that does not exist or does not fit."""


@dataclass(frozen=True)
class MacroArg:
    name: str
    text: str


@dataclass(frozen=True)
class MacroDoc:
    """A macro's documentation, read from its signature and docstring."""

    name: str
    signature: str  # as pages call it: "(fact_id)", "(measure_id, *more)"
    summary: str
    details: list[str] = field(default_factory=list)
    args: list[MacroArg] = field(default_factory=list)
    example: str = ""


@dataclass(frozen=True)
class Macro:
    name: str
    fn: Callable[..., str]

    @property
    def signature(self) -> inspect.Signature:
        """The parameters a page passes (without ``page``)."""
        sig = inspect.signature(self.fn)
        return sig.replace(parameters=list(sig.parameters.values())[1:])

    @property
    def doc(self) -> MacroDoc:
        return parse_doc(self.name, self.signature, inspect.getdoc(self.fn) or "")


#: Every macro, in the order the editor's guide documents them (import order).
REGISTRY: dict[str, Macro] = {}


def macro(fn: F) -> F:
    """Register ``fn`` as the page macro of its name."""
    name = fn.__name__
    if name in REGISTRY:
        raise ValueError(f"macro {name!r} is defined twice")
    REGISTRY[name] = Macro(name, fn)
    return fn


def call_text(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    """The call as a page wrote it, for messages: ``figure('x')``."""
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def run(page: Any, where: str, name: str, args: Sequence[Any] = (),
        kwargs: dict[str, Any] | None = None) -> str:
    """Run macro ``name`` for ``page``; every failure names the page (``where``) and
    the call, as the page wrote it."""
    kwargs = kwargs or {}
    call = call_text(name, args, kwargs)
    found = REGISTRY.get(name)
    if found is None:
        hint = did_you_mean(name, REGISTRY, n=3)
        raise MacroError(f"{where}: {call}: no such macro" + (f" ({hint})" if hint else ""))
    try:
        found.signature.bind(*args, **kwargs)
    except TypeError as exc:
        raise MacroError(f"{where}: {call}: {exc}; expected "
                         f"{name}{found.doc.signature}") from None
    try:
        return found.fn(page, *args, **kwargs)
    except MacroError as exc:
        raise MacroError(f"{where}: {call}: {exc}") from None
    except Exception as exc:  # a bug in a renderer: still name page and call
        raise MacroError(f"{where}: {call} failed: {type(exc).__name__}: {exc}") from exc


_SECTION = re.compile(r"^(Args|Example):\s*$")
_ARG = re.compile(r"^\s{4}(\w+):\s*(.*)$")


def parse_doc(name: str, signature: inspect.Signature, docstring: str) -> MacroDoc:
    """Summary, description, parameters and example from a macro docstring."""
    shown = "(" + ", ".join(
        f"*{p.name}" if p.kind is p.VAR_POSITIONAL
        else p.name if p.default is p.empty else f"{p.name}={p.default!r}"
        for p in signature.parameters.values()) + ")"
    sections: dict[str, list[str]] = {"body": [], "Args": [], "Example": []}
    current = "body"
    for line in docstring.splitlines():
        m = _SECTION.match(line)
        if m:
            current = m.group(1)
            continue
        sections[current].append(line)
    paragraphs = [" ".join(p.split()) for p in "\n".join(sections["body"]).split("\n\n")
                  if p.strip()]
    args: list[list[str]] = []
    for line in sections["Args"]:
        m = _ARG.match(line)
        if m:
            args.append([m.group(1), m.group(2)])
        elif args and line.strip():
            args[-1][1] += " " + line.strip()
    example = "\n".join(line[4:] if line.startswith("    ") else line
                        for line in sections["Example"]).strip()
    return MacroDoc(name=name, signature=shown,
                    summary=paragraphs[0] if paragraphs else "",
                    details=paragraphs[1:],
                    args=[MacroArg(n, t) for n, t in args], example=example)


def doc_problems(macros: dict[str, Macro] | None = None) -> list[str]:
    """What the editor's guide would miss: a macro without a summary, without an
    example, whose example does not call it, or whose Args do not match its parameters."""
    problems = []
    for m in (REGISTRY if macros is None else macros).values():
        doc = m.doc
        if not doc.summary:
            problems.append(f"{m.name}: no summary line in its docstring")
        if not doc.example:
            problems.append(f"{m.name}: no Example: section in its docstring")
        elif f"{m.name}(" not in doc.example:
            problems.append(f"{m.name}: its example does not call {m.name}()")
        params = list(m.signature.parameters)
        documented = [a.name for a in doc.args]
        if documented != params:
            problems.append(f"{m.name}: Args: documents {documented}, "
                            f"the macro takes {params}")
    return problems
