"""A private PostgreSQL server in a folder of its own: for the test suite, the benchmarks, and for trying a
shared archive on one machine before a team sets up a real server.

It runs Debian's (or any installed) PostgreSQL binaries — ``initdb`` to make a cluster, ``pg_ctl`` to start
and stop it — listening on the loopback interface and on a socket inside the folder. PostgreSQL refuses to
run as root, so when started by root the cluster belongs to, and runs as, the unprivileged ``nobody``.

The superuser ``postgres`` has a random password (scram-sha-256 on TCP; the socket trusts local users so
that the tests can set up roles without one).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

_SEARCH = ("/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt/postgresql")
RUN_AS = "nobody"  # who runs the server when we are root


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started here; the message says what is missing and how to get it."""


def server_binaries() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``: the newest installed version."""
    pg_config = shutil.which("pg_config")
    candidates: list[Path] = []
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
            candidates.append(Path(out.stdout.strip()))
    for root in _SEARCH:
        base = Path(root)
        if base.is_dir():
            versions = sorted(
                (p for p in base.iterdir() if p.name.split(".")[0].isdigit()),
                key=lambda p: [int(x) for x in p.name.split(".") if x.isdigit()],
                reverse=True,
            )
            candidates += [v / "bin" for v in versions] + [base / "bin"]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise ServerUnavailable(
        "PostgreSQL's server programs (initdb, pg_ctl) were not found: install them "
        "(Debian/Ubuntu: `apt-get install postgresql`), or give a running server's address"
    )


def _unreachable_by(folder: Path, user: str) -> Path | None:
    """The first folder above ``folder`` that ``user`` may not enter (no execute bit for it), or None."""
    import pwd

    who = pwd.getpwnam(user)
    for parent in reversed(folder.resolve().parents):
        st = parent.stat()
        if st.st_uid == who.pw_uid:
            allowed = st.st_mode & 0o100
        elif st.st_gid == who.pw_gid:
            allowed = st.st_mode & 0o010
        else:
            allowed = st.st_mode & 0o001
        if not allowed:
            return parent
    return None


def _is_free(port: int) -> bool:
    """Whether PostgreSQL could listen on the port (it sets SO_REUSEADDR, so a port its last run left in
    TIME_WAIT is free to it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LocalServer:
    """One private cluster: ``folder`` holds its data, socket, log and the superuser's password."""

    folder: Path
    port: int
    password: str
    bindir: Path
    run_as: str | None

    @classmethod
    def start(
        cls, folder: Path | None = None, *, durable: bool = True, tls: tuple[Path, Path] | None = None
    ) -> LocalServer:
        """Make (if new) and start a cluster in ``folder`` (a new temporary one if None).

        ``durable=False`` turns off fsync: for tests and benchmarks whose data is thrown away. ``tls``: a
        certificate and its key (PEM) to offer TLS with.
        """
        bindir = server_binaries()
        folder = Path(folder or tempfile.mkdtemp(prefix="archive-viewer-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        run_as = RUN_AS if os.geteuid() == 0 else None
        data, secret = folder / "data", folder / "superuser-password"
        if run_as is not None:
            shutil.chown(folder, run_as)
            blocked = _unreachable_by(folder, run_as)
            if blocked is not None:
                raise ServerUnavailable(
                    f"{folder}: PostgreSQL runs as {run_as} here, which cannot enter {blocked}; "
                    "give a folder it can reach (e.g. under /tmp)"
                )
        if not (data / "PG_VERSION").exists():
            password = secrets.token_urlsafe(18)
            secret.write_text(password + "\n", encoding="utf-8")
            secret.chmod(0o600)
            if run_as is not None:
                shutil.chown(secret, run_as)
            cls._run(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    f"--pwfile={secret}",
                ],
                run_as,
                "initdb",
            )
        password = secret.read_text(encoding="utf-8").strip()
        port_file = folder / "port"
        running = subprocess.run(
            [str(bindir / "pg_ctl"), "-D", str(data), "status"],
            capture_output=True,
            check=False,
            **_as_user(run_as),
        )
        if running.returncode == 0 and port_file.exists():  # started before and still running: reuse it
            return cls(folder, int(port_file.read_text()), password, bindir, run_as)
        # The port it had before, when free: addresses already given to the app stay right after a restart.
        earlier = int(port_file.read_text()) if port_file.exists() else None
        port = earlier if earlier is not None and _is_free(earlier) else _free_port()
        server = cls(folder, port, password, bindir, run_as)
        options = [
            f"-c port={server.port}",
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={folder}",
            "-c max_connections=200",
        ]
        if not durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        if tls is not None:
            cert, key = folder / "server.crt", folder / "server.key"
            shutil.copyfile(tls[0], cert)
            shutil.copyfile(tls[1], key)
            key.chmod(0o600)  # PostgreSQL refuses a key others can read
            if run_as is not None:
                shutil.chown(cert, run_as)
                shutil.chown(key, run_as)
            options += ["-c ssl=on", f"-c ssl_cert_file={cert}", f"-c ssl_key_file={key}"]
        cls._run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                " ".join(options),
                "start",
            ],
            run_as,
            "pg_ctl start",
            log=folder / "server.log",
        )
        port_file.write_text(str(server.port), encoding="utf-8")
        return server

    @staticmethod
    def _run(args: list[str], run_as: str | None, what: str, log: Path | None = None) -> None:
        done = subprocess.run(args, capture_output=True, text=True, check=False, **_as_user(run_as))
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            if log is not None and log.exists():
                detail += log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise ServerUnavailable(f"PostgreSQL's {what} failed: " + " / ".join(detail))

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        """A SQLAlchemy URL over TCP on the loopback interface (the superuser's unless told)."""
        secret = self.password if password is None and user == "postgres" else password
        auth = quote(user, safe="") + (":" + quote(secret, safe="") if secret else "")
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{quote(database, safe='')}"

    def stop(self, remove: bool = False) -> None:
        """Stop the server (fast shutdown), and remove its folder when asked."""
        with contextlib.suppress(ServerUnavailable):
            self._run(
                [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"],
                self.run_as,
                "pg_ctl stop",
            )
        if remove:
            # A few retries: the postmaster may still be removing its socket.
            for _ in range(5):
                try:
                    shutil.rmtree(self.folder)
                    break
                except OSError:
                    time.sleep(0.2)


def _as_user(run_as: str | None) -> dict[str, Any]:
    """``subprocess.run``'s arguments to run a program as ``run_as`` (PostgreSQL refuses root)."""
    if run_as is None:
        return {}
    return {"user": run_as, "group": "nogroup" if _has_group("nogroup") else run_as}


def _has_group(name: str) -> bool:
    try:
        import grp

        grp.getgrnam(name)
        return True
    except (ImportError, KeyError):
        return False
