"""The dashboard's pages, under /dashboard.

Sign-in: a form posts a user's name (or user id) and password; a right one gets a session cookie
(HttpOnly, SameSite=Strict, Secure over https, path /dashboard) holding a random token, of which
the server keeps only the hash (``services/district_sessions.py``), for 8 hours or until sign-out.
Every page without a live session sends the browser to the sign-in page. A form post must come from
a page of this same host (its Origin, else its Referer, names the request's host): another site
cannot post a form here on a signed-in person's behalf. Wrong passwords are throttled per user
(5 a minute) and sign-in attempts per address (30 a minute).

A page another person may not see answers 404, as for something that does not exist (a principal
of one school does not learn which ids are another school's). Nothing here logs a password, a
token or a cookie.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from plclassroom.server.dashboard import exports
from plclassroom.services import district, district_dashboard, district_sessions
from plclassroom.services.district_dashboard import Viewer, grade_label
from plclassroom.store.database import Store

log = logging.getLogger(__name__)

COOKIE = "plc_dashboard"
PREFIX = "/dashboard"
MAX_FORM = 8 * 1024
HERE = FilePath(__file__).parent
ROLE_LABELS = {"teacher": "Teacher", "advisor": "Advisor", "school_admin": "Principal",
               "district_admin": "District admin"}
# No script, no inline style, nothing from elsewhere, never in a frame.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # pages carry students' data: not kept in a browser's cache
}
Id = Annotated[str, Path(min_length=1, max_length=64)]


def _when(moment: datetime | None) -> str:
    """In the server's own time zone (its TZ: a district sets it to where its schools are)."""
    if moment is None:
        return "never"
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # stored as UTC
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z")


