"""Server load: a multi-user Onward on PostgreSQL, 4 web workers, 50 people at once.

Target: p95 under 200 ms per kind of request, no errors, every cross-owner probe
refused (404). The data: ``--seekers`` job seekers and ``--coaches`` coaches (accounts with
passwords, one API token each), ``--applications`` applications spread over the seekers,
each with its stage events, written in bulk through the db layer's tables (one transaction,
explicit ids); then every seeker shares with one coach, in turn (the pipeline and goals, every
third one insights too: 25 people per coach at the defaults). The server is ``onward serve
--multi-user --workers N`` on a free loopback port, in a database of its own; ``--users``
simulated people, ``--coach-users`` of them coaches, sign in all at once (timed apart: Argon2
is slow on purpose), then for ``--seconds`` each sends one request after another and reads
each answer for a moment before the next click (``--think`` seconds on average, drawn between
half and one and a half times that, as load tools such as Locust simulate a person; ``--think
0`` floods the server instead, which measures its capacity rather than what a person waits).
The first ``--warm-up`` seconds (10) are not timed, as each web process loads its templates
and opens its connections then; their probes are checked all the same.

A seeker mixes Today, the board, an application, Mail, due reminders and the API (an
application, the review queue, mail imports); a coach the caseload and one of their people, as
pages and through the API. Probes: each seeker first asks for another seeker's application, as
a page and through the API, each coach for the caseload page and an application of someone
who does not share with them; then about one request in twelve is such a probe. Every probe
must be a 404. Prints p50 and p95 in milliseconds per kind, the errors, and the probes'
outcome.

    python bench/server_load.py [--seekers 500] [--coaches 20] [--applications 50000]
        [--seconds 60] [--users 50] [--coach-users 5] [--think 1.0] [--warm-up 10]
        [--workers 4] [--postgres URL]

``--postgres`` is the server to use (default: ONWARD_BENCH_DATABASE_URL, else
postgresql+psycopg://postgres@127.0.0.1:5432/postgres); a database ``onward_bench_*`` is
made there for the run and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx2 as httpx

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.domain.records import Owner
from onward.services.api_tokens import create_api_token
from onward.services.passwords import hash_password
from onward.services.runtime import Workspace, open_workspace
from onward.services.sharing import share_with_coach

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
PASSWORD = "bench-password-long-enough"
PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
STAGES = ["applied", "applied", "screen", "interview", "rejected", "ghosted", "saved"]
COMPANIES = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Fjord", "Kestrel", "Pine"]
ROLES = ["Data Analyst", "Engineer", "Product Manager", "Designer", "Operations Lead"]


@dataclass
class Seeker:
    email: str
    token: str
    application_ids: list[int] = field(default_factory=list)
    owner_id: int = 0


@dataclass
class Coach:
    email: str
    token: str
    people: list[int] = field(default_factory=list)  # the owners who share with this coach


# -- the data ----------------------------------------------------------------------------------
def seed(
    ws: Workspace, n_seekers: int, n_coaches: int, n_apps: int
) -> tuple[list[Seeker], list[Coach]]:
    """Accounts (one password hash for all: Argon2 is slow by design), tokens, and the
    applications with their events, in one transaction of bulk inserts; then every seeker
    shares with one coach (in turn: 25 people each at 500 and 20), the pipeline and goals,
    every third one insights too."""
    from onward.db import tables as t

    hashed = hash_password(PASSWORD)
    rng = random.Random(7)
    seekers: list[Seeker] = []
    coaches: list[Coach] = []
    with ws.store.transaction() as tx:
        for i in range(n_seekers + n_coaches):
            role = Role.SEEKER if i < n_seekers else Role.COACH
            email = f"{role.value}{i}@bench.example"
            owner = tx.owner(email, NOW)
            tx.accounts.insert(owner.id, email, role, hashed, NOW)
            token = create_api_token(ws.store, owner, ws.clock).secret
            if role is Role.SEEKER:
                seekers.append(Seeker(email, token, owner_id=owner.id))
            else:
                coaches.append(Coach(email, token))
        apps, events = [], []
        for app_id in range(1, n_apps + 1):
            seeker = seekers[app_id % len(seekers)]
            seeker.application_ids.append(app_id)
            apps.append(_application(app_id, seeker.owner_id, rng))
            events.extend(_events(apps[-1]))
        tx.conn.execute(t.applications.insert(), apps)
        tx.conn.execute(t.stage_events.insert(), events)
        tx.reset_sequences()
    for i, seeker in enumerate(seekers if coaches else ()):
        coach = coaches[i % len(coaches)]
        scopes = ["pipeline", "goals", "insights"] if i % 3 == 0 else ["pipeline", "goals"]
        owner = Owner(seeker.owner_id, seeker.email)
        share_with_coach(ws.store, owner, coach.email, scopes, date(2027, 1, 31), ws.clock)
        coach.people.append(seeker.owner_id)
    ws.store.refresh_statistics()
    return seekers, coaches


def _application(app_id: int, owner_id: int, rng: random.Random) -> dict[str, object]:
    stage = rng.choice(STAGES)
    applied = date(2026, 11, 19) - timedelta(days=rng.randrange(120))
    return {
        "id": app_id, "owner_id": owner_id, "company": rng.choice(COMPANIES) + f" {app_id % 97}",
        "role": rng.choice(ROLES), "stage": stage, "stage_on": applied,
        "reached": "interview" if stage == "interview" else "applied", "created_at": NOW,
        "updated_at": NOW, "timeline_applied_on": None if stage == "saved" else applied,
        "timeline_rejected_on": applied if stage == "rejected" else None, "timeline_path": 0,
    }  # fmt: skip


def _events(app: dict[str, object]) -> list[dict[str, object]]:
    steps = ["saved"] if app["stage"] == "saved" else ["applied"]
    if app["stage"] not in ("saved", "applied"):
        steps.append(str(app["stage"]))
    return [
        {"owner_id": app["owner_id"], "application_id": app["id"], "stage": step,
         "occurred_on": app["stage_on"], "source": "manual", "created_at": NOW}
        for step in steps
    ]  # fmt: skip


# -- the server --------------------------------------------------------------------------------
@contextmanager
def database(server_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from onward.db.engine import normalise_url

    base = make_url(normalise_url(server_url))
    name = f"onward_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def server(url: str, home: Path, workers: int) -> Iterator[str]:
    port = free_port()
    env = os.environ | {
        "ONWARD_DATABASE_URL": url, "ONWARD_HOME": str(home),
        "ONWARD_SECRET_KEY": secrets.token_urlsafe(48), "ONWARD_SECURE_COOKIES": "off",
    }  # fmt: skip
    command = [sys.executable, "-m", "onward", "serve", "--multi-user"]
    command += ["--workers", str(workers), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180  # four processes importing on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at once (exit {process.returncode})")
        try:
            httpx.get(base + "/manifest.webmanifest", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 180 s")


# -- the people --------------------------------------------------------------------------------
async def sign_in(client: httpx.AsyncClient, email: str, password: str) -> str:
    """Sign in as a person would: the form (its CSRF token), then the email and password.
    "" when the server answered with a session (a redirect away from /signin), else what
    went wrong."""
    page = await client.get("/signin")
    if page.status_code != 200:
        return f"sign-in page → {page.status_code}"
    found = re.search(r'name="(csrf[^"]*)" value="([^"]+)"', page.text)
    form = {"email": email, "password": password, "next": "/"}
    if found:
        form[found.group(1)] = found.group(2)
    answer = await client.post("/signin", data=form, follow_redirects=False)
    if answer.status_code in (302, 303) and "/signin" not in answer.headers.get("location", ""):
        return ""
    return f"sign-in → {answer.status_code}"


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    probes: int = 0
    probes_refused: int = 0
    signed_in: int = 0
    sign_in_seconds: float = 0.0


Request = tuple[str, str, str, bool]  # (kind, method, path, api)
Next = Callable[[random.Random], Request | None]


def pick(rng: random.Random, me: Seeker, other: Seeker) -> Request:
    """A seeker's next request."""
    own, theirs = rng.choice(me.application_ids), rng.choice(other.application_ids)
    roll = rng.random()
    if roll < 0.04:
        return "probe: page", "GET", f"/applications/{theirs}", False
    if roll < 0.08:
        return "probe: api", "GET", f"/api/v1/applications/{theirs}", True
    choices = [
        ("page: today", "GET", "/", False),
        ("page: board", "GET", "/board", False),
        ("page: application", "GET", f"/applications/{own}", False),
        ("page: mail", "GET", "/mail", False),
        ("api: application", "GET", f"/api/v1/applications/{own}", True),
        ("page: due reminders", "GET", "/reminders/due", False),
        ("api: review queue", "GET", "/api/v1/proposals", True),
        ("api: mail imports", "GET", "/api/v1/mail/imports", True),
    ]
    return rng.choice(choices)


