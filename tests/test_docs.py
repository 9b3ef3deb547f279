"""Every fenced code block of README.md, docs/*.md and examples/README.md is a test.

One pytest item per block, ``test_doc_block[FILE:LINE]`` (LINE: the opening fence), so a page
that drifts from the code fails the suite. What a block must be depends on its language and on
the HTML comment just before it (blank lines between are allowed); docs/contributing.md says the
same for writers.

python    With ``>>>``: a doctest, every output compared exactly (an example whose value truly
          varies may say ``# doctest: +ELLIPSIS``). Without: executed, must not raise, and the
          parameterless ``test_*`` functions it defines are called. The python blocks of one
          file share a namespace, in order; the working directory is the repository root.
console   ``$ factcheck ...`` lines run through ``factcheck.cli.main`` in-process (``echo TEXT |
          factcheck ... -`` feeds standard input). The lines after a command, up to the next
          ``$``, are what it prints (stdout, then stderr), compared line by line, trailing spaces
          ignored; a line ``...`` stands for any number of lines. The exit status must be 0, or
          N when the command ends with the comment ``# exit N``.
sh, bash  Commands a reader types, checked as far as they can be offline: a ``factcheck``
          command must parse with the CLI's own parser and, when its input files are in the
          repository, it is run (exit status as above) with ``--output FILE`` sent to a
          temporary file; when it writes a file of the repository (``--output FILE``, ``> FILE``)
          its output must equal that file. ``make T``: the Makefile has T; ``python SCRIPT
          --opt``: the script exists and names --opt; ``pip install -c FILE -e '.[extra]'``: FILE
          and the extra exist. Any other command fails until a check for it is added here.
yaml      Parsed; the ``factcheck`` commands under ``run``/``script`` keys and a pre-commit
          hook's ``entry`` with its ``args`` must parse with the CLI parser.

Output and data blocks (text, json, markdown, xml, toml ...) say where they come from:

``<!-- output of: factcheck ARGS -->``   what the command writes (its --output file, else
                                         stdout), compared as a console output; json, yaml and
                                         toml blocks are compared parsed
``<!-- output of python: EXPR -->``      the same for EXPR, evaluated in the file's namespace (a
                                         value that is not a str is compared with the parsed block)
``<!-- excerpt of: factcheck ARGS -->``, ``<!-- excerpt of python: EXPR -->``,
``<!-- excerpt of file: PATH -->``       json, yaml or toml that leaves out keys of objects and
                                         items of lists; what it shows must be there, in order
``<!-- synopsis of: factcheck -->``      usage lines: each ``factcheck COMMAND`` line (with the
                                         lines indented under it) names exactly the options the
                                         parser gives COMMAND
``<!-- signature of: DOTTED.NAME -->``   (python) a signature equal to the function's (parameter
                                         names, kinds, defaults, return annotation)
``<!-- keys of: PATH -->``               (toml) every key path of the block occurs in PATH
``<!-- locale snippet: CODE -->``        (toml) part of factcheck/locales/CODE.toml: its keys
                                         occur there and its [[examples]] extract as they say
``<!-- new locale: CODE -->``            (toml) a whole locale file: saved as CODE.toml in a copy
                                         of the package, where its [[examples]] must extract
``<!-- ini options of: MODULE -->``      (toml) the [tool.pytest.ini_options] keys are ini options
                                         that MODULE's pytest_addoption registers
``<!-- not run: REASON -->``             not run: the item is skipped with the reason, so the
                                         ``-ra`` summary lists it

A block without a language is plain text (a diagram): skipped and listed the same way, and it
fails if it looks like code (a ``>>>``, ``$`` or ``factcheck`` line). Any other block without a
marker fails, naming the markers it may take. Each item records what it did (checked: output
compared; run; parsed; not run) and tests/conftest.py prints the counts after the run.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import dataclasses
import doctest
import importlib
import inspect
import io
import json
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from typing import Any

import pytest
import yaml

from factcheck.cli import _build_parser, main

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOC_FILES = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")),
             "examples/README.md"]

# ----------------------------------------------------------------------------- blocks
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<body>.*?)\s*-->\s*$")


@dataclasses.dataclass(frozen=True)
class Block:
    path: str    # relative to the repository root
    line: int    # 1-based line of the opening fence
    lang: str    # the first word of the info string, lower case ("" when none)
    text: str    # the content, its fence indentation removed, ending with a newline
    marker: str  # the HTML comment just before the block, without <!-- -->; "" when none

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def parse_blocks(path: str) -> list[Block]:
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    blocks, i = [], 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, indent = m["fence"], len(m["indent"])
        end = i + 1
        while end < len(lines) and not (lines[end].strip().startswith(fence[0] * len(fence))
                                        and not lines[end].strip().strip(fence[0])):
            end += 1
        if end == len(lines):
            raise ValueError(f"{path}:{i + 1}: the code block is never closed")
        body = [ln[indent:] if ln[:indent].strip() == "" else ln for ln in lines[i + 1:end]]
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        mm = _MARKER.match(lines[k]) if k >= 0 else None
        info = m["info"].strip().split()
        blocks.append(Block(path, i + 1, info[0].lower() if info else "", "\n".join(body) + "\n",
                            mm["body"] if mm else ""))
        i = end + 1
    return blocks


ALL_BLOCKS = [b for path in DOC_FILES for b in parse_blocks(path)]


# ----------------------------------------------------------------------------- comparing
class DocMismatch(AssertionError):
    pass


def _lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.rstrip("\n").split("\n")] if text.strip("\n") else []


def _text_matches(shown: str, real: str) -> bool:
    """Line by line, trailing spaces ignored; a shown line ``...`` stands for any lines."""
    pattern = "".join(r"(?:[^\n]*\n)*?" if ln == "..." else re.escape(ln) + r"\n" for ln in _lines(shown))
    return re.fullmatch(pattern, "".join(ln + "\n" for ln in _lines(real))) is not None


def _compare_text(block: Block, real: str, source: str) -> None:
    if not _text_matches(block.text, real):
        raise DocMismatch(f"{block.where}: the block is not what {source} prints.\n"
                          f"--- shown in {block.path}\n{block.text.rstrip()}\n"
                          f"--- printed now\n{real.rstrip()}")


def _contains(real: Any, shown: Any) -> bool:
    """``shown`` is ``real`` with keys of objects and items of lists left out (order kept)."""
    if isinstance(shown, dict):
        return isinstance(real, dict) and all(k in real and _contains(real[k], v) for k, v in shown.items())
    if isinstance(shown, list):
        if not isinstance(real, list):
            return False
        it = iter(real)
        return all(any(_contains(r, s) for r in it) for s in shown)
    return type(real) is type(shown) and real == shown


def _compare_data(block: Block, real: Any, source: str, excerpt: bool) -> None:
    shown = _load_data(block)
    real = json.loads(json.dumps(real, ensure_ascii=False))
    ok = _contains(real, shown) if excerpt else real == shown
    if not ok:
        what = "an excerpt of" if excerpt else "equal to"
        raise DocMismatch(f"{block.where}: the block is not {what} what {source} gives.\n"
                          f"--- shown in {block.path}\n{block.text.rstrip()}\n"
                          f"--- given now\n{json.dumps(real, ensure_ascii=False, indent=2)[:6000]}")


def _load_data(block: Block) -> Any:
    if block.lang == "json":
        return json.loads(block.text)
    if block.lang == "yaml":
        return yaml.safe_load(block.text)
    if block.lang == "toml":
        return tomllib.loads(block.text)
    raise DocMismatch(f"{block.where}: an excerpt must be json, yaml or toml, not {block.lang or 'plain text'}")


# ----------------------------------------------------------------------------- shell commands
@dataclasses.dataclass
class Command:
    argv: list[str]
    stdin: str | None = None          # from ``echo TEXT |``
    redirect: str | None = None       # ``> FILE``
    exit: int = 0                     # ``# exit N``


def _split_comment(line: str) -> tuple[str, str]:
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i], line[i + 1:]
    return line, ""


def shell_commands(script: str) -> list[Command]:
    """The simple commands of a shell script: pipes, ``&&``, ``||`` and ``;`` split them,
    ``echo X | cmd`` becomes cmd with X on stdin, ``> FILE`` is kept, ``VAR=x`` prefixes go."""
    commands: list[Command] = []
    for logical in script.replace("\\\n", " ").split("\n"):
        code, comment = _split_comment(logical)
        lex = shlex.shlex(code, posix=True, punctuation_chars=True)
        lex.whitespace_split, lex.commenters = True, ""
        tokens = list(lex)
        line: list[Command] = []
        cmd = Command([])
        piped: str | None = None
        i = 0
        while i <= len(tokens):
            t = tokens[i] if i < len(tokens) else ";"
            if t in (">", ">>") and i + 1 < len(tokens):
                cmd.redirect = tokens[i + 1] if t == ">" else None
                i += 2
                continue
            if t in ("|", "&&", "||", ";", "&"):
                while len(cmd.argv) > 1 and re.fullmatch(r"[A-Za-z_]\w*=\S*", cmd.argv[0]):
                    cmd.argv.pop(0)
                if cmd.argv and t == "|" and cmd.argv[0] == "echo":
                    piped = " ".join(cmd.argv[1:]) + "\n"
                elif cmd.argv:
                    cmd.stdin, piped = piped, None
                    line.append(cmd)
                cmd = Command([])
            else:
                cmd.argv.append(t)
            i += 1
        m = re.match(r"\s*exit\s+(\d+)\b", comment)
        if m and line:
            line[-1].exit = int(m.group(1))
        commands += line
    return commands


def factcheck_argv(argv: list[str]) -> list[str] | None:
    """The arguments after the program when argv runs factcheck, else None."""
    if argv and os.path.basename(argv[0]) == "factcheck":
        return argv[1:]
    if len(argv) >= 3 and os.path.basename(argv[0]).startswith("python") and argv[1:3] == ["-m", "factcheck"]:
        return argv[3:]
    return None


def parse_cli(args: list[str], where: str) -> Any:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            return _build_parser().parse_args(args)
    except SystemExit as exc:
        raise DocMismatch(f"{where}: `factcheck {' '.join(args)}` does not parse (exit {exc.code}): "
                          f"{err.getvalue().strip()}") from None


def run_cli(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def _input_files(ns: Any) -> list[str]:
    files = list(getattr(ns, "files", None) or []) + ([ns.file] if getattr(ns, "file", None) else [])
    return files + [getattr(ns, k) for k in ("glossary", "rates", "baseline") if getattr(ns, k, None)]


def _runnable(ns: Any, stdin: str | None) -> bool:
    return all((f == "-" and stdin is not None) or (f != "-" and (ROOT / f).is_file()) for f in _input_files(ns))


def run_factcheck(cmd: Command, where: str, tmp: pathlib.Path) -> str:
    """Run one factcheck command and return what it writes (its ``--output`` file, sent to
    ``tmp``, or stdout). When that goes to a file of the repository (``--output FILE``,
    ``> FILE``), the file must hold exactly this: the command shown regenerates it."""
    args = list(factcheck_argv(cmd.argv) or [])
    ns = parse_cli(args, where)
    if ns.__dict__.get("output"):
        if "--output" not in args:
            raise DocMismatch(f"{where}: write `--output FILE`, not `--output=FILE`")
        args[args.index("--output") + 1] = str(tmp / "output")
    code, out, err = run_cli(args, cmd.stdin)
    shown = " ".join(shlex.quote(a) for a in cmd.argv)
    if code != cmd.exit:
        raise DocMismatch(f"{where}: `{shown}` exited with {code}, not {cmd.exit} "
                          f"(end the command with `# exit N` when N is meant)\n{err.strip()}")
    written = (tmp / "output").read_text(encoding="utf-8") if ns.__dict__.get("output") else out
    target = ns.__dict__.get("output") or cmd.redirect
    if target and (ROOT / target).is_file() and written != (ROOT / target).read_text(encoding="utf-8"):
        raise DocMismatch(f"{where}: `{shown}` no longer writes what {target} holds: regenerate "
                          f"{target} with this command and review the diff")
    return written


# ----------------------------------------------------------------------------- the other commands
def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _check_pip(argv: list[str], where: str) -> None:
    extras = set(_pyproject()["project"]["optional-dependencies"])
    args = argv[argv.index("install") + 1:]
    for i, a in enumerate(args):
        if a == "-c" and not (ROOT / args[i + 1]).is_file():
            raise DocMismatch(f"{where}: pip -c {args[i + 1]}: no such file")
        m = re.fullmatch(r"\.\[([\w,-]+)\]", a)
        if m and not set(m.group(1).split(",")) <= extras:
            raise DocMismatch(f"{where}: pip install {a}: pyproject.toml has no such extra ({sorted(extras)})")


def _check_script(argv: list[str], where: str) -> None:
    script = ROOT / argv[1]
    if not script.is_file():
        raise DocMismatch(f"{where}: {argv[1]}: no such script")
    source = script.read_text(encoding="utf-8")
    for opt in (a.split("=")[0] for a in argv[2:] if a.startswith("--")):
        if f'"{opt}"' not in source and f"'{opt}'" not in source:
            raise DocMismatch(f"{where}: {argv[1]} defines no option {opt}")


def _check_make(argv: list[str], where: str) -> None:
    targets = re.findall(r"^([\w.-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    for t in argv[1:] or ["(default)"]:
        if t not in targets:
            raise DocMismatch(f"{where}: the Makefile has no target {t!r} ({', '.join(targets)})")


def check_other_command(argv: list[str], where: str) -> None:
    prog = argv[0]
    base = os.path.basename(prog)
    if base in ("pip", "pip3") or (base.startswith("python") and argv[1:3] == ["-m", "pip"]):
        return _check_pip(argv, where)
    if base.startswith("python"):
        if argv[1:3] in (["-m", "venv"], ["-m", "pytest"]):
            return None
        if len(argv) > 1 and argv[1].endswith(".py"):
            return _check_script(argv, where)
    if base == "make":
        return _check_make(argv, where)
    if (base == "mkdocs" and argv[1:2] == ["build"]) or base == "echo":
        return None
    raise DocMismatch(f"{where}: no check for the command `{' '.join(argv)}`: add one to tests/test_docs.py "
                      f"or mark the block <!-- not run: reason -->")


# ----------------------------------------------------------------------------- per-file state
class FileState:
    """The python namespace of one Markdown file and how far its python blocks have run."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "__docs__"}
        self.done = 0                 # the blocks before this index have run
        self.broken: str | None = None  # the first block that raised, leaving names undefined


