"""The ``.plplaylist`` file a teacher shares a playlist with (by USB stick or the district server).

A zip archive holding ``playlist.json`` and every attached file under ``files/<sha256>``::

    {
      "format": "plclassroom-playlist",
      "format_version": 1,
      "exported_at": "2026-03-02T14:05:00Z",
      "title": "Equivalent ratios",
      "description": "Two weeks on ratio tables",
      "competencies": [{"identifier": "<CASE GUID>", "code": "6.RP.A.3", "statement": "Use ratio..."}],
      "items": [
        {"key": "item-1", "position": 0, "kind": "reading", "title": "What a ratio is",
         "instructions": "", "minutes": 15, "required": true, "resource_url": "",
         "competency": null, "scoring": "", "variant_of": null, "variant_label": "", "suitability": {},
         "attachment": {"sha256": "<64 hex>", "filename": "ratios.pdf",
                        "media_type": "application/pdf", "size": 48213},
         "other_attachments": []}
      ]
    }

Competencies travel by CASE identifier (code and statement are a hint for people, and for the
report when the receiving laptop lacks the framework). ``key`` names an item within the file so a
variant can name its base item in ``variant_of``. ``attachment`` is the item's own file;
``other_attachments`` any further files kept with the item.

This module only reads and writes the file. Reading is strict: every problem found is named by
where it is (``playlist.json: items[3].kind 'podcast' is not one of: ...``), and a file that is not
a zip, holds an unsafe path, declares members too large to be a playlist (zip bombs), is of a
newer format version, or whose files do not match their sha256 is refused with a
PlaylistFileError. Keys the reader does not know are ignored, so version 1 may gain optional keys.
``services.playlist_share`` turns playlists into this and back.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from plclassroom.domain.playlist import ItemKind
from plclassroom.interop.atomic import atomic_write
from plclassroom.interop.problems import Problem

FORMAT = "plclassroom-playlist"
FORMAT_VERSION = 1
SUFFIX = ".plplaylist"
MANIFEST = "playlist.json"
FILES_DIR = "files"

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # per attached file: the same limit as attaching a file in the app
MAX_TOTAL_BYTES = 200 * MB  # everything in the archive, as its members declare themselves
MAX_MANIFEST_BYTES = 10 * MB
MAX_MEMBERS = 10_000
KINDS = tuple(kind.value for kind in ItemKind)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1024 * 1024


class PlaylistFileError(ValueError):
    """The file is not a playlist this app can read; ``problems`` says everything found wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")
        self.problems = problems


class PlaylistExportError(ValueError):
    """The playlist cannot be written as a shared file; the message says why."""


@dataclass(frozen=True)
class SharedCompetency:
    identifier: str | None  # the CASE identifier; None for a competency made on the sending laptop
    code: str = ""
    statement: str = ""

    def label(self) -> str:
        name = self.code or self.statement[:60] or "(no code)"
        return f"{name} ({self.identifier})" if self.identifier else f"{name} (no CASE identifier)"


@dataclass(frozen=True)
class SharedFile:
    sha256: str
    filename: str
    media_type: str = "application/octet-stream"
    size: int = 0


@dataclass
class SharedItem:
    key: str
    kind: str
    title: str
    position: int = 0
    instructions: str = ""
    minutes: int | None = None
    required: bool = True
    resource_url: str = ""
    competency: SharedCompetency | None = None
    scoring: str = ""
    variant_of: str | None = None  # the key of the base item
    variant_label: str = ""
    suitability: dict = field(default_factory=dict)
    attachment: SharedFile | None = None
    other_attachments: list[SharedFile] = field(default_factory=list)

    def files(self) -> list[SharedFile]:
        return ([self.attachment] if self.attachment else []) + self.other_attachments


