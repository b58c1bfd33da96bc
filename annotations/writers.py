"""The output formats: clean ``.txt``, contract ``.json``, CriticMarkup ``.review.md``
and W3C Web Annotation ``.annotations.jsonld``; and reading a ``.json`` back. On request,
the aligned translations of a bilingual page as a TMX 1.4 translation memory (``.tmx``)
or JSON lines (``.pairs.jsonl``)."""

from __future__ import annotations

import hashlib
import os
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from annotations.model import Annotation, Document, Edit, Metadata, Source, Status, Turn
from annotations.review import Proposals, Review

SCHEMA = "callscrub.transcript/1"
QUOTE_CONTEXT = 16


def split_speaker_line(line: str) -> tuple[str, str]:
    """``(name, title)`` of a clean speaker line.

    >>> split_speaker_line("Andy Schmidt - VP & CFO"), split_speaker_line("- VP of IR")
    (('Andy Schmidt', 'VP & CFO'), ('', 'VP of IR'))
    >>> split_speaker_line("Operator"), split_speaker_line("- President - Chairman - CEO")
    (('Operator', ''), ('', 'President - Chairman - CEO'))
    """
    if line.startswith("-"):
        return "", line[1:].strip()
    name, separator, title = line.partition(" - ")
    return (name.strip(), title.strip()) if separator else (line.strip(), "")


def turn_records(review: Review) -> Iterator[dict[str, Any]]:
    """The contract's ``turns``: speaker and title as the clean text now reads."""
    rendering = review.rendering
    clean = rendering.text
    for turn in review.turns:
        if turn.speaker_span[0] == turn.speaker_span[1]:
            name, title = turn.speaker, turn.title
        else:
            head_start, head_end = rendering.clean_span(*turn.speaker_span)
            name, title = split_speaker_line(_own_line(clean[head_start:head_end]))
        paragraphs = []
        for start, end in turn.paragraphs:
            clean_start, clean_end = rendering.clean_span(start, end)
            paragraphs.append(_own_line(clean[clean_start:clean_end]))
        yield {
            "speaker": name,
            "title": title,
            "role": turn.role,
            "section": turn.section,
            "text": "\n\n".join(p for p in paragraphs if p),
            "start": turn.start,
            "end": turn.end,
            "speaker_span": list(turn.speaker_span),
            "paragraphs": [list(span) for span in turn.paragraphs],
        }


def _own_line(clean: str) -> str:
    """A speaker line or paragraph as the clean text reads, from its span there.

    The span keeps what was inserted at its edges, as a restored name before a speaker's
    title; a title line inserted before a page's first line is another line, left out.

    >>> _own_line("Earnings Call Transcript\\n\\nOperator"), _own_line("Bruce Quigley - VP ")
    ('Operator', 'Bruce Quigley - VP')
    """
    return clean.strip().rpartition("\n")[2]


def edit_record(edit: Edit, review: Review) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": edit.id,
        "cleaner": edit.cleaner,
        "start": edit.start,
        "end": edit.end,
        "original": review.document.text[edit.start : edit.end],
        "replacement": edit.replacement,
        "confidence": edit.confidence,
        "status": review.status[edit.id],
        "reason": edit.reason,
    }
    if edit.id in review.proposals.superseded:
        record["superseded_by"] = review.proposals.superseded[edit.id]
    return record


def _json_head(review: Review) -> dict[str, Any]:
    """The contract's fields before its long lists: ``turns``, ``edits``, ``annotations``."""
    source = review.document.source
    meta = review.proposals.metadata
    return {
        "schema": SCHEMA,
        "source": {
            "path": source.path,
            "sha256": source.sha256,
            "encoding": source.encoding,
            "size": source.size,
            "bom": source.bom,
            "newlines": source.newlines,
            # only when set: the contract's source keeps the keys it always had
            **({"redecoded": source.redecoded} if source.redecoded else {}),
        },
        "metadata": {
            "company": meta.company,
            "ticker": meta.ticker,
            "fiscal_year": meta.fiscal_year,
            "fiscal_quarter": meta.fiscal_quarter,
        },
        "layout": review.proposals.layout,
        "run": review.run,
    }