def pick_for_coach(rng: random.Random, me: Coach, stranger: Seeker) -> Request:
    """A coach's next request: the caseload, one of their people, or a probe of someone who
    does not share with them (their caseload page, their application)."""
    roll = rng.random()
    if roll < 0.04:
        return "probe: page", "GET", f"/caseload/{stranger.owner_id}", False
    if roll < 0.08:
        return "probe: api", "GET", f"/api/v1/applications/{stranger.application_ids[0]}", True
    one = rng.choice(me.people)
    choices = [
        ("coach: caseload", "GET", "/caseload", False),
        ("coach: one person", "GET", f"/caseload/{one}", False),
        ("coach api: caseload", "GET", "/api/v1/caseload", True),
        ("coach api: one person", "GET", f"/api/v1/caseload/{one}", True),
    ]
    return rng.choice(choices)


def seeker_next(me: Seeker, everyone: list[Seeker]) -> tuple[list[Request], Next]:
    """A seeker's first requests (someone else's application, as a page and through the API)
    and how they choose the next one."""
    theirs = everyone[(everyone.index(me) + 1) % len(everyone)].application_ids[0]
    first = [("probe: page", "GET", f"/applications/{theirs}", False)]
    first += [("probe: api", "GET", f"/api/v1/applications/{theirs}", True)]

    def following(rng: random.Random) -> Request | None:
        other = rng.choice(everyone)
        return None if other is me else pick(rng, me, other)

    return first, following


