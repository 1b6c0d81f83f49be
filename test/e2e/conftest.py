"""Fixtures: one throw-away cluster per session, a fresh database per test, dataset
templates loaded once, and a check of the server log for crashes after every test."""
from __future__ import annotations

import itertools

import pytest

from cluster import Cluster, crash_lines

_names = itertools.count()


@pytest.fixture(scope="session")
def cluster():
    c = Cluster().start()
    yield c
    c.destroy()


@pytest.fixture(autouse=True)
def no_crash(request):
    """Fails the test when the server log shows a crash while it ran."""
    if "cluster" not in request.fixturenames:
        yield
        return
    c = request.getfixturevalue("cluster")
    offset = c.log_size()
    yield
    crashes = crash_lines(c.log_since(offset))
    if crashes:
        pytest.fail("server crashed during the test:\n" + "\n".join(crashes), pytrace=False)


@pytest.fixture(scope="session")
def dataset_template(cluster):
    """Returns the name of a template database holding a dataset, loading it once."""
    loaded: dict[str, str] = {}

    def template(dataset: str) -> str:
        if dataset not in loaded:
            name = f"template_{dataset}"
            cluster.create_database(name)
            cluster.load_dataset(name, dataset)
            loaded[dataset] = name
        return loaded[dataset]

    return template


@pytest.fixture
def make_db(cluster, dataset_template):
    """Creates a fresh database (optionally a copy of a dataset) with the extension."""
    created: list[str] = []

    def make(dataset: str | None = None, extension: bool = True) -> str:
        name = f"t{next(_names)}"
        cluster.create_database(name, dataset_template(dataset) if dataset else "template0")
        created.append(name)
        if extension:
            with cluster.connect(name) as conn:
                conn.execute("CREATE EXTENSION cartridge")
        return name

    yield make
    for name in created:
        cluster.drop_database(name)


@pytest.fixture
def db(cluster, make_db):
    """A connection to a fresh database with the extension created."""
    name = make_db()
    with cluster.connect(name) as conn:
        yield conn
