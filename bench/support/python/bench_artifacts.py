"""The trivial artifact of the create benchmark, for the Python gren.

It lives in its own importable module because the Python gren names an artifact's folder
after `module.Class` and refuses classes defined in `__main__`.
"""

import gren


class TrivialArtifact(gren.Gren[int]):
    label: str = gren.chz.field()
    i: int = gren.chz.field()

    def _create(self) -> int:
        return self.i

    def _load(self) -> int:
        return self.i