def _edit_records(review: Review) -> Iterator[dict[str, Any]]:
    return (edit_record(edit, review) for edit in review.edits)


def _annotation_records(review: Review) -> Iterator[dict[str, Any]]:
    return (
        {"id": f"a{n}", "kind": a.kind, "start": a.start, "end": a.end, "body": a.body}
        for n, a in enumerate(review.proposals.annotations, start=1)
    )


def to_json(review: Review) -> dict[str, Any]:
    """The structured document of the output contract (``callscrub.transcript/1``)."""
    return {
        **_json_head(review),
        "turns": list(turn_records(review)),
        "edits": list(_edit_records(review)),
        "annotations": list(_annotation_records(review)),
    }


def dumps(data: Any) -> str:
    """Compact UTF-8 JSON, one trailing newline: the outputs' serialisation."""
    return orjson.dumps(data).decode("utf-8") + "\n"


#: An output as UTF-8 chunks. The long outputs are written as they are made, so that
#: none of them sits whole in a worker's memory, as a tree of objects or as text.
Chunks = Iterator[bytes]
#: Records serialised at once: few calls into orjson, little memory.
RECORDS_PER_CHUNK = 32
#: Web Annotations serialised at once: each is a tree of a dozen objects (32 took 90 KB).
ANNOTATIONS_PER_CHUNK = 8
#: Characters of a long string serialised at once: orjson takes about nine bytes a
#: character from the allocator before it writes one (130 KB for a turn of 14,000), and
#: as much for a list of a few hundred short strings.
STRING_PIECE = 2048


def _opened(data: dict[str, Any]) -> bytes:
    """``data`` as compact JSON without its closing brace, for more members to follow."""
    return orjson.dumps(data)[:-1]


def _batches(records: Iterable[Any], size: int = RECORDS_PER_CHUNK) -> Chunks:
    """``records`` as comma-separated JSON values, ``size`` at a time."""
    records = iter(records)
    while batch := list(islice(records, size)):
        yield orjson.dumps(batch)[1:-1]


def _array_chunks(records: Iterable[Any], size: int = RECORDS_PER_CHUNK) -> Chunks:
    """A JSON array of ``records``, in chunks.

    >>> b"".join(_array_chunks(range(1200))) == orjson.dumps(list(range(1200)))
    True
    >>> b"".join(_array_chunks([]))
    b'[]'
    """
    yield b"["
    separator = b""
    for batch in _batches(records, size):
        yield separator
        yield batch
        separator = b","
    yield b"]"


def _string_chunks(text: str) -> Chunks:
    """``orjson.dumps(text)`` in chunks of ``STRING_PIECE`` characters.

    >>> said = "Accutel’s \\"earn-out\\"\\n\\t" * 700
    >>> b"".join(_string_chunks(said)) == orjson.dumps(said)
    True
    """
    yield b'"'
    for start in range(0, len(text), STRING_PIECE):
        yield orjson.dumps(text[start : start + STRING_PIECE])[1:-1]
    yield b'"'


def _record_chunks(record: dict[str, Any], key: str) -> Chunks:
    """``orjson.dumps(record)`` in chunks, the long string or list at ``key`` in pieces.

    >>> record = {"speaker": "Operator", "text": "Hello. " * 900, "start": 0}
    >>> b"".join(_record_chunks(record, "text")) == orjson.dumps(record)
    True
    >>> tail = {"callscrub:edits": [f"e{n}" for n in range(700)], "callscrub:status": "applied"}
    >>> b"".join(_record_chunks(tail, "callscrub:edits")) == orjson.dumps(tail)
    True
    """
    keys = list(record)
    at = keys.index(key)
    before = {k: record[k] for k in keys[:at]}
    after = {k: record[k] for k in keys[at + 1 :]}
    yield (_opened(before) + b"," if before else b"{") + orjson.dumps(key) + b":"
    value = record[key]
    yield from _string_chunks(value) if isinstance(value, str) else _array_chunks(value)
    yield b"," + orjson.dumps(after)[1:] if after else b"}"