def coach_next(me: Coach, everyone: list[Seeker]) -> tuple[list[Request], Next]:
    """A coach's first requests (a stranger's caseload page and application) and the rest."""
    strangers = [s for s in everyone if s.owner_id not in me.people]
    if not strangers:
        raise SystemExit("a coach needs someone who does not share with them: --coaches 2 or more")
    first = [("probe: page", "GET", f"/caseload/{strangers[0].owner_id}", False)]
    first += [("probe: page", "GET", f"/applications/{strangers[0].application_ids[0]}", False)]

    def following(rng: random.Random) -> Request | None:
        return pick_for_coach(rng, me, rng.choice(strangers))

    return first, following


async def person(
    client: httpx.AsyncClient,
    name: str,
    token: str,
    plan: tuple[list[Request], Next],
    timed_from: float,
    until: float,
    think: float,
    tally: Tally,
) -> None:
    """The first requests (probes), then a request after another until ``until``, pausing
    about ``think`` seconds after each answer. Requests before ``timed_from`` warm the
    server up: checked (probes too) but not timed."""
    rng = random.Random(name)
    if think:  # people do not all click in the same instant: the first click is spread too
        await asyncio.sleep(rng.uniform(0, think))
    first, following = plan
    for what in first:
        await request(client, token, what, tally, timed=time.monotonic() >= timed_from)
    while time.monotonic() < until:
        chosen = following(rng)
        if chosen is None:
            continue
        await request(client, token, chosen, tally, timed=time.monotonic() >= timed_from)
        if think:
            await asyncio.sleep(rng.uniform(think / 2, think * 3 / 2))


async def request(
    client: httpx.AsyncClient, token: str, what: Request, tally: Tally, *, timed: bool = True
) -> None:
    """One request (timed unless it warms up); a probe must be a 404, anything else a 200."""
    kind, method, path, api = what
    headers = {"Authorization": f"Bearer {token}"} if api else None
    started = time.perf_counter()
    try:
        status = (await client.request(method, path, headers=headers)).status_code
    except httpx.TransportError:
        status = 0
    if timed:
        tally.times[kind].append((time.perf_counter() - started) * 1000)
    if kind.startswith("probe"):
        tally.probes += 1
        tally.probes_refused += status == 404
    elif status != 200:
        tally.errors[f"{kind} → {status}"] += 1