@dataclass
class SharedPlaylist:
    title: str
    description: str = ""
    competencies: list[SharedCompetency] = field(default_factory=list)
    items: list[SharedItem] = field(default_factory=list)
    exported_at: str = ""
    # sha256 -> content, checked against its sha256; filled by read_playlist_file.
    contents: dict[str, bytes] = field(default_factory=dict, repr=False)

    def files(self) -> dict[str, SharedFile]:
        """Every attached file once, by sha256."""
        return {shared.sha256: shared for item in self.items for shared in item.files()}


# ---------------------------------------------------------------------------------------------
# Writing


def playlist_json(playlist: SharedPlaylist) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": playlist.exported_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "title": playlist.title,
        "description": playlist.description,
        "competencies": [_competency_json(c) for c in playlist.competencies],
        "items": [
            {
                "key": item.key,
                "position": item.position,
                "kind": item.kind,
                "title": item.title,
                "instructions": item.instructions,
                "minutes": item.minutes,
                "required": item.required,
                "resource_url": item.resource_url,
                "competency": _competency_json(item.competency) if item.competency else None,
                "scoring": item.scoring,
                "variant_of": item.variant_of,
                "variant_label": item.variant_label,
                "suitability": item.suitability,
                "attachment": _file_json(item.attachment) if item.attachment else None,
                "other_attachments": [_file_json(f) for f in item.other_attachments],
            }
            for item in playlist.items
        ],
    }


def _competency_json(competency: SharedCompetency) -> dict:
    return {"identifier": competency.identifier, "code": competency.code, "statement": competency.statement}


def _file_json(shared: SharedFile) -> dict:
    return {"sha256": shared.sha256, "filename": shared.filename, "media_type": shared.media_type,
            "size": shared.size}


