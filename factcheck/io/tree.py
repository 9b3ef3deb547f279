"""Docs trees: the files of two folders (a ``docs/ko`` and its translation ``docs/en``)
paired by their path relative to each folder.

Only files some reader claims by extension are part of a tree (Markdown, HTML, text, Word,
Hangul, PDF: not images or configuration files); hidden files and folders (``.git``) are
left out. Symbolic links to folders are not followed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from factcheck.errors import InputError
from factcheck.io.readers.registry import ReaderRegistry, default_readers

__all__ = ["TreePair", "pair_trees", "tree_files", "tree_names"]


@dataclass(frozen=True, slots=True)
class TreePair:
    """One relative path and the files of each tree that have it (None: not in that tree)."""

    rel: str
    a: str | None
    b: str | None


def tree_files(root: str, readers: ReaderRegistry | None = None) -> list[str]:
    """The relative paths (``/``-separated, sorted) of the files under ``root`` that a reader
    claims; a missing folder or a file raises :class:`InputError`."""
    registry = readers or default_readers()
    if not os.path.exists(root):
        raise InputError("no such folder", reason="missing", path=root)
    if not os.path.isdir(root):
        raise InputError("is a file, not a folder (--pair compares two folders)", reason="not-a-folder", path=root)
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not registry.knows(name):
                continue
            rel = os.path.relpath(os.path.join(folder, name), root)
            found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def pair_trees(root_a: str, root_b: str, readers: ReaderRegistry | None = None) -> list[TreePair]:
    """The files of two trees paired by relative path, in path order."""
    a, b = tree_files(root_a, readers), tree_files(root_b, readers)
    in_a, in_b = set(a), set(b)
    return [TreePair(rel, os.path.join(root_a, rel) if rel in in_a else None,
                     os.path.join(root_b, rel) if rel in in_b else None) for rel in sorted(in_a | in_b)]


def tree_names(root_a: str, root_b: str) -> tuple[str, str]:
    """Short names for the two trees, to prefix source ids: their folder names (``ko``,
    ``en``), or as much of their paths as tells them apart."""
    pa = [p for p in os.path.normpath(root_a).replace(os.sep, "/").split("/") if p not in ("", ".")] or ["a"]
    pb = [p for p in os.path.normpath(root_b).replace(os.sep, "/").split("/") if p not in ("", ".")] or ["b"]
    depth = 1
    while depth <= max(len(pa), len(pb)):
        na, nb = "/".join(pa[-depth:]), "/".join(pb[-depth:])
        if na != nb:
            return na, nb
        depth += 1
    return "a", "b"