_STATES: dict[str, FileState] = {}


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _index(block: Block) -> int:
    """The place of the block among its file's blocks (by line: a test may pass a changed copy)."""
    lines = [b.line for b in ALL_BLOCKS if b.path == block.path]
    return lines.index(block.line) if block.line in lines else len(lines)


def _state_before(block: Block) -> FileState:
    """The file's namespace with every python block before this one run, so that a block
    selected alone (``-k``) still sees the names the blocks before it define."""
    index = _index(block)
    state = _STATES.setdefault(block.path, FileState())
    if state.done > index:  # the same block again (a re-run): start the file afresh
        state = _STATES[block.path] = FileState()
    for earlier in [b for b in ALL_BLOCKS if b.path == block.path][state.done:index]:
        if earlier.lang == "python" and not earlier.marker.startswith("not run"):
            try:
                _run_python(earlier, state)
            except Exception:  # noqa: BLE001 - that block's own item reports it
                pass
    state.done = index
    return state


# ----------------------------------------------------------------------------- handlers
class _DocTestRunner(doctest.DocTestRunner):
    """Notes whether an example raised (its names may then be missing for the blocks after)."""

    raised = False

    def report_unexpected_exception(self, out: Any, test: Any, example: Any, exc_info: Any) -> None:
        self.raised = True
        super().report_unexpected_exception(out, test, example, exc_info)


