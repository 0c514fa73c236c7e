"""A child process of the create benchmark, for the Python gren (the comparison row):

    GREN_PATH=<store> GREN_LOG_LEVEL=WARNING python create_loop.py <count> <label>

creates `count` fresh trivial artifacts one after another, as bench/support/create-loop.ts
does for ours, and prints one JSON line with the time of each create (ms). Run it from a git
repository with an `origin` remote, as the Python gren requires by default.
"""

import json
import sys
import time

from bench_artifacts import TrivialArtifact


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    label = sys.argv[2] if len(sys.argv) > 2 else "run"
    # Untimed warm-up: imports, the first git metadata collection, the namespace folders.
    for i in range(5):
        TrivialArtifact(label=f"{label}-warmup", i=i).load_or_create()
    creates_ms = []
    for i in range(count):
        artifact = TrivialArtifact(label=label, i=i)
        before = time.perf_counter_ns()
        artifact.load_or_create()
        creates_ms.append((time.perf_counter_ns() - before) / 1e6)
    sys.stdout.write(json.dumps({"createsMs": creates_ms, "totalMs": sum(creates_ms)}) + "\n")


if __name__ == "__main__":
    main()
