"""The district server's HTTP API: laptops enrol with a one-time code, then push and pull changes
with the bearer token they got for it.

Bodies are ``sync.protocol`` messages (MessagePack, compressed as ``Content-Encoding`` says);
errors are small JSON objects ``{"detail": "..."}`` worded for a person. Nothing here logs a body,
a header or a token.

Database work runs in the threadpool, one unit of work per request. SQLite allows one writer at a
time, and a transaction that read before it writes cannot wait for another writer (it fails at
once with "database is locked"), so on SQLite the writing parts of requests take one process-wide
lock. PostgreSQL needs no such lock: pushes take the change log's lock inside the database
(``store.district.lock_change_log``), which also holds across server processes.
Push and pull record the device's last sync themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Annotated

import msgspec
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from pydantic import Field as PydanticField
from sqlalchemy import exc as sa_exc
from starlette.concurrency import run_in_threadpool

from plclassroom.server import dashboard
from plclassroom.services import district, district_bundles, district_snapshot, district_sync
from plclassroom.services.district_housekeeping import LeftBehind
from plclassroom.store.database import Store
from plclassroom.sync.bundle import BundleError
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    MAX_BODY_BYTES,
    MAX_BUCKETS,
    MAX_COUNT,
    MAX_INT,
    MAX_REPAIR_ROWS,
    MAX_SKETCH_CELLS,
    MAX_SKETCHES,
    PAGE_CHANGES,
    PROTOCOL_VERSION,
    BucketList,
    EnrolRequest,
    EnrolResponse,
    ProtocolError,
    PushRequest,
    RepairRequest,
    pack,
    unpack,
)

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60.0
MAX_BUNDLE_UPLOAD = 64 * 1024 * 1024  # a bundle is compressed: a term of a laptop's changes is a few MB
_bearer = HTTPBearer(auto_error=False, description="The device token from POST /v1/enrol.")
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _binary(summary: str) -> dict:
    return {"content": {CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}, "description": summary}


def _request_body(message: str) -> dict:
    # FastAPI cannot see a body the endpoint reads itself: describe it for /openapi.json.
    return {"requestBody": {"required": True, **_binary(
        f"{message} (sync.protocol), MessagePack, compressed as Content-Encoding says "
        f"(zstd, gzip or identity); at most {MAX_BODY_BYTES} bytes as sent.")}}


def _error(description: str, *headers: str) -> dict:
    """A documented error answer: JSON ``{"detail": "..."}`` worded for a person, and its headers."""
    documented = {
        "WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}},
        "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "string"}},
    }
    answer = {"description": description, "content": {"application/json": {"schema": {
        "type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}}}}
    if headers:
        answer["headers"] = {name: documented[name] for name in headers}
    return answer


LEFT_BEHIND = ("The district tidied away changes this laptop had not pulled yet (it was away a long time): "
               "it takes a fresh copy of its data now.")

_ERRORS = {
    400: _error("The body or query cannot be read (the reason is in `detail`)."),
    401: _error("No token, or an unknown or revoked one.", "WWW-Authenticate"),
    413: _error(f"The body is larger than {MAX_BODY_BYTES} bytes."),
    415: _error(f"The body is not {CONTENT_TYPE}."),
    429: _error("Too many requests: wait `Retry-After` seconds.", "Retry-After"),
    503: _error("The database is busy: try again after `Retry-After` seconds.", "Retry-After"),
}


class Status(BaseModel):
    server_time: int = PydanticField(description="The server's clock, ms since the epoch.")
    protocol: int = PydanticField(description="The sync protocol version the server speaks.")
    user: str = PydanticField(description="The name of the user the token's device syncs for.")
    role: str


class RateLimiter:
    """At most ``limit`` requests per key in any minute (a sliding window, in memory)."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        """Count a request, or raise 429 when the key has had its share this minute."""
        with self._lock:
            wait = self._wait(key)
            if wait:
                raise HTTPException(429, "Too many requests: try again shortly.",
                                    headers={"Retry-After": str(wait)})
            self._hits[key].append(self.clock())

    def retry_after(self, key: str) -> int:
        """Seconds until the key may have another request (0: now), without counting one."""
        with self._lock:
            return self._wait(key)

    def _wait(self, key: str) -> int:
        now = self.clock()
        if len(self._hits) > 10_000:  # keys nobody used for a minute go (random tokens, old IPs)
            self._hits = {k: v for k, v in self._hits.items() if v and now - v[-1] < WINDOW_SECONDS}
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= WINDOW_SECONDS:
            hits.popleft()
        return max(1, math.ceil(WINDOW_SECONDS - (now - hits[0]))) if len(hits) >= self.limit else 0


def response_encoding(accept: str) -> str:
    """zstd if the client takes it, else gzip, else identity (``q=0`` refuses an encoding)."""
    offered: dict[str, float] = {}
    for part in accept.split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            offered[name.lower()] = weight
    for encoding in ("zstd", "gzip"):
        if offered.get(encoding, offered.get("*", 0.0)) > 0:
            return encoding
    return "identity"


def _packed(message: msgspec.Struct, encoding: str) -> Response:
    headers = {"Vary": "Accept-Encoding"}
    if encoding != "identity":
        headers["Content-Encoding"] = encoding
    return Response(pack(message, encoding), media_type=CONTENT_TYPE, headers=headers)


def _from_postgres(error: Exception) -> bool:
    return type(getattr(error, "orig", None)).__module__.startswith("psycopg")


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise _unauthorised("This request needs the device's token (Authorization: Bearer ...).")
    return credentials.credentials


def _token_key(token: str) -> str:
    return "token:" + hashlib.sha256(token.encode()).hexdigest()


def _authenticate(uow, token: str):
    try:
        return district.authenticate(uow, token)
    except district.AuthError as error:
        raise _unauthorised(str(error)) from None


async def _read_body(request: Request) -> tuple[bytes, str]:
    """The raw body (at most ``MAX_BODY_BYTES``, else 413) and its Content-Encoding."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != CONTENT_TYPE:
        raise HTTPException(415, f"The body must be {CONTENT_TYPE}.")
    too_large = HTTPException(413, f"The body is larger than {MAX_BODY_BYTES // 1024 // 1024} MB.")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:  # a chunked body has no Content-Length: count as it comes
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks), request.headers.get("content-encoding", "identity").strip().lower()


