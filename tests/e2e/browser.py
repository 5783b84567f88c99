"""A real headless Chromium (Debian's package) driven by Playwright, and a real `figcheck` server process.

Playwright's own browser downloads are never used: the driver launches /usr/bin/chromium. Tests that
need the browser skip only when no Chromium is installed at all.

Screenshots and terminal pictures go to the test artifacts folder (FIGCHECK_TEST_ARTIFACTS, by default the
git-ignored tests/artifacts/), so a test run never dirties the repository. The README's pictures under
reports/screenshots/ are refreshed only on purpose: run the tests with FIGCHECK_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "reports" / "screenshots"
ARTIFACTS = Path(os.environ.get("FIGCHECK_TEST_ARTIFACTS", ROOT / "tests" / "artifacts"))


def keep_picture(made: Path) -> Path:
    """Copy a picture made in ARTIFACTS into reports/screenshots/, only when FIGCHECK_UPDATE_SCREENSHOTS=1."""
    if os.environ.get("FIGCHECK_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made, SCREENSHOTS / made.name)
    return made
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def chromium_browser():
    """Headless Chromium, launched once for a module's tests; skips when no Chromium is installed."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def chromium():
    with chromium_browser() as browser:
        yield browser


@contextmanager
def new_page(browser, width: int = 1200, height: int = 900):
    """A fresh page in its own context (no cookies or storage shared between tests)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


@contextmanager
def browser_page(width: int = 1200, height: int = 900):
    """A page in a browser of its own, for one-off use outside a test module's shared browser."""
    with chromium_browser() as browser, new_page(browser, width, height) as page:
        yield page


def screenshot(page, name: str) -> Path:
    """Keep a screenshot as a test artifact (and in reports/screenshots/ when asked: see keep_picture)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    page.screenshot(path=str(target), full_page=True)
    return keep_picture(target)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def figcheck_serve(*args: str, cwd: Path | None = None):
    """`figcheck serve` as a subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port), *args],
                               cwd=cwd or ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"figcheck serve did not start: {process.stderr.read().decode()}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            stream.close()