def write_playlist_file(playlist: SharedPlaylist, path: Path, sources: Mapping[str, Path]) -> Path:
    """Write ``playlist`` to ``path`` whole or not at all; ``sources`` maps each attached file's
    sha256 to where its content is. Refuses (PlaylistExportError) what a reader would refuse: a
    file over the size limits, or one whose content no longer matches its sha256."""
    path = Path(path)
    files = playlist.files()
    total = 0
    for sha, shared in files.items():
        if shared.size > MAX_FILE_BYTES:
            raise PlaylistExportError(f"{shared.filename} is larger than {MAX_FILE_BYTES // MB} MB, "
                                      "more than a shared playlist may hold.")
        total += shared.size
        if sha not in sources:
            raise PlaylistExportError(f"{shared.filename} is not on this laptop.")
    if total > MAX_TOTAL_BYTES:
        raise PlaylistExportError(f"The attached files come to {total // MB} MB, more than the "
                                  f"{MAX_TOTAL_BYTES // MB} MB a shared playlist may hold.")
    manifest = json.dumps(playlist_json(playlist), ensure_ascii=False, indent=1).encode("utf-8")
    with atomic_write(path) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        for sha, shared in files.items():
            digest = hashlib.sha256()
            size = 0
            info = zipfile.ZipInfo(f"{FILES_DIR}/{sha}", date_time=datetime.now().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(sources[sha], "rb") as source, archive.open(info, "w") as target:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    target.write(chunk)
            if digest.hexdigest() != sha or size != shared.size:
                raise PlaylistExportError(f"{shared.filename} is damaged on this laptop (its content no "
                                          "longer matches what was attached); attach it again.")
    return path


# ---------------------------------------------------------------------------------------------
# Reading


def read_playlist_file(path: Path) -> SharedPlaylist:
    """The shared playlist in ``path``, its files' contents checked; PlaylistFileError if it cannot
    be read, naming every problem found."""
    path = Path(path)
    name = path.name

    def refuse(message: str, file: str = name) -> PlaylistFileError:
        return PlaylistFileError([Problem(file, None, None, message, fatal=True)])

    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise refuse("the file cannot be found") from exc
    except OSError as exc:
        raise refuse(f"the file cannot be read ({exc.strerror or exc})") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise refuse("not a playlist file: it is not a zip archive, or it is damaged or cut short") from exc
    with archive:
        members = _check_members(archive, refuse)
        if MANIFEST not in members:
            raise refuse(f"not a playlist file: no {MANIFEST}")
        raw = _read_member(archive, members[MANIFEST], refuse)
        data = _decode_json(raw, refuse)
        checker = _Checker()
        playlist = checker.playlist(data)
        if checker.problems:
            raise PlaylistFileError(checker.problems)
        problems: list[Problem] = []
        declared: dict[str, set[int]] = {}  # the same file may be attached to several items
        for item in playlist.items:
            for shared in item.files():
                declared.setdefault(shared.sha256, set()).add(shared.size)
        for sha, shared in playlist.files().items():
            member_name = f"{FILES_DIR}/{sha}"
            label = f"{member_name[:len(FILES_DIR) + 13]}… ({shared.filename})"
            info = members.get(member_name)
            if info is None:
                problems.append(Problem(name, None, member_name, f"{label} is missing", fatal=True))
                continue
            content = _read_member(archive, info, refuse)
            if hashlib.sha256(content).hexdigest() != sha:
                problems.append(Problem(name, None, member_name,
                                        f"{label}: a file's content does not match its sha256 "
                                        "(it is damaged)", fatal=True))
            elif wrong := sorted(size for size in declared[sha] if size != len(content)):
                problems.append(Problem(name, None, member_name,
                                        f"{label} is {len(content):,} bytes, not the {wrong[0]:,} "
                                        f"{MANIFEST} says", fatal=True))
            else:
                playlist.contents[sha] = content
        if problems:
            raise PlaylistFileError(problems)
    return playlist


def _check_members(archive: zipfile.ZipFile, refuse) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name, once every one is known to be safe to read."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(f"it holds {len(infos)} entries, more than a playlist file may ({MAX_MEMBERS})")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        member = info.filename
        parts = PurePosixPath(member.replace("\\", "/")).parts
        if (member.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", member) or ".." in parts
                or "\0" in member):
            raise refuse(f"unsafe path {member!r} in the archive (absolute, or going up with ..)")
        if member in members:
            raise refuse(f"{member} is in the archive twice")
        if info.flag_bits & 0x1:
            raise refuse(f"{member} is encrypted")
        limit = MAX_MANIFEST_BYTES if member == MANIFEST else MAX_FILE_BYTES
        if info.file_size > limit:
            raise refuse(f"{member} declares {_size(info.file_size)}, over the {_size(limit)} limit per file "
                         "(a damaged file, or a zip bomb)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse(f"its members declare more than {_size(MAX_TOTAL_BYTES)} in all "
                         "(a damaged file, or a zip bomb)")
        members[member] = info
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, refuse) -> bytes:
    """A member's content; never more than its declared size (already checked against the limits)."""
    try:
        with archive.open(info) as member:
            content = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise refuse(f"{info.filename} is damaged ({exc})") from exc
    except (NotImplementedError, RuntimeError) as exc:  # an unknown compression method; a password
        raise refuse(f"{info.filename} cannot be read ({exc})") from exc
    if len(content) != info.file_size:
        raise refuse(f"{info.filename} is damaged (not the size the archive declares)")
    return content


def _size(size: int) -> str:
    return f"{size // MB} MB" if size >= MB and size % MB == 0 else f"{size:,} bytes"


def _decode_json(raw: bytes, refuse) -> object:
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise refuse(f"not UTF-8 text (line {line}, byte {exc.start})", MANIFEST) from exc

    def no_constant(value: str) -> None:
        raise ValueError(f"{value} is not a number JSON allows")

    try:
        return json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise refuse(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", MANIFEST) from exc
    except ValueError as exc:
        raise refuse(f"not valid JSON ({exc})", MANIFEST) from exc
    except RecursionError as exc:
        raise refuse("not valid JSON (nested too deeply)", MANIFEST) from exc


_MISSING = object()


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:40] + "…")
    if isinstance(value, int | float):
        return str(value)
    return "a list" if isinstance(value, list) else "an object"