def _unpack(body: bytes, kind: type[msgspec.Struct], encoding: str):
    try:
        return unpack(body, kind, encoding or "identity")
    except ProtocolError as error:
        raise HTTPException(400, str(error)) from None


async def _count_flags_daily(store: Store, write_lock, every: float) -> None:
    """Early-warning flags change with the calendar: a server that runs for weeks counts them anew
    each day, without cron. A failed count is logged (its kind only) and tried at the next check."""
    from plclassroom.services import district_rollups

    def count() -> int | None:
        with write_lock, store.unit_of_work() as uow:
            return district_rollups.refresh_flags_if_stale(uow)

    while True:
        await asyncio.sleep(every)
        try:
            counted = await run_in_threadpool(count)
        except Exception as error:  # noqa: BLE001 - the server keeps serving; the next check retries
            log.warning("counting the early-warning flags failed: %s", type(error).__name__)
        else:
            if counted is not None:
                log.info("early-warning flags counted for the dashboard: %d students with a concern", counted)


def create_app(store: Store, *, max_requests_per_minute: int = 600,
               count_flags_every: float | None = None) -> FastAPI:
    """The server's app. ``count_flags_every`` (seconds): while it runs, check that often whether
    the day's early-warning count for the dashboard is due, and count it (``serve``: hourly)."""
    write_lock = threading.Lock() if store.engine.dialect.name == "sqlite" else contextlib.nullcontext()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        task = asyncio.create_task(_count_flags_daily(store, write_lock, count_flags_every)) \
            if count_flags_every else None
        yield
        if task is not None:
            task.cancel()

    app = FastAPI(
        lifespan=lifespan,
        title="plclassroom district server",
        version=str(PROTOCOL_VERSION),
        description=(
            "Sync for plclassroom laptops. Enrol a device with a one-time code from "
            "`plclassroom-server enrol-code`, then push and pull with the token it returns "
            f"(`Authorization: Bearer ...`). Bodies are `{CONTENT_TYPE}`: MessagePack messages from "
            "`plclassroom.sync.protocol`, compressed as `Content-Encoding` says (zstd, gzip or identity); "
            "responses are compressed as `Accept-Encoding` asks (zstd preferred)."
        ),
    )
    limiter = RateLimiter(max_requests_per_minute)

    @app.exception_handler(RequestValidationError)
    async def _bad_query(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return JSONResponse({"detail": f"The request is not valid: {problems}"}, status_code=400)

    @app.exception_handler(sa_exc.OperationalError)
    @app.exception_handler(sa_exc.TimeoutError)
    async def _busy(_request: Request, error: Exception) -> JSONResponse:
        # A locked database or a full connection pool: the client retries; nothing was half-written.
        reason = str(getattr(error, "orig", "") or "").lower()
        # PostgreSQL's operational errors are the passing kind (a lost connection, a restart, a lock
        # timeout); SQLite's are passing only when the file is locked or busy.
        passing = "locked" in reason or "busy" in reason or _from_postgres(error)
        if isinstance(error, sa_exc.OperationalError) and not passing:
            log.error("database error: %s", reason)  # SQLite's own words: no values in them
            return JSONResponse({"detail": "The server could not do this: its log says why."}, status_code=500)
        log.warning("database busy: %s", type(error).__name__)
        return JSONResponse({"detail": "The server is busy: try again shortly."}, status_code=503,
                            headers={"Retry-After": "1"})

    @app.post("/v1/enrol", tags=["sync"], response_class=Response, openapi_extra=_request_body("An EnrolRequest"),
              responses={200: _binary("An EnrolResponse: the device token (shown once), user, role, district."),
                         403: _error("The code is unknown, used or expired."),
                         **{k: v for k, v in _ERRORS.items() if k != 401}})
    async def enrol(request: Request) -> Response:
        """Enrol a device with a one-time code. No token: the code is the credential."""
        limiter.check("ip:" + (request.client.host if request.client else "unknown"))
        body, encoding = await _read_body(request)
        answer = response_encoding(request.headers.get("accept-encoding", ""))

        def work() -> Response:
            message = _unpack(body, EnrolRequest, encoding)
            with store.unit_of_work() as uow, write_lock:
                try:
                    token, user = district.enrol(uow, message.code, message.device, message.name)
                except district.DistrictError as error:
                    raise HTTPException(403, str(error)) from None
                log.info("device %s enrolled for user %s", message.device, user.id)
                reply = EnrolResponse(token=token, user=user.name, role=user.role,
                                      district=district.district_name(uow))
            return _packed(reply, answer)

        return await run_in_threadpool(work)

    async def _token_and_body(request: Request, credentials) -> tuple[str, bytes, str, str]:
        """The token (counted against its rate), the body and its encoding, and the answer's encoding."""
        token = _token(credentials)
        limiter.check(_token_key(token))
        body, encoding = await _read_body(request)
        return token, body, encoding, response_encoding(request.headers.get("accept-encoding", ""))

    @app.post("/v1/push", tags=["sync"], response_class=Response, openapi_extra=_request_body("A PushRequest"),
              responses={200: _binary("A PushResponse: accepted and rejected changes, superseded values."),
                         403: _error("The body's device is not the token's device."), **_ERRORS})
    async def push(request: Request, credentials: Bearer) -> Response:
        """Send the device's changes (a PushRequest); a retried batch is applied once."""
        token, body, encoding, answer = await _token_and_body(request, credentials)

        def work() -> Response:
            with store.unit_of_work() as uow:
                device, user = _authenticate(uow, token)
                uow.session.commit()  # end the read: the write below starts its own transaction
                message = _unpack(body, PushRequest, encoding)
                if message.protocol != PROTOCOL_VERSION:
                    raise HTTPException(400, f"This server speaks sync protocol {PROTOCOL_VERSION}, not "
                                             f"{message.protocol}: update plclassroom.")
                if message.device != device.id:
                    raise HTTPException(403, "The changes are from another device than this token's.")
                with write_lock:  # push reads, then writes: one writer at a time (see the docstring)
                    try:
                        reply = district_sync.push(uow, device, user, message)
                    except ProtocolError as error:
                        raise HTTPException(400, str(error)) from None
                    except sa_exc.OperationalError:
                        raise  # busy: 503 below
                    except (ValueError, TypeError, sa_exc.StatementError) as error:
                        # A value that fits no column: the whole batch is rolled back. Only the
                        # error's kind is logged, never its text (it may quote the value).
                        log.warning("push from device %s failed: %s", device.id, type(error).__name__)
                        uow.session.rollback()  # the batch's writes go before the count is written
                        district.record_push_failure(uow, device.id)
                        raise HTTPException(400, "A change in this batch could not be applied; "
                                                 "nothing from the batch was saved.") from None
            return _packed(reply, answer)

        return await run_in_threadpool(work)

    @app.get("/v1/pull", tags=["sync"], response_class=Response,
             responses={200: _binary("A PullResponse: the next page of changes and the cursor to ask from."),
                        410: _error("`since` is before the district's last compaction: take a fresh snapshot "
                                    "(`/v1/snapshot`) and pull from its sequence."),
                        **{k: v for k, v in _ERRORS.items() if k not in (413, 415)}})
    async def pull(request: Request, credentials: Bearer,
                   since: Annotated[int, Query(ge=0, le=MAX_INT, description="The last server sequence applied.")]
                   = 0,
                   limit: Annotated[int, Query(ge=1, le=MAX_INT,
                                               description=f"At most this many ({PAGE_CHANGES} or fewer).")]
                   = PAGE_CHANGES,
                   pending: Annotated[int | None, Query(ge=0, le=MAX_COUNT, description=(
                       "How many changes the device still holds unsent (sync health).")
                   )] = None) -> Response:
        """Changes the device may see since its cursor, a page at a time."""
        token = _token(credentials)
        limiter.check(_token_key(token))
        answer = response_encoding(request.headers.get("accept-encoding", ""))

        def work() -> Response:
            with store.unit_of_work() as uow:
                device, user = _authenticate(uow, token)
                uow.session.commit()
                with write_lock:  # pull records the sync time: it writes after it reads
                    try:
                        reply = district_sync.pull(uow, device, user, since, min(limit, PAGE_CHANGES), pending)
                    except LeftBehind:
                        raise HTTPException(410, LEFT_BEHIND) from None
            return _packed(reply, answer)

        return await run_in_threadpool(work)

    @app.post("/v1/bundle", tags=["sync"], response_class=Response,
              openapi_extra={"requestBody": {"required": True, "description": (
                  "A laptop's USB sync bundle (File > Export sync bundle), as the file's bytes. It is signed "
                  "with the device's key: no token is needed."), "content": {
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
              responses={200: {"description": "The return bundle for that laptop, as the file's bytes.",
                               "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                                   "format": "binary"}}}},
                         400: _error("Not a bundle this district can import (the reason is in `detail`): "
                                     "nothing was imported."),
                         **{k: v for k, v in _ERRORS.items() if k not in (400, 401, 415)}})
    async def upload_bundle(request: Request) -> Response:
        """Import a laptop's USB bundle (as `plclassroom-server import-bundle` does); answer its return bundle."""
        limiter.check("ip:" + (request.client.host if request.client else "unknown"))
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BUNDLE_UPLOAD:
            raise HTTPException(413, f"The bundle is larger than {MAX_BUNDLE_UPLOAD // 1024 // 1024} MB.")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BUNDLE_UPLOAD:
                raise HTTPException(413, f"The bundle is larger than {MAX_BUNDLE_UPLOAD // 1024 // 1024} MB.")
            chunks.append(chunk)

        def work() -> Response:
            with store.unit_of_work() as uow, write_lock:
                try:
                    returned, done = district_bundles.import_bundle(uow, b"".join(chunks))
                except BundleError as error:
                    raise HTTPException(400, str(error)) from None
                log.info("bundle of device imported: %s changes taken", done.accepted)
            return Response(returned, media_type="application/octet-stream",
                            headers={"Content-Disposition": 'attachment; filename="return.plcbundle"'})

        return await run_in_threadpool(work)

    snapshots = district_snapshot.folder_for(store)

    @app.get("/v1/snapshot", tags=["sync"], response_class=Response,
             responses={200: _binary("A SnapshotInfo: the device's first-sync snapshot (id, sequence, size, hash)."),
                        **{k: v for k, v in _ERRORS.items() if k not in (413, 415)}})
    async def snapshot(request: Request, credentials: Bearer) -> Response:
        """A new laptop's first sync: everything in its scope as one file, built once per scope and sequence."""
        token = _token(credentials)
        limiter.check(_token_key(token))
        answer = response_encoding(request.headers.get("accept-encoding", ""))

        def work() -> Response:
            with store.unit_of_work() as uow:
                device, user = _authenticate(uow, token)
                return _packed(district_snapshot.snapshot_for(uow, device, user, snapshots), answer)

        return await run_in_threadpool(work)

    @app.get("/v1/snapshot/{snapshot_id}", tags=["sync"], response_class=Response,
             responses={200: {"description": "Bytes of the snapshot from `offset` (at most a chunk).",
                              "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                                  "format": "binary"}}}},
                        404: _error("No such snapshot for this device (rebuilt since, or another scope's): ask "
                                    "GET /v1/snapshot again."),
                        **{k: v for k, v in _ERRORS.items() if k not in (413, 415)}})
    async def snapshot_chunk(credentials: Bearer,
                             snapshot_id: Annotated[str, Path(max_length=80, pattern=r"^[0-9a-f]+-[0-9]+$")],
                             offset: Annotated[int, Query(ge=0, le=MAX_INT, description="The first byte wanted.")]
                             = 0) -> Response:
        """A chunk of a snapshot: a download cut off goes on from the bytes it has."""
        token = _token(credentials)
        limiter.check(_token_key(token))

        def work() -> Response:
            with store.unit_of_work() as uow:
                _device, user = _authenticate(uow, token)
                data = district_snapshot.chunk(uow, user, snapshots, snapshot_id, offset)
            if data is None:
                raise HTTPException(404, "No such snapshot for this device: ask for the snapshot again.")
            return Response(data, media_type="application/octet-stream")

        return await run_in_threadpool(work)

    async def _read_only(request: Request, credentials, kind: type[msgspec.Struct], answer_for) -> Response:
        """A request that only reads: authenticate, read a ``kind`` body, answer ``answer_for(uow, user, it)``."""
        token, body, encoding, answer = await _token_and_body(request, credentials)

        def work() -> Response:
            with store.unit_of_work() as uow:
                _device, user = _authenticate(uow, token)
                return _packed(answer_for(uow, user, _unpack(body, kind, encoding)), answer)

        return await run_in_threadpool(work)

    @app.post("/v1/verify", tags=["sync"], response_class=Response,
              openapi_extra=_request_body(f"A BucketList: the device's count and digest for each bucket (table, "
                                          f"prefix of the rows' bucket keys in hex), at most {MAX_BUCKETS}"),
              responses={200: _binary("Differences: the buckets asked about whose count or digest differ on the "
                                      "district, each with the district's figures and its children's (one more "
                                      "hex digit), and the change-log sequence they are as of."), **_ERRORS})
    async def verify(request: Request, credentials: Bearer) -> Response:
        """Verified sync: which of the buckets asked about differ in the device's scope, and where within them."""
        return await _read_only(request, credentials, BucketList, lambda uow, user, asked: district_snapshot.differences(
            uow, user, asked.buckets))

    @app.post("/v1/repair", tags=["sync"], response_class=Response,
              openapi_extra=_request_body(f"A RepairRequest: buckets that differ, at most {MAX_BUCKETS}, each with "
                                          f"the digests of the device's rows in it; and tables that differ, at most "
                                          f"{MAX_SKETCHES}, each as a sketch of the device's rows (an invertible "
                                          f"Bloom lookup table, at most {MAX_SKETCH_CELLS} cells in all)"),
              responses={200: _binary(f"RepairRows: the district's rows in those buckets whose digests the device "
                                      f"did not send, and in those tables that the sketches show differ, whole (at "
                                      f"most {MAX_REPAIR_ROWS}); and whether each sketch came out."), **_ERRORS})
    async def repair(request: Request, credentials: Bearer) -> Response:
        """Verified sync: the rows the device lacks or holds with other values, to put right."""
        return await _read_only(request, credentials, RepairRequest, lambda uow, user, asked: district_snapshot
                                .repair_rows(uow, user, asked.buckets, asked.sketches))

    @app.get("/v1/status", tags=["sync"],
             responses={**{k: v for k, v in _ERRORS.items() if k in (400, 401, 429, 503)}})
    async def status(credentials: Bearer,
                     pending: Annotated[int | None, Query(ge=0, le=MAX_COUNT, description=(
                         "How many changes the device still holds unsent (sync health).")
                     )] = None) -> Status:
        """A cheap check that the server is reachable and the token still works."""
        token = _token(credentials)
        limiter.check(_token_key(token))

        def work() -> Status:
            with store.unit_of_work() as uow:
                device, user = _authenticate(uow, token)
                if pending is not None:
                    with write_lock:
                        district_sync.note_pending(device, pending)
                        uow.commit()
                return Status(server_time=district_sync.server_time_ms(), protocol=PROTOCOL_VERSION,
                              user=user.name, role=user.role)

        return await run_in_threadpool(work)

    # People's pages (sign-in with a password), beside the devices' API; not in the OpenAPI document.
    app.include_router(dashboard.make_router(store, write_lock, failures=RateLimiter(5), attempts=RateLimiter(30)))

    published = app.openapi

    def openapi() -> dict:
        # A bad query is a 400 here (see _bad_query), never FastAPI's 422: the document says so.
        document = published()
        for operations in document.get("paths", {}).values():
            for operation in operations.values():
                operation.get("responses", {}).pop("422", None)
        return document

    app.openapi = openapi
    return app