def grade_param(grade: str) -> str:
    """A grade as it goes in a URL: "" (no grade) as "-"."""
    return quote(grade or "-", safe="")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    env.filters["grade_param"] = grade_param
    env.globals["role_label"] = lambda role: ROLE_LABELS.get(role, role)
    env.globals["grade_label"] = grade_label
    env.globals["small_group"] = district_dashboard.SMALL_GROUP
    return env


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a dashboard page of this server, never another site."""
    if not target or not target.startswith(PREFIX) or "\\" in target or any(ord(c) < 32 for c in target):
        return PREFIX
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else PREFIX


def _same_origin(request: Request) -> bool:
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    return urlsplit(source).netloc.lower() == request.headers.get("host", "").lower()


async def _form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "The form must be sent as application/x-www-form-urlencoded.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            raise HTTPException(413, "The form is too large.")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=10)
    return {name: values[0] for name, values in fields.items()}


def make_router(store: Store, write_lock: AbstractContextManager, failures, attempts) -> APIRouter:
    """The dashboard's routes. ``write_lock``: the server's SQLite writer lock (see ``server/app.py``);
    ``failures``: a RateLimiter of wrong passwords per user; ``attempts``: of sign-ins per address."""
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    env = _environment()

    def html(template: str, status: int = 200, **values) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**values), status_code=status, headers=HEADERS)

    def not_found(viewer: Viewer | None, district_name: str = "") -> HTMLResponse:
        return html("message.html", 404, viewer=viewer, district=district_name, title="Not found",
                    message="There is no such page, or it is not one you can see.")

    def signed_in(request: Request):
        """The viewer and the district's name, or (None, "") with no live session. Runs in the threadpool."""
        with store.unit_of_work() as uow:
            user = district_sessions.session_user(uow, request.cookies.get(COOKIE))
            if user is None:
                return None, ""
            return district_dashboard.viewer_for(uow, user), district.district_name(uow)

    def to_login(request: Request) -> RedirectResponse:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"{PREFIX}/login?next={quote(target, safe='')}", status_code=303)

    async def page(request: Request, build, *, writes: bool = False) -> Response:
        """Run ``build(uow, viewer, district_name)`` for a signed-in viewer (else to the sign-in page);
        it returns a Response. ``writes``: the page logs a view (the SQLite writer lock is taken)."""

        def work() -> Response:
            viewer, name = signed_in(request)
            if viewer is None:
                return to_login(request)
            with store.unit_of_work() as uow:
                if not writes:
                    return build(uow, viewer, name)
                with write_lock:
                    answer = build(uow, viewer, name)
                    uow.commit()
                    return answer

        return await run_in_threadpool(work)

    @router.get("/dashboard.css")
    async def stylesheet() -> Response:
        return Response((HERE / "dashboard.css").read_bytes(), media_type="text/css",
                        headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})

    @router.get("/login")
    async def login_form(request: Request, next: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
        viewer, name = await run_in_threadpool(signed_in, request)
        if viewer is not None:
            return RedirectResponse(_safe_next(next), status_code=303)
        return html("login.html", viewer=None, district=name, next=_safe_next(next), error=None, who="")

    @router.post("/login")
    async def login(request: Request) -> Response:
        if not _same_origin(request):
            return html("message.html", 403, viewer=None, district="", title="Refused",
                        message="This form must be sent from the dashboard's own sign-in page.")
        address = "dashboard-ip:" + (request.client.host if request.client else "unknown")
        if attempts.retry_after(address):
            return html("login.html", 429, viewer=None, district="", next=PREFIX, who="",
                        error=f"Too many sign-ins from here: try again in {attempts.retry_after(address)} seconds.")
        attempts.check(address)
        form = await _form(request)
        who, password, target = form.get("user", "")[:200], form.get("password", "")[:1000], form.get("next")

        def work() -> Response:
            with store.unit_of_work() as uow:
                user = district_sessions.find_user(uow, who)
                key = "dashboard-user:" + (user.id if user is not None else who.strip().lower())
                wait = failures.retry_after(key)
                if wait:
                    log.warning("dashboard: sign-in refused, too many wrong passwords")
                    return html("login.html", 429, viewer=None, district="", next=_safe_next(target), who=who,
                                error=f"Too many wrong passwords: try again in {wait} seconds.")
                with write_lock:
                    signed = district_sessions.sign_in(uow, who, password)
                if signed is None:
                    failures.check(key)
                    log.info("dashboard: a sign-in failed")  # not the name typed: it may be a password
                    return html("login.html", 200, viewer=None, district="", next=_safe_next(target), who=who,
                                error="That user name and password do not match.")
                token, user = signed
                log.info("dashboard: user %s signed in", user.id)
            answer = RedirectResponse(_safe_next(target), status_code=303)
            answer.set_cookie(COOKIE, token, max_age=district_sessions.SESSION_HOURS * 3600, path=PREFIX,
                              secure=request.url.scheme == "https", httponly=True, samesite="strict")
            return answer

        return await run_in_threadpool(work)

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        if not _same_origin(request):
            return html("message.html", 403, viewer=None, district="", title="Refused",
                        message="This form must be sent from a dashboard page.")

        def work() -> None:
            with store.unit_of_work() as uow, write_lock:
                district_sessions.sign_out(uow, request.cookies.get(COOKIE))

        await run_in_threadpool(work)
        answer = RedirectResponse(f"{PREFIX}/login", status_code=303)
        answer.delete_cookie(COOKIE, path=PREFIX, secure=request.url.scheme == "https", httponly=True,
                             samesite="strict")
        return answer

    @router.get("")
    async def overview(request: Request) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            if viewer.school_admin:
                if viewer.school_id:
                    return RedirectResponse(f"{PREFIX}/school/{quote(viewer.school_id, safe='')}", status_code=303)
                return html("message.html", viewer=viewer, district=name, title="No school",
                            message="Your user has no school: ask the district to set it.")
            return html("overview.html", viewer=viewer, district=name, page=district_dashboard.overview(uow, viewer))

        return await page(request, build)

    @router.get("/school/{school_id}")
    async def school(request: Request, school_id: Id) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.school_page(uow, viewer, school_id)
            if found is None:
                return not_found(viewer, name)
            return html("school.html", viewer=viewer, district=name, page=found)

        return await page(request, build)

    @router.get("/school/{school_id}/grade/{grade}")
    async def grade(request: Request, school_id: Id, grade: Id) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.grade_page(uow, viewer, school_id, "" if grade == "-" else grade)
            if found is None:
                return not_found(viewer, name)
            return html("grade.html", viewer=viewer, district=name, page=found)

        return await page(request, build)

    @router.get("/school/{school_id}/course/{course_id}")
    async def course(request: Request, school_id: Id, course_id: Id) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.course_page(uow, viewer, school_id, course_id)
            if found is None:
                return not_found(viewer, name)
            return html("course.html", viewer=viewer, district=name, page=found)

        return await page(request, build)

    @router.get("/school/{school_id}/course/{course_id}/competency/{competency_id}")
    async def course_competency(request: Request, school_id: Id, course_id: Id, competency_id: Id) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.competency_page(uow, viewer, school_id, None, competency_id,
                                                       request.url.path, course_id)
            if found is None:
                return not_found(viewer, name)
            return html("competency.html", viewer=viewer, district=name, page=found)

        return await page(request, build, writes=True)

    @router.get("/school/{school_id}/grade/{grade}/competency/{competency_id}")
    async def competency(request: Request, school_id: Id, grade: Id, competency_id: Id) -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.competency_page(uow, viewer, school_id, "" if grade == "-" else grade,
                                                       competency_id, request.url.path)
            if found is None:
                return not_found(viewer, name)
            return html("competency.html", viewer=viewer, district=name, page=found)

        return await page(request, build, writes=True)

    # Exports: the pages' figures (suppressed alike), no student's name; not a view of a student's
    # record, so no audit row (see exports.py).
    def download(body: bytes, media_type: str, name: str) -> Response:
        return Response(body, media_type=media_type, headers={
            "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff"})

    def district_export(make, media_type: str, extension: str):
        async def route(request: Request) -> Response:
            def build(uow, viewer: Viewer, name: str) -> Response:
                found = make(uow, viewer)
                if found is None:
                    return not_found(viewer, name)
                return download(found, media_type, exports.file_name(name or "district", extension))

            return await page(request, build)

        return route

    def school_export(make, media_type: str, extension: str):
        async def route(request: Request, school_id: Id) -> Response:
            def build(uow, viewer: Viewer, name: str) -> Response:
                found = make(uow, viewer, school_id)  # (the school's name, the bytes), or None
                if found is None:
                    return not_found(viewer, name)
                return download(found[1], media_type, exports.file_name(found[0], extension))

            return await page(request, build)

        return route

    csv, json, pdf = "text/csv; charset=utf-8", "application/json", "application/pdf"
    for path, route in [
            ("/export/district.csv", district_export(exports.district_csv, csv, "csv")),
            ("/export/district.json", district_export(exports.district_json, json, "json")),
            ("/school/{school_id}/export.csv", school_export(exports.school_csv, csv, "csv")),
            ("/school/{school_id}/export.json", school_export(exports.school_json, json, "json")),
            ("/school/{school_id}/report.pdf", school_export(exports.school_pdf, pdf, "pdf"))]:
        router.add_api_route(path, route, methods=["GET"])

    @router.get("/audit")
    async def audit(request: Request, student: Annotated[str, Query(max_length=64)] = "") -> Response:
        def build(uow, viewer: Viewer, name: str) -> Response:
            found = district_dashboard.audit_page(uow, viewer, student, f"{request.url.path}?student={student}") \
                if student else None
            if found is None:
                return not_found(viewer, name)
            return html("audit.html", viewer=viewer, district=name, page=found)

        return await page(request, build, writes=True)

    return router