def json_chunks(review: Review) -> Chunks:
    """``dumps(to_json(review))`` as chunks, byte for byte."""
    yield _opened(_json_head(review)) + b',"turns":['
    separator = b""
    for record in turn_records(review):
        yield separator
        if len(record["text"]) > STRING_PIECE:  # a turn can be pages long
            yield from _record_chunks(record, "text")
        else:
            yield orjson.dumps(record)
        separator = b","
    yield b'],"edits":'
    yield from _array_chunks(_edit_records(review))
    yield b',"annotations":'
    yield from _array_chunks(_annotation_records(review))
    yield b"}\n"


def read_json(data: dict[str, Any], text: str) -> Review:
    """Restore a review (every edit and decision) from its contract ``.json``.

    ``text`` is the original decoded text the offsets point into; every edit's recorded
    ``original`` must still be found at its span.
    """
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema {data.get('schema')!r})")
    source_data = data["source"]
    source = Source(
        path=source_data["path"],
        sha256=source_data["sha256"],
        encoding=source_data["encoding"],
        size=source_data.get("size", 0),
        bom=source_data.get("bom", False),
        newlines=source_data.get("newlines", "lf"),
        redecoded=source_data.get("redecoded"),
    )
    edits = tuple(
        Edit(
            e["start"],
            e["end"],
            e["replacement"],
            e["cleaner"],
            e["reason"],
            e["confidence"],
            e["id"],
        )
        for e in data["edits"]
    )
    for edit, record in zip(edits, data["edits"], strict=True):
        if text[edit.start : edit.end] != record["original"]:
            raise ValueError(f"edit {edit.id} no longer matches the source text")
    proposals = Proposals(
        edits,
        tuple(Annotation(a["start"], a["end"], a["kind"], a["body"]) for a in data["annotations"]),
        Metadata(**data["metadata"]),
        {e["id"]: e["superseded_by"] for e in data["edits"] if "superseded_by" in e},
        data.get("layout", "plain"),
    )
    turns = tuple(
        Turn(
            t["speaker"],
            t["title"],
            t["role"],
            t["section"],
            (t["speaker_span"][0], t["speaker_span"][1]),
            tuple((p[0], p[1]) for p in t["paragraphs"]),
        )
        for t in data["turns"]
    )
    status = {e["id"]: Status(e["status"]) for e in data["edits"]}
    return Review(Document(text, source), proposals, status, turns, data.get("run"))


# --- CriticMarkup --------------------------------------------------------------------


def _critic(original: str, edit: Edit, comment: str) -> str:
    if not original:
        change = f"{{++{edit.replacement}++}}"
    elif not edit.replacement:
        change = f"{{--{original}--}}"
    else:
        change = f"{{~~{original}~>{edit.replacement}~~}}"
    return f"{change}{{>>{comment}<<}}"


def _stretch(text: str, start: int, end: int) -> Iterator[str]:
    """``text[start:end]`` in slices of ``STRING_PIECE``: a page can go on for pages
    without an edit, and a slice of it would be copied whole."""
    for piece_start in range(start, end, STRING_PIECE):
        yield text[piece_start : min(end, piece_start + STRING_PIECE)]


