"""Benchmark of the site: build overhead of the hooks, scaling, page weight, search latency.

`make bench` runs it (see bench/run.py); `make test` runs it once on a tiny input
(tests/test_bench.py) to check that it still works, never to judge the timings.
"""
