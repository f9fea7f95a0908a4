"""A real headless browser for the dashboard's tests and screenshots: Debian's
``chromium-headless-shell`` (or ``chromium``), driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: JSON messages ending in NUL, read on fd 3, written on fd 4), so no
WebDriver and no websocket library are needed.

With no chromium installed the browser tests are skipped; on CI (``CI`` set) they fail instead,
as the PostgreSQL tests do (``tests/postgres.py``).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

BINARIES = ("chromium-headless-shell", "chromium", "chromium-browser")


def find() -> str | None:
    return next((found for name in BINARIES if (found := shutil.which(name))), None)


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless chromium with one page. ``with Browser() as page: page.go(url); page.screenshot(path)``."""

    def __init__(self, binary: str | None = None, width: int = 1280, height: int = 900) -> None:
        binary = binary or find()
        if binary is None:
            raise BrowserError("chromium is not installed (Debian: apt-get install chromium-headless-shell)")
        self.width, self.height = width, height
        self.profile = Path(tempfile.mkdtemp(prefix="plclassroom-chromium-"))
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def pipes_on_3_and_4() -> None:  # where --remote-debugging-pipe looks for them
            # Out of the way first: either pipe may itself be on 3 or 4.
            reading, writing = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        args = [binary, "--headless", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--hide-scrollbars",
                "--disable-extensions", "--disable-background-networking", "--mute-audio",
                f"--window-size={width},{height}"]
        if os.geteuid() == 0:
            args.append("--no-sandbox")  # chromium's sandbox refuses to run as root
        self.process = subprocess.Popen([*args, "about:blank"], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        preexec_fn=pipes_on_3_and_4, pass_fds=(3, 4))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- the protocol ------------------------------------------------------------------------------

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise BrowserError("chromium closed the pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, timeout: float = 30, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})
            self._events.append(answer)

    def _wait_for(self, event: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    return self._events.pop(i)
            self._events.append(self._read(deadline))

    # -- what a test does --------------------------------------------------------------------------

    def go(self, url: str) -> None:
        """Open ``url`` and wait until it has loaded."""
        self._events.clear()
        self.call("Page.navigate", session=True, url=url)
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        answer = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise BrowserError(f"script failed: {answer['exceptionDetails'].get('text')}")
        return answer.get("result", {}).get("value")

    def submit(self, form_selector: str, values: dict[str, str]) -> None:
        """Fill a form's fields (by id) and submit it as a person would; wait for the next page."""
        self._events.clear()
        fill = "".join(f"document.getElementById({json.dumps(k)}).value = {json.dumps(v)};" for k, v in values.items())
        self.evaluate(f"{fill} document.querySelector({json.dumps(form_selector)}).requestSubmit();")
        self._wait_for("Page.loadEventFired")

    @property
    def url(self) -> str:
        return self.evaluate("location.href")

    def dom(self) -> str:
        return self.evaluate("document.documentElement.outerHTML")

    def set_cookie(self, url: str, name: str, value: str) -> None:
        self.call("Network.setCookie", session=True, url=url, name=name, value=value, httpOnly=True,
                  sameSite="Strict")

    def screenshot(self, path: Path, full_page: bool = True) -> bytes:
        """A PNG of the page (all of it, however long, unless ``full_page`` is False)."""
        height = self.height
        if full_page:
            size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            height = max(self.height, int(size["height"]) + 1)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=self.width, height=height,
                  deviceScaleFactor=1, mobile=False)
        data = base64.b64decode(self.call("Page.captureScreenshot", session=True, format="png")["data"])
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=self.width, height=self.height,
                  deviceScaleFactor=1, mobile=False)
        Path(path).write_bytes(data)
        return data
