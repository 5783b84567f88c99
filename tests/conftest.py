"""Shared pytest configuration, and the hypothesis profiles: derandomized where `CI` is set (so CI
passes or fails on the code, never on luck), broader and random locally. Locally
`HYPOTHESIS_SEED=N` fixes the random run to seed N (as `--hypothesis-seed=N` does), so a run can be
repeated exactly; under CI it is ignored, the derandomized profile decides."""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.hookimpl(tryfirst=True)  # before hypothesis's own plugin reads --hypothesis-seed
def pytest_configure(config):
    seed = os.environ.get("HYPOTHESIS_SEED")
    if seed and not os.environ.get("CI") and config.getoption("hypothesis_seed", None) is None:
        config.option.hypothesis_seed = seed
    config.addinivalue_line("markers", "slow: takes more than a few seconds (large generated inputs)")