def review_markdown_pieces(review: Review) -> Iterator[str]:
    """The original text with every edit in CriticMarkup and its reason as a comment, in
    pieces (``.review.md``).

    Applied, proposed and rejected edits all appear; the comment gives the status.
    Edits that lost to an overlapping one are listed at the end.
    """
    text = review.document.text
    shown = [e for e in review.edits if e.id not in review.proposals.superseded]
    yield (
        f"<!-- callscrub review of {review.document.source.path}: {len(shown)} edits; "
        "{~~old~>new~~} substitutes, {--x--} removes, {++x++} adds, {>>...<<} says why -->\n\n"
    )
    cursor = 0
    for edit in shown:
        if edit.start - cursor > STRING_PIECE:
            yield from _stretch(text, cursor, edit.start)
        else:  # most stretches between two edits: no generator for them
            yield text[cursor : edit.start]
        status = review.status[edit.id]
        comment = f"{edit.id} {edit.cleaner} {status} {edit.confidence:.2f}: {edit.reason}"
        yield _critic(text[edit.start : edit.end], edit, comment)
        cursor = edit.end
    yield from _stretch(text, cursor, len(text))
    losers = [e for e in review.edits if e.id in review.proposals.superseded]
    if losers:
        yield "\n\n<!-- edits that overlapped a stronger edit and were not applied:\n"
        for edit in losers:
            winner = review.proposals.superseded[edit.id]
            original = text[edit.start : edit.end]
            yield (
                f"{edit.id} ({edit.cleaner}, lost to {winner}): "
                f"{original!r} -> {edit.replacement!r}\n"
            )
        yield "-->\n"


def _encoded(pieces: Iterable[str], size: int = 4 * STRING_PIECE) -> Chunks:
    """Text pieces as UTF-8 chunks of about ``size`` characters (each chunk is held three
    times over while it is made: pieces, joined, encoded; 16,384 took 146 KB at once)."""
    buffered: list[str] = []
    length = 0
    for piece in pieces:
        buffered.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffered).encode("utf-8")
            buffered, length = [], 0
    yield "".join(buffered).encode("utf-8")


# --- W3C Web Annotation ----------------------------------------------------------------

_MOTIVATION = {
    "uncertain": "commenting",
    "marker": "commenting",
    "entity": "identifying",
    "speaker": "tagging",
    "translation": "commenting",
    "language": "classifying",
}


def _target(text: str, source: str, start: int, end: int) -> dict[str, Any]:
    return {
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
                "suffix": text[end : end + QUOTE_CONTEXT],
            },
        ],
    }


def _annotation_body(annotation: Annotation) -> list[dict[str, Any]]:
    body = annotation.body
    if annotation.kind == "translation":
        return [
            {
                "type": "TextualBody",
                "value": body.get("text", ""),
                "language": body.get("language", "zh"),
                "format": "text/plain",
                "purpose": "commenting",
            }
        ]
    value = orjson.dumps(body, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    return [
        {
            "type": "TextualBody",
            "value": value,
            "format": "application/json",
            "purpose": _MOTIVATION.get(annotation.kind, "commenting"),
        }
    ]


#: What identical edits share: cleaner, replacement, reason, status and confidence.
EditGroup = tuple[str, str, str, Status, float]


def web_annotation_chunks(review: Review) -> Chunks:
    """Every edit and annotation as a W3C Web Annotation collection on the source
    (``.annotations.jsonld``).

    Identical edits (same cleaner, replacement, reason and status, such as hundreds of
    bullet removals) share one annotation with one target per place, as the model allows.
    """
    source = review.document.source
    base = f"urn:callscrub:{source.sha256[:16]}"
    status = review.status
    groups: dict[EditGroup, list[Edit]] = {}
    for edit in review.edits:
        key = (edit.cleaner, edit.replacement, edit.reason, status[edit.id], edit.confidence)
        groups.setdefault(key, []).append(edit)
    collection = {
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"callscrub": "urn:callscrub:terms:"}],
        "id": base,
        "type": "AnnotationCollection",
        "label": f"callscrub annotations of {source.path}",
        "generator": {"type": "Software", "name": "callscrub"},
        "total": len(groups) + len(review.proposals.annotations),
    }
    page = {"id": f"{base}:page1", "type": "AnnotationPage", "startIndex": 0}
    yield _opened(collection) + b',"first":' + _opened(page) + b',"items":['
    separator = b""
    for key, edits in groups.items():
        yield separator
        yield from _edit_annotation_chunks(review, base, key, edits)
        separator = b","
    for batch in _batches(_annotation_items(review, base), ANNOTATIONS_PER_CHUNK):
        yield separator
        yield batch
        separator = b","
    yield b"]}}\n"


