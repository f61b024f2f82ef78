"""Hypothesis profiles for the whole suite.

- ``ci`` (the default): derandomized (a fixed seed, so every run tries the same examples and a
  failure reproduces), at most 40 examples per property unless a test asks for its own count,
  no deadline (a shared CI machine is slow now and then), no example database written.
- ``dev``: many more random examples, for a longer local hunt:
  ``python3 -m pytest -q tests/test_fuzz_pipeline.py --hypothesis-profile=dev``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=40, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=1000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci")  # --hypothesis-profile=NAME (the hypothesis pytest plugin) overrides this