async def load(
    base: str,
    seekers: list[Seeker],
    coaches: list[Coach],
    users: int,
    coach_users: int,
    timing: tuple[float, float, float],
) -> Tally:
    """Everyone signs in (timed apart: Argon2 is slow on purpose), then the timed run:
    ``users`` people, ``coach_users`` of them coaches. ``timing``: (seconds, think, warm-up)."""
    seconds, think, warm_up = timing
    tally = Tally()
    people = [(s.email, s.token, seeker_next(s, seekers)) for s in seekers[: users - coach_users]]
    people += [(c.email, c.token, coach_next(c, seekers)) for c in coaches[:coach_users]]
    clients = [httpx.AsyncClient(base_url=base, timeout=30) for _ in people]
    try:
        started = time.perf_counter()
        problems = await asyncio.gather(
            *(sign_in(c, p[0], PASSWORD) for c, p in zip(clients, people, strict=True))
        )
        tally.sign_in_seconds = time.perf_counter() - started
        for problem in problems:
            if problem:
                tally.errors[problem] += 1
        tally.signed_in = problems.count("")
        timed_from = time.monotonic() + warm_up
        until = timed_from + seconds
        await asyncio.gather(
            *(
                person(c, name, token, plan, timed_from, until, think, tally)
                for c, (name, token, plan) in zip(clients, people, strict=True)
            )
        )
    finally:
        for client in clients:
            await client.aclose()
    return tally


def report(tally: Tally, seconds: float) -> None:
    total = sum(len(v) for v in tally.times.values())
    print(f"signed in: {tally.signed_in} (all at once, in {tally.sign_in_seconds:.1f} s); "
          f"then {total:,} requests in {seconds:.0f} s ({total / seconds:,.0f}/s)")  # fmt: skip
    print(f"{'kind':<22}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}")
    for kind in sorted(tally.times):
        times = sorted(tally.times[kind])
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{kind:<22}{len(times):>7}{statistics.median(times):>9.1f}{p95:>9.1f}")
    errors = sum(tally.errors.values())
    print(f"errors: {errors}" + "".join(f"\n  {k}: {n}" for k, n in sorted(tally.errors.items())))
    print(f"cross-owner probes: {tally.probes}, refused (404): {tally.probes_refused}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=int, default=500)
    parser.add_argument("--coaches", type=int, default=20)
    parser.add_argument("--applications", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--coach-users", type=int, default=5, help="of --users, coaches")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between clicks")
    parser.add_argument("--warm-up", type=float, default=10, help="seconds not timed first")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres", default=os.environ.get("ONWARD_BENCH_DATABASE_URL", PG))
    args = parser.parse_args()
    if args.seekers < 2 or args.applications < args.seekers:
        parser.error("give at least 2 seekers and one application per seeker")
    if args.coach_users > min(args.coaches, args.users - 1) or args.coaches > args.seekers:
        parser.error("--coach-users must be at most --coaches (and --users - 1), and a coach "
                     "needs a seeker who shares")  # fmt: skip
    home = Path(tempfile.mkdtemp(prefix="onward-bench-load-"))
    with database(args.postgres) as url:
        ws = open_workspace(Settings().but(home=home, database_url=url), FixedClock(NOW))
        started = time.perf_counter()
        seekers, coaches = seed(ws, args.seekers, args.coaches, args.applications)
        ws.close()
        took = time.perf_counter() - started
        print(f"seeded {args.seekers} seekers, {args.coaches} coaches, "
              f"{args.applications:,} applications in {took:.1f} s")  # fmt: skip
        with server(url, home, args.workers) as base:
            pause = f"{args.think:g} s between clicks" if args.think else "no pause: a flood"
            print(f"{args.users} people, {args.coach_users} of them coaches ({pause}), "
                  f"for {args.seconds:.0f} s against {args.workers} workers")  # fmt: skip
            timing = (args.seconds, args.think, args.warm_up)
            tally = asyncio.run(load(base, seekers, coaches, args.users, args.coach_users, timing))
    report(tally, args.seconds)


if __name__ == "__main__":
    main()