def _edit_annotation_chunks(review: Review, base: str, key: EditGroup, edits: list[Edit]) -> Chunks:
    """One annotation for a group of identical edits. A group can hold a target for every
    line of the page, so its targets are serialised a chunk at a time."""
    text = review.document.text
    path = review.document.source.path
    cleaner, replacement, reason, state, confidence = key
    head = {
        "id": f"{base}:{edits[0].id}",
        "type": "Annotation",
        "motivation": "editing",
        "body": [
            {"type": "TextualBody", "value": replacement, "purpose": "editing"},
            {"type": "TextualBody", "value": reason, "purpose": "commenting"},
        ],
    }
    tail = {
        "callscrub:edits": [edit.id for edit in edits],
        "callscrub:cleaner": cleaner,
        "callscrub:status": state,
        "callscrub:confidence": confidence,
    }
    if len(edits) == 1:
        yield orjson.dumps({**head, "target": _target(text, path, edits[0].start, edits[0].end)})[
            :-1
        ]
    else:
        yield _opened(head) + b',"target":'
        yield from _array_chunks(_target(text, path, edit.start, edit.end) for edit in edits)
    tail_chunks = _record_chunks(tail, "callscrub:edits")  # hundreds of ids, for bullets
    yield b"," + next(tail_chunks)[1:]  # the tail's members go on in the head's object
    yield from tail_chunks


def _annotation_items(review: Review, base: str) -> Iterator[dict[str, Any]]:
    text = review.document.text
    path = review.document.source.path
    for n, annotation in enumerate(review.proposals.annotations, start=1):
        yield {
            "id": f"{base}:a{n}",
            "type": "Annotation",
            "motivation": _MOTIVATION.get(annotation.kind, "commenting"),
            "callscrub:kind": annotation.kind,
            "body": _annotation_body(annotation),
            "target": _target(text, path, annotation.start, annotation.end),
        }


# --- translation pairs ---------------------------------------------------------------


def translation_pairs(review: Review) -> list[dict[str, Any]]:
    """Each aligned translation with its English paragraph as the clean text reads it.

    Unaligned translations have no English to pair with; they stay in the ``.json``.
    """
    clean = review.rendering.text
    turn_starts = [turn.start for turn in review.turns]
    pairs = []
    for annotation in review.proposals.annotations:
        if annotation.kind != "translation" or not annotation.body.get("aligned"):
            continue
        clean_start, clean_end = review.rendering.clean_span(annotation.start, annotation.end)
        turn = bisect_right(turn_starts, annotation.start) - 1
        pairs.append(
            {
                "source": review.document.source.path,
                "turn": turn,
                "speaker": review.turns[turn].speaker if turn >= 0 else "",
                "start": annotation.start,
                "end": annotation.end,
                "en": clean[clean_start:clean_end].strip(),
                "language": annotation.body["language"],
                "translation": annotation.body["text"],
                "confidence": annotation.body.get("confidence"),
            }
        )
    return pairs


def to_pairs_jsonl(review: Review) -> str:
    """One JSON object per aligned pair: ``en``, ``translation`` and its ``language``."""
    return "".join(dumps(pair) for pair in translation_pairs(review))


