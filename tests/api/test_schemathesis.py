"""schemathesis against the OpenAPI schema of a running ``crosswire serve``: whatever the
schema allows, the API answers without a server error and as its schema says.

Examples per operation: ``CROSSWIRE_SCHEMA_EXAMPLES`` (default 40)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import open_store
from tests.fixtures.story_fixture import story_articles, story_sources
from tests.helpers.live_server import live_server

EXAMPLES = int(os.environ.get("CROSSWIRE_SCHEMA_EXAMPLES", "40"))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory) -> Iterator[schemathesis.BaseSchema]:
    root = tmp_path_factory.mktemp("schemathesis")
    url = f"sqlite:///{root / 'crosswire.db'}"
    with open_store(url) as store:
        for source in story_sources().values():
            store.upsert_source(source)
        pipeline = Pipeline(store, Settings(database_url=url, embedder="hashing"))
        pipeline.add_articles(story_articles())
        pipeline.refresh_digests()
    with live_server(url, root) as base:
        yield schemathesis.openapi.from_url(base + "/openapi.json")


def test_api_has_no_server_errors(api_schema):
    # schemathesis' own pytest plugin does not run on pytest 9 (it reads a private node id),
    # so each operation's strategy is driven by hypothesis directly.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 5, [op.label for op in operations]
    calls: dict[str, int] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case):
            label = case.operation.label
            response = case.call(timeout=10)
            case.validate_response(response, checks=[not_a_server_error])
            calls[label] = calls.get(label, 0) + 1

        call()
    print(f"schemathesis: {sum(calls.values())} calls over {len(calls)} operations: {calls}")