def _run_python(block: Block, state: FileState) -> str:
    marker = block.marker
    if marker.startswith("signature of:"):
        _check_signature(block, marker.split(":", 1)[1].strip())
        return "checked"
    if ">>>" in block.text:
        test = doctest.DocTestParser().get_doctest(block.text, state.namespace, block.where, block.path, block.line)
        report = io.StringIO()
        runner = _DocTestRunner(optionflags=doctest.REPORT_NDIFF, verbose=False)
        runner.run(test, out=report.write, clear_globs=False)
        state.namespace.update(test.globs)  # a DocTest works on a copy of the namespace
        if runner.raised:
            state.broken = state.broken or block.where
        if runner.failures:
            raise DocMismatch(f"{block.where}: {runner.failures} doctest example(s) failed\n{report.getvalue()}")
        return "checked"
    before = set(state.namespace)
    code = compile("\n" * block.line + block.text, block.path, "exec")
    try:
        exec(code, state.namespace)  # noqa: S102 - the documentation's own examples
    except Exception:
        state.broken = state.broken or block.where
        raise
    for name, fn in list(state.namespace.items()):
        if name.startswith("test_") and name not in before and callable(fn) \
                and not inspect.signature(fn).parameters:
            fn()
    return "run"


def _check_signature(block: Block, dotted: str) -> None:
    module, _, attr = dotted.rpartition(".")
    fn = inspect.unwrap(getattr(importlib.import_module(module), attr))
    text = block.text.strip()
    m = re.fullmatch(r"[\w.]+(\(.*\))\s*(?:->\s*(.+))?", text, re.S)
    if not m:
        raise DocMismatch(f"{block.where}: not a signature: {text}")
    tree = ast.parse(f"def f{m.group(1)}: pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    a = tree.args

    def value(node: ast.expr) -> Any:  # a literal, or a name of the function's module
        return eval(ast.unparse(node), dict(getattr(fn, "__globals__", {})))  # noqa: S307

    def shown_params() -> list[tuple[str, str, Any]]:
        pos = a.posonlyargs + a.args
        defaults = [inspect.Parameter.empty] * (len(pos) - len(a.defaults)) + [value(d) for d in a.defaults]
        out = [(p.arg, "POSITIONAL_OR_KEYWORD", d) for p, d in zip(pos, defaults)]
        out += [(p.arg, "KEYWORD_ONLY", inspect.Parameter.empty if d is None else value(d))
                for p, d in zip(a.kwonlyargs, a.kw_defaults)]
        return out

    sig = inspect.signature(fn)
    real = [(p.name, p.kind.name, p.default) for p in sig.parameters.values()]
    shown = shown_params()
    if real != shown:
        raise DocMismatch(f"{block.where}: the signature shown is not {dotted}'s:\n  shown {shown}\n  real  {real}")
    returns = fn.__annotations__.get("return")
    if m.group(2) and m.group(2).strip() != (returns if isinstance(returns, str) else inspect.formatannotation(returns)):
        raise DocMismatch(f"{block.where}: {dotted} returns {returns}, not {m.group(2).strip()}")


def _run_console(block: Block, tmp: pathlib.Path) -> str:
    lines = block.text.rstrip("\n").split("\n")
    if not lines or not lines[0].startswith("$ "):
        raise DocMismatch(f"{block.where}: a console block starts with a `$ command` line")
    i = 0
    while i < len(lines):
        command = lines[i][2:]
        i += 1
        while command.endswith("\\") and i < len(lines):
            command = command[:-1] + " " + lines[i]
            i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        cmds = shell_commands(command)
        if len(cmds) != 1 or factcheck_argv(cmds[0].argv) is None:
            raise DocMismatch(f"{block.where}: a console block runs factcheck commands only: {command}")
        args = factcheck_argv(cmds[0].argv) or []
        code, out, err = run_cli(args, cmds[0].stdin)  # not parsed first: an error may be the example
        if code != cmds[0].exit:
            raise DocMismatch(f"{block.where}: `{command}` exited with {code}, not {cmds[0].exit}\n{err.strip()}")
        shown = Block(block.path, block.line, "text", "\n".join(output) + "\n", "")
        _compare_text(shown, out + err, f"`{command}`")
    return "checked"


def _run_sh(block: Block, tmp: pathlib.Path) -> str:
    ran = False
    for n, cmd in enumerate(shell_commands(block.text)):
        args = factcheck_argv(cmd.argv)
        if args is None:
            check_other_command(cmd.argv, block.where)
            continue
        ns = parse_cli(args, block.where)
        if _runnable(ns, cmd.stdin):
            (tmp / str(n)).mkdir()
            run_factcheck(cmd, block.where, tmp / str(n))
            ran = True
    return "run" if ran else "parsed"


_COMMAND_KEYS = ("run", "script", "before_script", "after_script")  # GitHub Actions, GitLab CI


def yaml_commands(data: Any, key: str = "") -> list[list[str]]:
    """The factcheck argument lists of a parsed CI file: the shell commands under ``run`` and
    ``script`` keys, and a pre-commit hook's ``entry`` with its ``args``."""
    found: list[list[str]] = []
    if isinstance(data, dict):
        entry = data.get("entry")
        if isinstance(entry, str) and factcheck_argv(shlex.split(entry)) is not None:
            found.append((factcheck_argv(shlex.split(entry)) or []) + [str(a) for a in data.get("args", [])])
        for k, v in data.items():
            found += yaml_commands(v, str(k))
    elif isinstance(data, list):
        for v in data:
            found += yaml_commands(v, key)
    elif isinstance(data, str) and key in _COMMAND_KEYS:
        found += [args for cmd in shell_commands(data) if (args := factcheck_argv(cmd.argv)) is not None]
    return found


def check_yaml_text(text: str, where: str) -> Any:
    data = yaml.safe_load(text)
    for args in yaml_commands(data):
        parse_cli(args, where)
    return data


def _synopsis(block: Block) -> None:
    parser = _build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    groups: dict[str, set[str]] = {}
    current: str | None = None
    for ln in block.text.split("\n"):
        m = re.match(r"factcheck (\w+)", ln)
        if m and m.group(1) in sub.choices:
            current = m.group(1)
            groups.setdefault(current, set())
        elif not ln.startswith(" "):
            current = None
        if current:
            groups[current] |= set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", ln))
    if not groups:
        raise DocMismatch(f"{block.where}: no `factcheck COMMAND` line in the synopsis")
    for command, shown in groups.items():
        real = {o for a in sub.choices[command]._actions for o in a.option_strings if o.startswith("--")} - {"--help"}
        if shown != real:
            raise DocMismatch(f"{block.where}: the synopsis of `factcheck {command}` lists {sorted(shown - real)} "
                              f"that it lacks and misses {sorted(real - shown)}")


def _key_paths(data: Any, prefix: str = "") -> set[str]:
    out: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            out.add(prefix + k)
            out |= _key_paths(v, prefix + k + ".")
    elif isinstance(data, list):
        for v in data:
            out |= _key_paths(v, prefix + "[].")
    return out


def _check_keys(block: Block, data: Any, path: str) -> None:
    ref = tomllib.loads((ROOT / path).read_text(encoding="utf-8"))
    unknown = sorted(_key_paths(data) - _key_paths(ref))
    if unknown:
        raise DocMismatch(f"{block.where}: keys that {path} does not have: {', '.join(unknown)}")


def _check_examples(examples: list[dict[str, Any]], lang: str, where: str) -> None:
    import factcheck

    for ex in examples:
        claims = factcheck.extract(ex["text"], lang=lang, reference_date=ex.get("reference_date", "2023-07-20"))
        first = claims[0] if claims else None
        got = first.value.to_dict() if first else {}
        if not first or first.kind != ex["kind"] or first.text != ex.get("span", ex["text"]) \
                or {k: got.get(k) for k in ex["value"]} != ex["value"]:
            raise DocMismatch(f"{where}: the example {ex['text']!r} gives "
                              f"{(first.kind, first.text, got) if first else 'no claim'}, not {ex}")


_NEW_LOCALE_SCRIPT = """
import json, sys, tomllib, factcheck
assert factcheck.__file__.startswith(sys.argv[1]), factcheck.__file__
examples = tomllib.loads(open(sys.argv[2], encoding="utf-8").read())["examples"]
out = []
for ex in examples:
    claims = factcheck.extract(ex["text"], lang=sys.argv[3], reference_date=ex.get("reference_date", "2023-07-20"))
    c = claims[0] if claims else None
    out.append([c.kind, c.text, c.value.to_dict()] if c else None)
print(json.dumps(out))
"""


def _new_locale(block: Block, code: str, tmp: pathlib.Path) -> None:
    """The block is a whole locale file: it works in a copy of the package."""
    data = tomllib.loads(block.text)
    copy = tmp / "pkg"
    shutil.copytree(ROOT / "factcheck", copy / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    locale = copy / "factcheck" / "locales" / f"{code}.toml"
    locale.write_text(block.text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-c", _NEW_LOCALE_SCRIPT, str(copy), str(locale), code],
                          capture_output=True, text=True, env=env, cwd=copy, timeout=120, check=False)
    if proc.returncode:
        raise DocMismatch(f"{block.where}: the locale does not load in a copy of the package:\n{proc.stderr[-3000:]}")
    for ex, got in zip(data["examples"], json.loads(proc.stdout)):
        if got is None or got[0] != ex["kind"] or got[1] != ex.get("span", ex["text"]) \
                or {k: got[2].get(k) for k in ex["value"]} != ex["value"]:
            raise DocMismatch(f"{block.where}: the example {ex['text']!r} gives {got}, not {ex}")


def _ini_options(block: Block, module: str) -> None:
    data = tomllib.loads(block.text)
    registered: dict[str, str | None] = {}

    class _Parser:
        def addini(self, name: str, help: str, type: str | None = None, default: Any = None) -> None:  # noqa: A002
            registered[name] = type

        def addoption(self, *args: Any, **kwargs: Any) -> None:
            pass

    importlib.import_module(module).pytest_addoption(_Parser())
    options = data.get("tool", {}).get("pytest", {}).get("ini_options", {})
    if not options:
        raise DocMismatch(f"{block.where}: no [tool.pytest.ini_options] table")
    for name, value in options.items():
        if name not in registered:
            raise DocMismatch(f"{block.where}: {module} registers no ini option {name!r} ({sorted(registered)})")
        if registered[name] == "args" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise DocMismatch(f"{block.where}: {name} takes a list of strings")


def _source_output(block: Block, spec: str, state: FileState, tmp: pathlib.Path) -> tuple[Any, str]:
    """What an ``output of``/``excerpt of`` marker points at, and how to name it."""
    if spec.startswith("python:"):
        expr = spec[len("python:"):].strip()
        return eval(expr, state.namespace), f"`{expr}`"  # noqa: S307 - the documentation's own examples
    if spec.startswith("file:"):
        path = spec[len("file:"):].strip()
        return (ROOT / path).read_text(encoding="utf-8"), path
    cmds = shell_commands(spec.lstrip(":"))
    if len(cmds) != 1 or factcheck_argv(cmds[0].argv) is None:
        raise DocMismatch(f"{block.where}: the marker names one factcheck command, not {spec!r}")
    tmp.mkdir(exist_ok=True)
    return run_factcheck(cmds[0], block.where, tmp), f"`{spec.lstrip(':').strip()}`"


def _output(block: Block, state: FileState, tmp: pathlib.Path, excerpt: bool) -> str:
    spec = block.marker.split(" of", 1)[1].strip()
    real, source = _source_output(block, spec, state, tmp)
    if block.lang in ("json", "yaml", "toml") or not isinstance(real, str):
        if isinstance(real, str):
            real = {"json": json.loads, "yaml": yaml.safe_load, "toml": tomllib.loads}[block.lang](real)
        _compare_data(block, real, source, excerpt)
    elif excerpt:
        raise DocMismatch(f"{block.where}: an excerpt is json, yaml or toml; elide the lines of a "
                          f"`{block.lang}` block with `...` and mark it `output of`")
    else:
        _compare_text(block, real, source)
    return "checked"


_LOOKS_LIKE_CODE = re.compile(r"^(>>> |\$ |(\.venv/bin/)?factcheck (check|extract)\b)", re.M)


def run_block(block: Block, tmp: pathlib.Path) -> str:
    """Check one block; returns what was done: run, checked, parsed or not run."""
    marker = block.marker
    if marker.startswith("not run"):
        reason = marker.partition(":")[2].strip()
        if not reason:
            raise DocMismatch(f"{block.where}: `<!-- not run: REASON -->` needs its reason")
        return "not run: " + reason
    if marker and not re.match(r"(output of|excerpt of|synopsis of|signature of|keys of|locale snippet|"
                               r"new locale|ini options of)\b", marker):
        if marker.lower().startswith(("output", "excerpt", "not run", "keys", "locale", "synopsis", "signature")):
            raise DocMismatch(f"{block.where}: unknown marker <!-- {marker} -->")
        marker = ""  # an unrelated comment
    uses_names = block.lang == "python" or re.match(r"(output|excerpt) of python:", marker) is not None
    state = _state_before(block) if uses_names else FileState()
    try:
        if block.lang == "yaml":
            check_yaml_text(block.text, block.where)
        if block.lang == "python":
            return _run_python(block, state)
        if marker.startswith("output of"):
            return _output(block, state, tmp / "out", excerpt=False)
        if marker.startswith("excerpt of"):
            return _output(block, state, tmp / "out", excerpt=True)
        if block.lang == "console":
            return _run_console(block, tmp)
        if block.lang in ("sh", "bash", "shell"):
            return _run_sh(block, tmp)
        if marker.startswith("synopsis of"):
            _synopsis(block)
            return "checked"
        if block.lang == "toml" and marker:
            data = tomllib.loads(block.text)
            kind, _, arg = marker.partition(":")
            arg = arg.strip()
            if kind == "keys of":
                _check_keys(block, data, arg)
                return "parsed"
            if kind == "locale snippet":
                _check_keys(block, data, f"factcheck/locales/{arg}.toml")
                _check_examples(data.get("examples", []), arg, block.where)
                return "run"
            if kind == "new locale":
                _new_locale(block, arg, tmp)
                return "run"
            if kind == "ini options of":
                _ini_options(block, arg)
                return "parsed"
        if block.lang == "yaml" and not marker:
            return "parsed"
        if block.lang == "mermaid" and not marker:
            _check_mermaid(block)
            return "parsed"
        if not block.lang and not marker:
            if _LOOKS_LIKE_CODE.search(block.text):
                raise DocMismatch(f"{block.where}: this block has no language but holds code or a command: "
                                  f"give it one (python, console, sh) so that it runs")
            return "not run: plain text (no language)"
        raise DocMismatch(f"{block.where}: a `{block.lang or 'plain'}` block needs a marker: "
                          f"<!-- output of: factcheck ... -->, <!-- output of python: EXPR -->, "
                          f"<!-- keys of: PATH --> ... or <!-- not run: REASON --> (see tests/test_docs.py)")
    finally:
        if uses_names:
            state.done = _index(block) + 1


def _check_mermaid(block: Block) -> None:
    """A diagram of the package: every node id names a module or package of factcheck (``core``
    stands for the bottom layer), so a renamed layer cannot linger in the picture."""
    package = ROOT / "factcheck"
    nodes = set(re.findall(r"\b([A-Za-z_]+)\s*\[", block.text))
    nodes |= set(re.findall(r"-->\s*([A-Za-z_]+)\b", block.text))
    unknown = sorted(n for n in nodes if n != "core" and not (package / f"{n}.py").exists()
                     and not (package / n).is_dir())
    if not nodes or unknown:
        raise DocMismatch(f"{block.where}: diagram nodes that are not modules of factcheck: {unknown or 'none found'}")


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=[b.where for b in ALL_BLOCKS])
def test_doc_block(block: Block, tmp_path: pathlib.Path, at_root: None, request: pytest.FixtureRequest) -> None:
    mismatch = None
    try:
        outcome = run_block(block, tmp_path)
    except Exception as exc:
        state = _STATES.get(block.path)
        note = (f"\n(an earlier block of this file raised, {state.broken}: names it defines may be missing)"
                if state and state.broken and state.broken != block.where else "")
        if not isinstance(exc, DocMismatch):  # an example raised: its traceback points into the page
            if note:
                exc.add_note(note.strip())
            raise
        mismatch = f"{exc}{note}"
    if mismatch:  # the message says it all: no traceback of the runner
        pytest.fail(mismatch, pytrace=False)
    request.node.user_properties.append(("docs", outcome.split(":")[0]))
    if outcome.startswith("not run"):
        pytest.skip(f"{block.where}: {outcome}")


# ----------------------------------------------------------------------------- the runner itself
def test_every_doc_file_is_collected() -> None:
    """README.md, docs/*.md and examples/README.md, and each has its blocks."""
    found = {b.path for b in ALL_BLOCKS}
    assert {"README.md", "docs/index.md", "examples/README.md"} <= found
    assert len(ALL_BLOCKS) >= 40


def test_runner_notices_a_changed_output(tmp_path: pathlib.Path) -> None:
    real = "a 1\nb 2\nc 3\n"
    assert _text_matches("a 1\nb 2\nc 3\n", real)
    assert _text_matches("a 1\n...\nc 3\n", real)
    assert _text_matches("a 1  \n...\n", real)
    assert not _text_matches("a 1\nb 3\nc 3\n", real)
    assert not _text_matches("a 1\nb 2\n", real)
    assert _contains({"x": [1, {"y": 2, "z": 3}], "w": 0}, {"x": [{"y": 2}]})
    assert not _contains({"x": [1, {"y": 2}]}, {"x": [{"y": 3}]})
    assert not _contains({"x": [1, 2]}, {"x": [2, 1]})
    assert not _contains({"x": 1}, {"x": True})


def test_shell_commands_are_split() -> None:
    cmds = shell_commands("echo 'a b' | factcheck extract - --format text   # exit 2\n"
                          "X=1 .venv/bin/factcheck extract f > out.json && make lock\n"
                          "factcheck check a \\\n  b --fail-on none\n")
    assert [c.argv for c in cmds] == [["factcheck", "extract", "-", "--format", "text"],
                                      [".venv/bin/factcheck", "extract", "f"], ["make", "lock"],
                                      ["factcheck", "check", "a", "b", "--fail-on", "none"]]
    assert (cmds[0].stdin, cmds[0].exit, cmds[1].redirect, cmds[2].exit) == ("a b\n", 2, "out.json", 0)
    with pytest.raises(DocMismatch, match="--bogus"):
        parse_cli(["check", "a", "b", "--bogus"], "here")
    with pytest.raises(DocMismatch, match="no check for the command"):
        check_other_command(["curl", "example.org"], "here")


def test_planted_error_in_a_block_fails(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks bite: one digit changed in a shown output, a removed option, a bad doctest."""
    monkeypatch.chdir(ROOT)
    console = Block("x.md", 1, "console", "$ echo '수출액이 18% 늘었다' | factcheck extract - --format text\n"
                    "<stdin>: 1 claim\n       5-8      percent   '18%'                            value=19, unit=percent\n", "")
    with pytest.raises(DocMismatch, match="value=18"):
        _run_console(console, tmp_path)
    doctest_block = Block("y.md", 1, "python", ">>> 1 + 1\n3\n", "")
    with pytest.raises(DocMismatch, match="1 doctest example"):
        _run_python(doctest_block, FileState())
    sh = Block("z.md", 1, "sh", "factcheck check a.txt b.txt --colour never\n", "")
    with pytest.raises(DocMismatch, match="does not parse"):
        _run_sh(sh, tmp_path)


# ----------------------------------------------------------------------------- examples/
#: Every file under examples/ and the test file that regenerates or compares it (inputs: the
#: tests that feed them to the commands whose output is compared).
EXAMPLE_FILES = {
    "examples/README.md": "tests/test_docs.py",                       # its blocks run above
    "examples/release_ko.txt": "tests/test_examples_report.py",       # inputs of the reports
    "examples/release_en.txt": "tests/test_examples_report.py",
    "examples/article_en.txt": "tests/test_examples_report.py",
    "examples/glossary.csv": "tests/test_examples_report.py",
    "examples/memory.jsonl": "tests/test_scale_out_cli.py",          # and docs/scale-out.md
    "examples/extract_ko.json": "tests/test_cli.py",                  # test_bundled_json_is_current
    "examples/report.json": "tests/test_examples_report.py",
    "examples/report.md": "tests/test_examples_report.py",
    "examples/report.html": "tests/test_examples_report.py",
    "examples/ci/github-actions.yml": "tests/test_docs.py",           # test_ci_example below
    "examples/ci/pre-commit-config.yaml": "tests/test_docs.py",
    "examples/docs/ko/install.md": "tests/test_readers_check.py",    # test_example_docs_tree_has_the_three_problems
    "examples/docs/en/install.md": "tests/test_readers_check.py",
    "examples/docs/ko/guide/pricing.md": "tests/test_readers_check.py",
    "examples/docs/en/guide/pricing.md": "tests/test_readers_check.py",
    "examples/docs/ko/faq.md": "tests/test_readers_check.py",
    "examples/formats/release_ko.hwpx": "tests/formats.py",           # example_files(), compared in test_readers_check
    "examples/formats/release_en.pdf": "tests/formats.py",
}


def test_every_example_file_is_checked() -> None:
    present = {p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*") if p.is_file()}
    new, gone = sorted(present - set(EXAMPLE_FILES)), sorted(set(EXAMPLE_FILES) - present)
    assert not new, (f"{', '.join(new)}: no test checks it; compare it with what makes it (or run it) in a "
                     f"test, then list it in EXAMPLE_FILES of tests/test_docs.py")
    assert not gone, f"{', '.join(gone)}: listed in EXAMPLE_FILES but not in examples/"
    for name, test in EXAMPLE_FILES.items():
        assert name.split("/")[-1] in (ROOT / test).read_text(encoding="utf-8"), f"{test} does not use {name}"


@pytest.mark.parametrize("name", ["examples/ci/github-actions.yml", "examples/ci/pre-commit-config.yaml"])
def test_ci_example(name: str) -> None:
    """The CI recipes are valid YAML and their factcheck commands parse with the CLI parser."""
    data = check_yaml_text((ROOT / name).read_text(encoding="utf-8"), name)
    assert isinstance(data, dict)
    assert yaml_commands(data), f"{name} runs no factcheck command"