class _Checker:
    """Reads the manifest's JSON into a SharedPlaylist, noting every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(MANIFEST, None, where, f"{where} {message}", fatal=True))

    def value(self, data: dict, key: str, where: str, expected: str, accept, default, required=False):
        value = data.get(key, _MISSING)
        path = f"{where}.{key}" if where else key
        if value is _MISSING:
            if required:
                self.problem(path, f"is missing (it should be {expected})")
            return default
        if not accept(value):
            self.problem(path, f"should be {expected}, not {_describe(value)}")
            return default
        return value

    def text(self, data: dict, key: str, where: str, required: bool = False, non_empty: bool = False) -> str:
        value = self.value(data, key, where, "text", lambda v: isinstance(v, str), "", required)
        if non_empty and not value.strip() and key in data and isinstance(data[key], str):
            self.problem(f"{where}.{key}" if where else key, "is empty")
        return value

    def playlist(self, data: object) -> SharedPlaylist:
        if not isinstance(data, dict):
            self.problem("(top)", f"should be an object, not {_describe(data)}")
            raise PlaylistFileError(self.problems)
        if data.get("format") != FORMAT:
            found = _describe(data["format"]) if "format" in data else "none"
            self.problems.append(Problem(MANIFEST, None, "format",
                                         f"not a playlist file: format is {found}, not {FORMAT!r}",
                                         fatal=True))
            raise PlaylistFileError(self.problems)
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem("format_version", f"should be a whole number from 1, not "
                         f"{_describe(version) if 'format_version' in data else 'missing'}")
            raise PlaylistFileError(self.problems)
        if version > FORMAT_VERSION:
            self.problems.append(Problem(MANIFEST, None, "format_version",
                                         f"format version {version} is newer than this app reads "
                                         f"({FORMAT_VERSION}): update plclassroom to open it", fatal=True))
            raise PlaylistFileError(self.problems)
        playlist = SharedPlaylist(
            title=self.text(data, "title", "", required=True, non_empty=True).strip(),
            description=self.text(data, "description", ""),
            exported_at=self.text(data, "exported_at", ""),
        )
        competencies = self.value(data, "competencies", "", "a list", lambda v: isinstance(v, list), [])
        seen: dict[str, int] = {}
        for index, raw in enumerate(competencies):
            where = f"competencies[{index}]"
            competency = self.competency(raw, where)
            if competency is None:
                continue
            if competency.identifier and competency.identifier in seen:
                self.problem(f"{where}.identifier", f"{competency.identifier} is already listed at "
                             f"competencies[{seen[competency.identifier]}]")
                continue
            if competency.identifier:
                seen[competency.identifier] = index
            playlist.competencies.append(competency)
        items = self.value(data, "items", "", "a list", lambda v: isinstance(v, list), [], required=True)
        keys: dict[str, int] = {}
        for index, raw in enumerate(items):
            item = self.item(raw, f"items[{index}]", index)
            if item is None:
                continue
            if item.key and item.key in keys:
                self.problem(f"items[{index}].key",
                             f"{item.key!r} is already used by items[{keys[item.key]}]")
            keys[item.key] = index
            playlist.items.append(item)
        self.variants(playlist.items, keys)
        return playlist

    def competency(self, raw: object, where: str) -> SharedCompetency | None:
        if not isinstance(raw, dict):
            self.problem(where, f"should be an object, not {_describe(raw)}")
            return None
        identifier = self.value(raw, "identifier", where, "text or null",
                                lambda v: v is None or isinstance(v, str), None, required=True)
        return SharedCompetency(identifier=(identifier or "").strip() or None,
                                code=self.text(raw, "code", where),
                                statement=self.text(raw, "statement", where))

    def file(self, raw: object, where: str) -> SharedFile | None:
        if not isinstance(raw, dict):
            self.problem(where, f"should be an object, not {_describe(raw)}")
            return None
        before = len(self.problems)
        sha = self.text(raw, "sha256", where, required=True)
        if "sha256" in raw and isinstance(raw["sha256"], str) and not _SHA256.fullmatch(sha):
            self.problem(f"{where}.sha256", f"{_describe(sha)} is not a sha256 (64 lower-case hex digits)")
        filename = self.text(raw, "filename", where, required=True, non_empty=True)
        if any(c in filename for c in "/\\\0"):
            self.problem(f"{where}.filename", f"{_describe(filename)} should be a file name, not a path")
        media_type = self.text(raw, "media_type", where) or "application/octet-stream"
        size = self.value(raw, "size", where, "a whole number of bytes", _is_count, 0, required=True)
        if size > MAX_FILE_BYTES:
            self.problem(f"{where}.size", f"{size} is over the {MAX_FILE_BYTES // MB} MB limit per file")
        if len(self.problems) > before:
            return None
        return SharedFile(sha256=sha, filename=filename, media_type=media_type, size=size)

    def item(self, raw: object, where: str, index: int) -> SharedItem | None:
        if not isinstance(raw, dict):
            self.problem(where, f"should be an object, not {_describe(raw)}")
            return None
        key = self.text(raw, "key", where, required=True, non_empty=True)
        kind = self.text(raw, "kind", where, required=True)
        if "kind" in raw and isinstance(raw["kind"], str) and kind not in KINDS:
            self.problem(f"{where}.kind", f"{_describe(kind)} is not one of: {', '.join(KINDS)}")
        competency = self.value(raw, "competency", where, "an object or null",
                                lambda v: v is None or isinstance(v, dict), None)
        attachment = self.value(raw, "attachment", where, "an object or null",
                                lambda v: v is None or isinstance(v, dict), None)
        others = self.value(raw, "other_attachments", where, "a list", lambda v: isinstance(v, list), [])
        variant_of = self.value(raw, "variant_of", where, "an item's key or null",
                                lambda v: v is None or isinstance(v, str), None)
        return SharedItem(
            key=key,
            kind=kind,
            title=self.text(raw, "title", where, required=True, non_empty=True).strip(),
            position=self.value(raw, "position", where, "a whole number", _is_int, index),
            instructions=self.text(raw, "instructions", where),
            minutes=self.value(raw, "minutes", where, "a whole number of minutes or null",
                               lambda v: v is None or _is_count(v), None),
            required=self.value(raw, "required", where, "true or false", lambda v: isinstance(v, bool), True),
            resource_url=self.text(raw, "resource_url", where),
            competency=self.competency(competency, f"{where}.competency") if competency is not None else None,
            scoring=self.text(raw, "scoring", where),
            variant_of=variant_of,
            variant_label=self.text(raw, "variant_label", where),
            suitability=self.value(raw, "suitability", where, "an object", lambda v: isinstance(v, dict), {}),
            attachment=self.file(attachment, f"{where}.attachment") if attachment is not None else None,
            other_attachments=[shared for i, one in enumerate(others)
                               if (shared := self.file(one, f"{where}.other_attachments[{i}]"))],
        )

    def variants(self, items: list[SharedItem], keys: dict[str, int]) -> None:
        """Every variant names another item of the file, and following the links never loops."""
        by_key = {item.key: item for item in items}
        for item in items:
            if item.variant_of is None:
                continue
            where = f"items[{keys[item.key]}].variant_of"
            if item.variant_of == item.key:
                self.problem(where, f"{item.variant_of!r} is the item itself")
            elif item.variant_of not in by_key:
                self.problem(where, f"{item.variant_of!r} is not the key of an item in the file")
            else:
                seen = {item.key}
                base = by_key[item.variant_of]
                while base.variant_of is not None and base.variant_of in by_key:
                    if base.key in seen:
                        self.problem(where, "goes round in a loop of variants")
                        break
                    seen.add(base.key)
                    base = by_key[base.variant_of]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_count(value: object) -> bool:
    return _is_int(value) and value >= 0