@cache
def _tool_version() -> str:
    # importlib.metadata costs every worker 18 ms at import; only TMX needs it
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("callscrub")
    except PackageNotFoundError:
        return "unknown"


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def to_tmx(review: Review) -> str:
    """The aligned pairs as a TMX 1.4 translation memory: English source, Chinese target.

    >>> from annotations.model import Document, Source
    >>> doc = Document("Hi.\\n你好。\\n", Source("x.txt", "ab", "utf-8"))
    >>> proposals = Proposals(
    ...     (), (Annotation(0, 3, "translation", {"aligned": True, "language": "zh-Hant",
    ...     "text": "你好。"}),), Metadata(), {}, "plain")
    >>> print(to_tmx(Review(doc, proposals)))  # doctest: +ELLIPSIS
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE tmx SYSTEM "tmx14.dtd">
    <tmx version="1.4">
      <header creationtool="callscrub" ... srclang="en" ...>
    ...
        <tu tuid="1">
          <prop type="x-callscrub-span">0-3</prop>
          <tuv xml:lang="en">
            <seg>Hi.</seg>
          </tuv>
          <tuv xml:lang="zh-Hant">
            <seg>你好。</seg>
          </tuv>
        </tu>
    ...
    """
    source = review.document.source
    tmx = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        tmx,
        "header",
        {
            "creationtool": "callscrub",
            "creationtoolversion": _tool_version(),
            "datatype": "plaintext",
            "segtype": "paragraph",
            "adminlang": "en",
            "srclang": "en",
            "o-tmf": SCHEMA,
        },
    )
    ET.SubElement(header, "prop", type="x-callscrub-source").text = source.path
    ET.SubElement(header, "prop", type="x-callscrub-sha256").text = source.sha256
    body = ET.SubElement(tmx, "body")
    for number, pair in enumerate(translation_pairs(review), start=1):
        unit = ET.SubElement(body, "tu", tuid=str(number))
        ET.SubElement(unit, "prop", type="x-callscrub-span").text = f"{pair['start']}-{pair['end']}"
        if pair["speaker"]:
            ET.SubElement(unit, "prop", type="x-callscrub-speaker").text = pair["speaker"]
        for language, text in (("en", pair["en"]), (pair["language"], pair["translation"])):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
            ET.SubElement(variant, "seg").text = text
    ET.indent(tmx)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(tmx, encoding="unicode")
        + "\n"
    )


# --- files ---------------------------------------------------------------------------


def _whole(text: str) -> Chunks:
    yield text.encode("utf-8")


WRITERS: dict[str, Callable[[Review], Chunks]] = {
    ".txt": lambda review: _whole(review.rendering.text),
    ".json": json_chunks,
    ".review.md": lambda review: _encoded(review_markdown_pieces(review)),
    ".annotations.jsonld": web_annotation_chunks,
    ".tmx": lambda review: _whole(to_tmx(review)),
    ".pairs.jsonl": lambda review: _whole(to_pairs_jsonl(review)),
}


#: What ``clean`` and the editor write unless asked otherwise: the output contract.
DEFAULT_FORMATS = (".txt", ".json", ".review.md", ".annotations.jsonld")


def temporary_name(path: str) -> str:
    """The one temporary name an output is written under before its rename.

    One name, not a random one: a writer killed mid-write (a lost cluster worker) leaves
    a temporary that the rerun of its job overwrites and renames, instead of an orphan.

    >>> temporary_name("out/q2.json")
    'out/.q2.json.tmp'
    """
    folder, _, name = path.rpartition("/")
    return f"{folder}/.{name}.tmp" if folder else f".{name}.tmp"


def _temporary_beside(path: Path, content: str | Iterable[bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(temporary_name(str(path)))
    chunks = [content.encode("utf-8")] if isinstance(content, str) else content
    try:
        with temporary.open("wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file and a rename: never half a file."""
    temporary = _temporary_beside(path, content)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_outputs(
    review: Review, stem: Path, formats: Sequence[str] = DEFAULT_FORMATS
) -> list[Path]:
    """Write every format of one document, all or nothing.

    Everything is rendered and written to temporary files first; only then are they
    renamed into place, so a failure leaves no half-written or partial set of outputs.
    """
    targets = [Path(f"{stem}{suffix}") for suffix in formats]
    for target in targets:
        if target.is_dir():
            raise IsADirectoryError(21, "a folder is in the way", str(target))
    temporaries: list[Path] = []
    try:
        for target, suffix in zip(targets, formats, strict=True):
            temporaries.append(_temporary_beside(target, WRITERS[suffix](review)))
        for temporary, target in zip(temporaries, targets, strict=True):
            os.replace(temporary, target)
    except BaseException:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    return targets


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
