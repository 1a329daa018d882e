"""Console fixtures: one skill for the module, a fresh console state per test, a Flask client,
and (for the browser tests) the console served on a free loopback port and a headless
chromium driven by Selenium.

The browser is Debian's ``chromium`` with its ``chromium-driver`` (both from one source
package, so the driver always matches the browser); Selenium is pointed at both by path and
never downloads anything. Without a chromium binary the browser tests are skipped, saying so.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from balto.console.app import create_app
from balto.console.server import make_console
from balto.console.state import ConsoleState
from balto.simulator import runtime
from skill.config import Config

ROOT = Path(__file__).resolve().parents[3]
#: Where the browser tests leave their screenshots (kept after the run, ignored by git).
ARTIFACTS = ROOT / "test-artifacts" / "console"

CHROMIUM = ("chromium", "chromium-browser")
CHROMEDRIVER = ("chromedriver", "chromium.chromedriver")
#: Where Debian's chromium-driver puts the driver besides the /usr/bin link.
DRIVER_PLACES = ("/usr/lib/chromium/chromedriver",)


@pytest.fixture(scope="module")
def console_handler(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The skill's handler with a SQLite progress store of the module's own."""
    db = tmp_path_factory.mktemp("console") / "progress.sqlite3"
    return runtime.skill_handler(Config(sqlite_path=str(db)))


@pytest.fixture
def make_state(console_handler: Any, request: pytest.FixtureRequest
               ) -> Iterator[Callable[..., ConsoleState]]:
    """``make_state(**settings)``: a console over the module's skill, for a user named after
    the test (so progress never leaks between tests)."""
    made: list[ConsoleState] = []

    def build(**settings: Any) -> ConsoleState:
        settings.setdefault("user", re.sub(r"[^\w.-]", "-", request.node.name)[:100])
        state = ConsoleState(
            console_handler,
            engine_for=lambda locale: runtime.engine_for(runtime.model_path(locale)),
            locales=runtime.available_locales(),
            progress=console_handler.skill.persistence_adapter,
            espeak=shutil.which("espeak-ng"),
            **settings,
        )
        made.append(state)
        return state

    yield build
    for state in reversed(made):
        state.close()


@pytest.fixture
def state(make_state: Callable[..., ConsoleState]) -> ConsoleState:
    return make_state()


@pytest.fixture
def client(state: ConsoleState) -> FlaskClient:
    return create_app(state, allowed_hosts={"localhost"}).test_client()


# -- the browser ----------------------------------------------------------------------------------
def _find(names: tuple[str, ...], places: tuple[str, ...] = ()) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in places if Path(p).is_file()), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless chromium under Selenium, for the module's tests."""
    chromium = _find(CHROMIUM)
    if chromium is None:
        pytest.skip("browser tests skipped: no chromium binary on PATH. Install Debian's "
                    "chromium and its driver (apt-get install chromium chromium-driver); "
                    ".ci/run does this where apt is available.")
    driver_path = _find(CHROMEDRIVER, DRIVER_PLACES)
    if driver_path is None:
        pytest.fail(f"chromium is installed ({chromium}) but its WebDriver is not: "
                    "apt-get install chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1400,1000", "--mute-audio",
                     "--autoplay-policy=no-user-gesture-required", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def console_url(state: ConsoleState) -> Iterator[str]:
    """The console over ``state``, served by its real server on a free loopback port."""
    running = make_console(state, "127.0.0.1", 0).start()
    try:
        yield running.url
    finally:
        running.stop()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
